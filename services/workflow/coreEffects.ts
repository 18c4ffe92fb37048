import type { AuditEvent, AuditLog } from '../ports/auditLog';
import type { JobStore, NewJob } from '../ports/jobStore';
import type { Clock } from '../clock';
import type { EffectHandler } from './effects';
import { effect } from './mutate';

/** Effect types every workflow uses: durable timers and audit events, recorded with the state change. */
export const CoreEffect = {
  scheduleTimers: 'timers.schedule',
  cancelTimers: 'timers.cancel',
  audit: 'audit.append',
} as const;

/** An outbox entry that schedules jobs (stable job ids: scheduling twice is harmless). */
export function scheduleTimersEffect(id: string, jobs: NewJob[], at: Date) {
  const plain = jobs.map((j) => ({ ...j, runAt: j.runAt.toISOString() }));
  return effect(id, CoreEffect.scheduleTimers, { jobs: plain }, at);
}

/** An outbox entry that cancels the jobs whose id starts with `prefix`. */
export function cancelTimersEffect(id: string, prefix: string, at: Date) {
  return effect(id, CoreEffect.cancelTimers, { prefix }, at);
}

/** An outbox entry that appends an audit event (its id is the event id: appended once). */
export function auditEffect(event: Omit<AuditEvent, 'at'> & { at: Date }) {
  return effect(`audit:${event.id}`, CoreEffect.audit, { ...event, at: event.at.toISOString() }, event.at);
}

/** Handlers for the core effect types. */
export function createCoreEffects(deps: {
  jobs: JobStore;
  audit: AuditLog;
  clock: Clock;
}): Record<string, EffectHandler> {
  return {
    [CoreEffect.scheduleTimers]: {
      runs: 'first',
      // Cancel wins whatever the order: a job that a later-recorded cancel covers is never scheduled,
      // even when this entry runs after the cancel did (a retry, or a crash in between).
      run: async ({ item, entry }) => {
        const position = item.outbox.findIndex((e) => e.id === entry.id);
        const cancelled = item.outbox
          .slice(position + 1)
          .filter((e) => e.type === CoreEffect.cancelTimers)
          .map((e) => String(e.payload.prefix));
        const jobs = entry.payload.jobs as (Omit<NewJob, 'runAt'> & { runAt: string })[];
        for (const j of jobs) {
          if (cancelled.some((prefix) => j.id.startsWith(prefix))) continue;
          await deps.jobs.schedule({ ...j, runAt: new Date(j.runAt) }, deps.clock.now());
        }
      },
    },
    [CoreEffect.cancelTimers]: {
      runs: 'first',
      // A schedule retried after this ran still reads the prefix (see scheduleTimers).
      keepsPayload: true,
      // A wider cancel still to run on the item covers this one (a stage's timers when the request
      // ends): one store command instead of two.
      run: async ({ item, entry }) => {
        const prefix = String(entry.payload.prefix);
        const covered = item.outbox.some((e) => {
          const other = String(e.payload.prefix ?? '');
          return (
            e.type === CoreEffect.cancelTimers &&
            !e.doneAt &&
            e.id !== entry.id &&
            prefix.startsWith(other) &&
            other !== prefix
          );
        });
        if (!covered) await deps.jobs.cancelByPrefix(prefix, deps.clock.now());
      },
    },
    [CoreEffect.audit]: {
      runs: 'first',
      run: async ({ entry, audit }) => {
        const e = entry.payload as unknown as AuditEvent & { at: string };
        audit({ ...e, at: new Date(e.at) });
      },
    },
  };
}
