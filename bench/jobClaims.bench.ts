import pino from 'pino';
import { systemClock } from '../services/clock';
import type { Job } from '../services/ports/jobStore';
import { Scheduler } from '../services/workflow/scheduler';
import { atMost, correct, timed, type Benchmark } from './harness';
import type { BenchStore } from './stores';

/** Poll passes before giving up; a pass in which nothing was claimed ends the run. */
const MAX_PASSES = 20;

/** Due jobs claimed by schedulers polling together: every job runs exactly once. */
export function jobClaimsBenchmark(
  store: BenchStore,
  maxMs: number,
  { JOBS, SCHEDULERS } = { JOBS: 1000, SCHEDULERS: 4 },
): Benchmark {
  return {
    name: `job claims (${store.label})`,
    async run() {
      const { store: s, dispose } = await store.open();
      try {
        const due = new Date(Date.now() - 60_000);
        for (let i = 0; i < JOBS; i++)
          await s.jobs.schedule({ id: `bench:${i}`, type: 'bench', runAt: due, payload: { i } }, due);
        const runs = new Map<string, number>();
        const handler = async (job: Job) => void runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
        const schedulers = Array.from(
          { length: SCHEDULERS },
          (_, n) =>
            new Scheduler({
              jobs: s.jobs,
              audit: s.audit,
              clock: systemClock,
              logger: pino({ level: 'silent' }),
              handlers: { bench: handler },
              owner: `bench-replica-${n}`,
            }),
        );
        let passes = 0;
        const { ms } = await timed(async () => {
          // Like the pollers: every replica polls at the same moment, again until a poll finds nothing.
          while (passes < MAX_PASSES) {
            passes++;
            const ran = await Promise.all(schedulers.map((x) => x.runDue()));
            if (ran.every((n) => n === 0)) break;
          }
        });
        const problems: string[] = [];
        for (let i = 0; i < JOBS; i++) {
          const n = runs.get(`bench:${i}`) ?? 0;
          if (n !== 1) problems.push(`bench:${i} ran ${n} time(s)`);
          const job = await s.jobs.get(`bench:${i}`);
          if (!job?.doneAt || job.attempts !== 1) problems.push(`bench:${i} not done in one attempt`);
        }
        return [
          correct(
            `jobs ${store.label}: ${JOBS} jobs, ${SCHEDULERS} schedulers`,
            problems,
            'each exactly once',
          ),
          atMost(
            `jobs ${store.label}: claim+run+complete all (${passes} polls)`,
            Math.round(ms),
            maxMs,
            'ms',
          ),
        ];
      } finally {
        await dispose();
      }
    },
  };
}
