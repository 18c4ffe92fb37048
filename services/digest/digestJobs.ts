import type { DigestStores } from '../ports/digestStore';
import type { Job } from '../ports/jobStore';
import type { WorkflowStore } from '../ports/workflowStore';
import type { Clock } from '../clock';
import { digestCardData } from './cardData';
import { newDigestItem } from './digestItems';
import type { DigestRunner } from './digestRunner';
import type { DigestRecipients } from './recipients';
import type { WeeklySchedule } from './weeklySchedule';

export const DigestJob = { weekly: 'digest.weekly', now: 'digest.now' } as const;

/** A job per occurrence: a run missed while the bot was down is a due job, and runs at start. */
export const weeklyJobId = (at: Date) => `digest-week:${at.toISOString()}`;

interface Deps {
  stores: DigestStores;
  runner: DigestRunner;
  recipients: DigestRecipients;
  schedule: WeeklySchedule;
  clock: Clock;
}

/** Schedules the next weekly run (idempotent: every replica may call it at start). */
export async function scheduleNextWeekly(d: Pick<Deps, 'stores' | 'schedule' | 'clock'>): Promise<Date> {
  const at = d.schedule.next(d.clock.now());
  await d.stores.jobs.schedule(
    { id: weeklyJobId(at), type: DigestJob.weekly, runAt: at, payload: { at: at.toISOString() } },
    d.clock.now(),
  );
  return at;
}

/**
 * Collects a run (resuming it if a crash stopped it) and creates its item, whose outbox sends the card
 * to each recipient once. The item's id is the run's, so running the job twice creates it once.
 */
async function deliver(
  d: Deps,
  items: WorkflowStore,
  runId: string,
  kind: 'weekly' | 'onDemand',
  at: Date,
  to: string[],
) {
  const run = await d.runner.run(runId, kind, at);
  const [current, previous] = await Promise.all([
    d.stores.runs.findings(run.id),
    run.previousRunId ? d.stores.runs.findings(run.previousRunId) : Promise.resolve(undefined),
  ]);
  await items.create(newDigestItem(digestCardData(run, current, previous), to, d.clock.now()));
}

/** The digest's job handlers: the weekly run (then the next one is scheduled) and "digest now". */
export function digestJobHandlers(d: Deps) {
  return {
    [DigestJob.weekly]: async (job: Job) => {
      // The next occurrence first, so a run that keeps failing does not end the chain.
      await scheduleNextWeekly(d);
      const at = new Date(String(job.payload.at));
      const to = (await d.recipients.resolve()).map((r) => r.id);
      await deliver(d, d.stores.items, `week:${at.toISOString()}`, 'weekly', at, to);
    },
    [DigestJob.now]: async (job: Job) => {
      const at = new Date(String(job.payload.at));
      const userId = String(job.payload.userId);
      await deliver(d, d.stores.items, `now:${userId}:${at.toISOString()}`, 'onDemand', at, [userId]);
    },
  };
}
