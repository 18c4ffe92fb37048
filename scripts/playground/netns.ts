/**
 * A loopback-only Linux network namespace for the Playground walk-through. The Playground probes
 * 169.254.169.254 (the cloud metadata address) when it starts, and its page loads fonts from a CDN:
 * inside a namespace with nothing but `lo`, nothing of it can leave the machine. Needs root.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { networkInterfaces } from 'node:os';

export const NETNS = 'gkpg';

/** True when this process sees no network interface but loopback. */
export function onlyLoopback(): boolean {
  return Object.entries(networkInterfaces()).every(
    ([name, addrs]) => name === 'lo' && addrs?.every((a) => a.internal),
  );
}

/** Creates the namespace if missing and brings its loopback up. */
export function ensureNamespace(): void {
  if (process.getuid?.() !== 0)
    throw new Error('The walk-through needs root: it runs in its own network namespace');
  const list = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
  if (!list.split('\n').some((l) => l.split(' ')[0] === NETNS)) execFileSync('ip', ['netns', 'add', NETNS]);
  execFileSync('ip', ['netns', 'exec', NETNS, 'ip', 'link', 'set', 'lo', 'up']);
}

/** Runs this same script again inside the namespace; returns its exit code. */
export function rerunInside(flag: string): number {
  const r = spawnSync(
    'ip',
    ['netns', 'exec', NETNS, process.execPath, ...process.execArgv, process.argv[1]!, flag],
    {
      stdio: 'inherit',
    },
  );
  return r.status ?? 1;
}
