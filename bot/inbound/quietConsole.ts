import { AsyncLocalStorage } from 'node:async_hooks';

const quiet = new AsyncLocalStorage<true>();
const PATCHED = Symbol.for('gatekeeper.quietConsole');
const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

function patchConsoleOnce(): void {
  const c = console as unknown as Record<string | symbol, unknown>;
  if (c[PATCHED]) return;
  c[PATCHED] = true;
  for (const name of METHODS) {
    /* eslint-disable no-console -- wraps the console, prints nothing of its own */
    const original = console[name].bind(console);
    console[name] = (...args: unknown[]) => {
      /* eslint-enable no-console */
      if (!quiet.getStore()) original(...args);
    };
  }
}

/**
 * Runs `fn` with console output dropped for its async context only. botbuilder's JWT validation prints
 * to the console on a bad token (a stack trace, and for a bad signature every public key it knows); we
 * log one structured warning instead. Other code, even running at the same time, still prints.
 */
export function withoutConsole<T>(fn: () => Promise<T>): Promise<T> {
  patchConsoleOnce();
  return quiet.run(true, fn);
}
