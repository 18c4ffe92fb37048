import { DEFAULT_RETRY } from '../services/adapters/graph/options';
import type { BenchGraph } from './graph';
import { atMost, correct, exactly, timed, type Benchmark } from './harness';
import { inPool } from '../services/inPool';

const READS = 200;
/** The gateway's production retry budget per request (DEFAULT_RETRY.maxRetries). */
const MAX_RETRIES = DEFAULT_RETRY.maxRetries;

/** The burst: callers reading at once against a small token bucket (requests per second it refills). */
export interface BurstSettings {
  callers: number;
  capacity: number;
  refillPerSecond: number;
}

/** A small bucket: the callers drain it at once, then `refillPerSecond` requests get through a second. */
export const DEFAULT_BURST: BurstSettings = { callers: 20, capacity: 20, refillPerSecond: 100 };

/**
 * A throttled burst: READS app-only reads (half plain GETs retried by the client's RetryHandler, half
 * $batch items re-sent by the gateway's batcher), `burst.callers` at a time, against a small token bucket.
 * Every read must come back right; 429s must be retried after Retry-After, not turned into failures.
 */
export function throttleBenchmark(graph: BenchGraph, burst = DEFAULT_BURST): Benchmark {
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
      em.knobs.throttle({ capacity: burst.capacity, refillPerSecond: burst.refillPerSecond });
      type Read = { kind: 'package' | 'user'; id: string; displayName?: string };
      const jobs: Read[] = [
        ...packages.map((id): Read => ({ kind: 'package', id })),
        ...users.map((u): Read => ({ kind: 'user', ...u })),
      ];
      const problems: string[] = [];
      const { ms } = await timed(() =>
        inPool(jobs, burst.callers, async (job) => {
          try {
            if (job.kind === 'package') {
              const p = await entitlement.getAccessPackage(job.id);
              if (p.id !== job.id || p.policies.length === 0)
                problems.push(`package ${job.id}: wrong answer`);
            } else {
              const u = await directory.getUser(job.id);
              if (u.id !== job.id || u.displayName !== job.displayName)
                problems.push(`user ${job.id}: wrong answer`);
            }
          } catch (err) {
            problems.push(`${job.kind} ${job.id}: ${err instanceof Error ? err.message : String(err)}`);
          }
        }),
      );
      em.knobs.throttle(undefined);
      const graphLog = em.requestLog.find({ api: 'graph' });
      const throttled = graphLog.filter((r) => r.status === 429);
      // The same path and query is the same read: its 429s are the retries that one read needed.
      const perRead = new Map<string, number>();
      for (const r of throttled)
        perRead.set(`${r.path}?${r.query}`, (perRead.get(`${r.path}?${r.query}`) ?? 0) + 1);
      const worst = Math.max(0, ...perRead.values());
      // Each package read is two GETs, each user read a user and a manager item: 400 answers needed,
      // each given once (a retry re-sends only what was throttled).
      const answered = graphLog.filter((r) => r.status !== 429 && !r.path.endsWith('/$batch')).length;
      const needed = READS * 2;
      return [
        correct(`throttle: ${READS} reads under a ${burst.capacity}-token bucket`, problems, 'all correct'),
        exactly('throttle: failed reads', problems.length, 0, 'reads'),
        // At most one 429 per needed answer on average, and headroom before a read would give up.
        atMost('throttle: 429 answers, all retried', throttled.length, needed, '429s'),
        atMost(
          `throttle: most retries of one request (gives up after ${MAX_RETRIES})`,
          worst,
          MAX_RETRIES - 1,
          'retries',
        ),
        exactly('throttle: non-429 answers (none repeated)', answered, needed, 'answers'),
        atMost('throttle: total time', ms, 60_000, 'ms'),
      ];
    },
  };
}
