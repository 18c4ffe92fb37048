import type { AuditLog } from '../ports/auditLog';
import type { DigestStores } from '../ports/digestStore';
import type { DirectoryGateway } from '../ports/directory';
import type { EntitlementGateway } from '../ports/entitlement';
import type { ExchangeGateway } from '../ports/exchange';
import type { Notifier } from '../ports/notifier';
import type { PimGateway } from '../ports/pim';
import type { ReviewsGateway } from '../ports/reviews';
import type { SecurityReportsGateway } from '../ports/securityReports';
import type { TeamsAppsGateway } from '../ports/teamsApps';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { createNotifyEffects } from '../workflow/notifyEffects';
import { OutboxRunner, type OutboxOptions } from '../workflow/outbox';
import { ReachByInstall } from '../workflow/reachByInstall';
import { Scheduler } from '../workflow/scheduler';
import { enableAuditing, type DigestActor } from './auditingAction';
import { compareFindings } from './compare';
import { findingsCsv } from './csv';
import { DigestJob, digestJobHandlers, scheduleNextWeekly } from './digestJobs';
import {
  DIGEST_NOTIFICATION,
  digestItemId,
  digestNotification,
  type DigestItemData,
  type LinkMaker,
} from './digestItems';
import { DigestRunner } from './digestRunner';
import { DigestNotFoundError, NotARecipientError } from './errors';
import { MailCollector } from './mailCollector';
import { SECTIONS } from './model';
import { DigestRecipients, type RecipientSettings } from './recipients';
import type { WeeklySchedule } from './weeklySchedule';

export interface DigestWorkflowDeps {
  stores: DigestStores;
  audit: AuditLog;
  exchange: ExchangeGateway;
  reports: SecurityReportsGateway;
  directory: DirectoryGateway;
  entitlement: EntitlementGateway;
  pim: PimGateway;
  reviews: ReviewsGateway;
  notifier: Notifier;
  teamsApps?: TeamsAppsGateway;
  clock: Clock;
  logger: Logger;
  owner: string;
  schedule: WeeklySchedule;
  recipients: RecipientSettings;
  links: LinkMaker;
  outbox?: OutboxOptions;
  schedulerPollMs?: number;
  chunkSize?: number;
  exchangeConcurrency?: number;
}

export type DigestWorkflow = ReturnType<typeof createDigestWorkflow>;

/**
 * The weekly digest wired over its ports: collection, schedule, sends, CSV and Enable auditing.
 *
 * Why its own outbox and scheduler, not a WorkflowPlugin on the shared runner: a weekly run at 50,000
 * mailboxes is one job that takes minutes (longer under throttling), and the shared scheduler runs a
 * replica's claimed jobs one after another, so approval reminders, escalations, auto-denials and PIM's
 * step-up expiry would wait behind it. Its stores use collections of their own (`digestItems`,
 * `digestJobs`), so the shared outbox and scheduler never claim digest work and this one never claims
 * theirs; the guarantees stay those of the shared design (one job id per occurrence, leases renewed
 * while it runs, a due job runs at start).
 */
export function createDigestWorkflow(deps: DigestWorkflowDeps) {
  const { stores, clock, logger } = deps;
  const recipients = new DigestRecipients({ directory: deps.directory, settings: deps.recipients, clock });
  const runner = new DigestRunner({
    store: stores.runs,
    mail: new MailCollector({ ...deps, store: stores.runs }),
    reports: deps.reports,
    governance: deps,
    clock,
    logger,
  });
  const outbox = new OutboxRunner({
    ...deps.outbox,
    store: stores.items,
    audit: deps.audit,
    clock,
    logger,
    handlers: createNotifyEffects({
      notifier: deps.notifier,
      audit: deps.audit,
      clock,
      reach: deps.teamsApps
        ? new ReachByInstall({ teamsApps: deps.teamsApps, audit: deps.audit, clock, logger })
        : undefined,
      builders: { [DIGEST_NOTIFICATION]: digestNotification(deps.links) },
    }),
  });
  const handlers = digestJobHandlers({ stores, runner, recipients, schedule: deps.schedule, clock });
  const scheduler = new Scheduler({
    jobs: stores.jobs,
    audit: deps.audit,
    clock,
    logger,
    owner: deps.owner,
    pollMs: deps.schedulerPollMs,
    // A run of 50,000 mailboxes takes a while: the lease is renewed while it runs.
    leaseMs: 5 * 60_000,
    handlers: Object.fromEntries(
      Object.entries(handlers).map(([type, run]) => [
        type,
        async (job: Parameters<typeof run>[0]) => (await run(job), outbox.kick()),
      ]),
    ),
  });
  const mustBeRecipient = async (userId: string) => {
    if (!(await recipients.isRecipient(userId))) throw new NotARecipientError();
  };
  const itemFor = async (runId: string, userId: string) => {
    await mustBeRecipient(userId);
    const item = await stores.items.get<DigestItemData>(digestItemId(runId));
    if (!item) throw new DigestNotFoundError('that digest');
    return item;
  };
  return {
    runner,
    recipients,
    outbox,
    scheduler,
    scheduleNext: () => scheduleNextWeekly({ stores, schedule: deps.schedule, clock }),
    /** "digest now": a run for this recipient alone, collected in the background and sent 1:1. */
    askNow: async (userId: string) => {
      await mustBeRecipient(userId);
      const at = new Date(Math.floor(clock.now().getTime() / 60_000) * 60_000); // one per minute at most
      await stores.jobs.schedule(
        {
          id: `digest-now:${userId}:${at.toISOString()}`,
          type: DigestJob.now,
          runAt: clock.now(),
          payload: { userId, at: at.toISOString() },
        },
        clock.now(),
      );
    },
    /** The card data for a recipient (refresh: fresh links), from the item as it is now. */
    notificationFor: async (runId: string, userId: string) =>
      digestNotification(deps.links)(await itemFor(runId, userId), userId, clock.now()),
    enableAuditing: async (actor: DigestActor, runId: string, key: string) => {
      await itemFor(runId, actor.userId);
      const item = await enableAuditing({ ...deps, stores }, actor, runId, key);
      outbox.kick();
      return digestNotification(deps.links)(item, actor.userId, clock.now());
    },
    /** One CSV file of a run ('all' or a section), for a recipient. */
    csv: async (runId: string, file: string, userId: string): Promise<string> => {
      await mustBeRecipient(userId);
      const run = await stores.runs.getRun(runId);
      if (!run || run.state !== 'complete') throw new DigestNotFoundError('that digest');
      if (file !== 'all' && !(SECTIONS as readonly string[]).includes(file))
        throw new DigestNotFoundError('that file');
      const [current, previous] = await Promise.all([
        stores.runs.findings(runId, file === 'all' ? undefined : file),
        run.previousRunId
          ? stores.runs.findings(run.previousRunId, file === 'all' ? undefined : file)
          : Promise.resolve(undefined),
      ]);
      return findingsCsv(current, compareFindings(current, previous).status);
    },
    runDue: async () => {
      await outbox.runDue();
      await scheduler.runDue();
      await outbox.runDue();
    },
    start: async () => {
      await scheduleNextWeekly({ stores, schedule: deps.schedule, clock });
      outbox.start();
      scheduler.start();
    },
    stop: async () => {
      await scheduler.stop();
      await outbox.stop();
    },
  };
}
