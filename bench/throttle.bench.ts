import type { BenchGraph } from './graph';
import { atMost, correct, exactly, timed, type Benchmark } from './harness';
import { inPool } from './pool';

const READS = 200;
const CALLERS = 20;
/** A small bucket: a burst of 20 callers drains it at once, then 40 requests a second get through. */
const BUCKET = { capacity: 10, refillPerSecond: 40 };

/**
 * A throttled burst: READS app-only reads (half plain GETs retried by the client's RetryHandler, half
 * $batch items re-sent by the gateway's batcher), CALLERS at a time, against a small token bucket.
 * Every read must come back right; 429s must be retried after Retry-After, not turned into failures.
 */
export function throttleBenchmark(graph: BenchGraph): Benchmark {
  return {
    name: 'throttle',
    async run() {
      graph.reset();
      const { entitlement, directory } = graph.gateways();
      const em = graph.emulator;
      const packages = (await entitlement.listAccessPackages(undefined)).map((p) => p.id).slice(0, READS / 2);
      const users = em.directory
        .users()
        .slice(0, READS / 2)
        .map((u) => ({ id: u.id, displayName: u.displayName }));
      em.requestLog.clear();
      em.knobs.throttle(BUCKET);
      type Read = { kind: 'package' | 'user'; id: string; displayName?: string };
      const jobs: Read[] = [
        ...packages.map((id): Read => ({ kind: 'package', id })),
        ...users.map((u): Read => ({ kind: 'user', ...u })),
      ];
      const problems: string[] = [];
      const { ms } = await timed(() =>
        inPool(jobs, CALLERS, async (job) => {
          try {
            if (job.kind === 'package') {
              const p = await entitlement.getAccessPackage(job.id);
              if (p.id !== job.id || p.policies.length === 0) problems.push(`package ${job.id}: wrong answer`);
            } else {
              const u = await directory.getUser(job.id);
              if (u.id !== job.id || u.displayName !== job.displayName) problems.push(`user ${job.id}: wrong answer`);
            }
          } catch (err) {
            problems.push(`${job.kind} ${job.id}: ${err instanceof Error ? err.message : String(err)}`);
          }
        }),
      );
      em.knobs.throttle(undefined);
      const graphLog = em.requestLog.find({ api: 'graph' });
      const throttled = graphLog.filter((r) => r.status === 429).length;
      // Each package read is two GETs, each user read a user and a manager item: 400 answers needed,
      // each given once (a retry re-sends only what was throttled).
      const answered = graphLog.filter((r) => r.status !== 429 && !r.path.endsWith('/$batch')).length;
      const needed = READS * 2;
      return [
        correct(`throttle: ${READS} reads under a ${BUCKET.capacity}-token bucket`, problems, 'all correct'),
        exactly('throttle: failed reads', problems.length, 0, 'reads'),
        { name: 'throttle: 429 answers (each retried)', value: `${throttled}`, target: 'report', pass: true },
        atMost('throttle: Graph requests per needed answer', graphLog.length / needed, 3, '×'),
        exactly('throttle: non-429 answers (none repeated)', answered, needed, 'answers'),
        atMost('throttle: total time', ms, 60_000, 'ms'),
      ];
    },
  };
}
