/** One thing the bot needs before it can serve (the store answers, Graph is reachable). */
export interface ReadinessCheck {
  name: string;
  /** Resolves when ready; rejects with the reason otherwise. */
  check(): Promise<void>;
}

/** The outcome of running every check. */
export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, 'ok' | string>;
}

const CHECK_TIMEOUT_MS = 3000;

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs the checks in parallel, each with a timeout, naming the ones that failed. */
export async function runReadiness(checks: readonly ReadinessCheck[]): Promise<ReadinessReport> {
  const results = await Promise.allSettled(checks.map((c) => withTimeout(c.check(), CHECK_TIMEOUT_MS)));
  const report: ReadinessReport = { ready: true, checks: {} };
  results.forEach((r, i) => {
    const name = checks[i]!.name;
    if (r.status === 'fulfilled') report.checks[name] = 'ok';
    else {
      report.ready = false;
      const reason: unknown = r.reason;
      report.checks[name] = (reason instanceof Error ? reason.message : String(reason)).slice(0, 200);
    }
  });
  return report;
}

/** Ready when the URL answers at all over HTTP: any status, even 401, proves the service is reachable. */
export function httpReachable(name: string, url: string): ReadinessCheck {
  return {
    name,
    async check() {
      const res = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
      await res.body?.cancel();
    },
  };
}
