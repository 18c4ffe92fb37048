import {
  approvalCardData,
  approvalNotificationBuilders,
  type ApprovalRequestCardData,
} from '../approvals/approvalCards';
import { ApprovalEngine } from '../approvals/approvalEngine';
import { approvalJobHandlers } from '../approvals/approvalJobs';
import { ApprovalTimers } from '../approvals/approvalTimers';
import { ApproverResolver } from '../approvals/approverResolver';
import type { ApprovalItemData } from '../approvals/model';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { DirectoryGateway } from '../ports/directory';
import type { EntitlementGateway } from '../ports/entitlement';
import type { Notifier } from '../ports/notifier';
import type { Store } from '../ports/store';
import type { TeamsAppsGateway } from '../ports/teamsApps';
import type { DelegatedIdentity, UserTokenSource } from '../ports/userTokens';
import { createCoreEffects } from '../workflow/coreEffects';
import { createNotifyEffects } from '../workflow/notifyEffects';
import { OutboxRunner, type OutboxOptions } from '../workflow/outbox';
import { ReachByInstall } from '../workflow/reachByInstall';
import { type JobHandler, Scheduler } from '../workflow/scheduler';
import type { WorkflowPlugin } from '../workflow/plugin';
import type { Job } from '../ports/jobStore';
import type { WorkflowItem } from '../ports/workflowStore';
import { AccessCatalogService } from './accessCatalogService';
import { AccessExtensionService } from './accessExtensionService';
import { ApprovalInbox } from './approvalInbox';
import { AccessRequestService } from './accessRequestService';
import { cancelEffect } from './cancelEffect';
import { decisionEffect } from './decisionEffect';
import { EXPIRY_SCAN_JOB, ExpiryWarningService, expiringNotification } from './expiryWarningService';
import { GraphApprovalReader } from './graphApprovalReader';
import { DelegatedIdentities } from './identities';
import { AccessEffect, AccessNotification } from './model';
import { PendingReconciler, RECONCILE_JOB } from './pendingReconciler';
import { requestStatusNotification } from './requestStatus';
import { submitEffect } from './submitEffect';
import { syncEffect } from './syncEffect';

export interface AccessWorkflowDeps {
  store: Pick<Store, 'workflows' | 'jobs' | 'audit'>;
  entitlement: EntitlementGateway;
  directory: DirectoryGateway;
  notifier: Notifier;
  /** Installs the bot's Teams app for users it cannot reach yet; unset, such cards are not delivered. */
  teamsApps?: TeamsAppsGateway;
  tokens: UserTokenSource;
  clock: Clock;
  logger: Logger;
  expiryWarningDays: readonly number[];
  /** Unique per replica: holds the scheduler's leases. */
  owner: string;
  outbox?: OutboxOptions;
  schedulerPollMs?: number;
  /** How often requests waiting for approval are compared with Graph (decided in My Access, canceled). */
  reconcileEveryMs?: number;
  /** Other item kinds (PIM activations) sharing this outbox, scheduler and approval engine. */
  plugins?: WorkflowPlugin[];
}

/** Everything of access packages and approvals, wired once: services for bot/, runners to start. */
export type AccessWorkflow = ReturnType<typeof createAccessWorkflow>;

/** Wires the access package workflow over the ports (used by the composition root and tests). */
export function createAccessWorkflow(deps: AccessWorkflowDeps) {
  const { store, entitlement, directory, clock, logger } = deps;
  const plugins = deps.plugins ?? [];
  const identities = new DelegatedIdentities(deps.tokens);
  const resolver = new ApproverResolver(directory);
  const approvals = new ApprovalEngine({ store: store.workflows, clock });
  const outbox = new OutboxRunner({
    ...deps.outbox,
    store: store.workflows,
    audit: store.audit,
    clock,
    logger,
    handlers: {
      ...createCoreEffects({ jobs: store.jobs, audit: store.audit, clock }),
      ...createNotifyEffects({
        notifier: deps.notifier,
        audit: store.audit,
        clock,
        reach: deps.teamsApps
          ? new ReachByInstall({ teamsApps: deps.teamsApps, audit: store.audit, clock, logger })
          : undefined,
        builders: {
          ...approvalNotificationBuilders,
          [AccessNotification.requestStatus]: requestStatusNotification,
          [AccessNotification.expiring]: expiringNotification,
          ...Object.assign({}, ...plugins.map((p) => p.notifications ?? {})),
        },
      }),
      [AccessEffect.submit]: submitEffect({ entitlement, identities }),
      [AccessEffect.recordDecision]: decisionEffect({ entitlement, identities }),
      [AccessEffect.cancel]: cancelEffect({ entitlement, identities }),
      [AccessEffect.sync]: syncEffect({ entitlement }),
      ...Object.assign({}, ...plugins.map((p) => p.effects ?? {})),
    },
  });
  const base = { entitlement, directory, resolver, workflows: store.workflows, effects: outbox, clock };
  const inbox = new ApprovalInbox(base);
  const expiry = new ExpiryWarningService({
    entitlement,
    workflows: store.workflows,
    jobs: store.jobs,
    clock,
    days: deps.expiryWarningDays,
  });
  const reconciler = new PendingReconciler({
    reader: new GraphApprovalReader({ entitlement, identities }),
    workflows: store.workflows,
    jobs: store.jobs,
    clock,
    logger,
    everyMs: deps.reconcileEveryMs,
  });
  const scheduler = new Scheduler({
    jobs: store.jobs,
    audit: store.audit,
    clock,
    logger,
    owner: deps.owner,
    pollMs: deps.schedulerPollMs,
    handlers: kickAfter(outbox, {
      ...approvalJobHandlers(new ApprovalTimers({ store: store.workflows, clock })),
      [EXPIRY_SCAN_JOB]: async () => {
        await expiry.scan();
        await expiry.scheduleNext();
      },
      // The next round is scheduled first, so a round that fails does not end the chain.
      [RECONCILE_JOB]: async () => {
        await reconciler.scheduleNext();
        await reconciler.run();
      },
      ...Object.assign({}, ...plugins.map((p) => p.jobs ?? {})),
    }),
  });
  return {
    catalog: new AccessCatalogService({ entitlement }),
    requests: new AccessRequestService(base),
    extensions: new AccessExtensionService(base),
    approvals,
    expiry,
    reconciler,
    outbox,
    scheduler,
    /** Runs due timers and then due effects once (tests and demo "time travel"). */
    runDue: async () => {
      await outbox.runDue();
      await scheduler.runDue();
      await outbox.runDue();
    },
    /** Requests made through the bot waiting for this user's decision, newest first. */
    waitingFor: async (userId: string): Promise<ApprovalRequestCardData[]> =>
      (await inbox.waitingFor(userId)).rows,
    /** "approvals": what waits for the user, made here or elsewhere (Graph is asked as them). */
    inbox: (who: DelegatedIdentity) => inbox.waitingFor(who),
    /** The item behind an approval card, as it is now (undefined when it is not one). */
    approvalItem: async (itemId: string): Promise<WorkflowItem<ApprovalItemData> | undefined> => {
      const item = await store.workflows.get<ApprovalItemData>(itemId);
      return item?.data.approval ? item : undefined;
    },
    /** The approver card for one viewer, as it is now (Action.Execute refresh). */
    approvalCard: async (itemId: string, viewerId: string): Promise<ApprovalRequestCardData | undefined> => {
      const item = await store.workflows.get<ApprovalItemData>(itemId);
      return item?.data.approval ? approvalCardData(item, viewerId) : undefined;
    },
    /** The same, from an item the caller holds (just decided). */
    approvalCardOf: (item: WorkflowItem<ApprovalItemData>, viewerId: string) =>
      item.data.approval ? approvalCardData(item, viewerId) : undefined,
    /** What the other item kinds do when the scheduler starts (their recurring jobs). */
    startPlugins: async () => {
      for (const p of plugins) await p.onStart?.();
    },
    /** Starts the runners (due work runs at once: timers missed while down fire now). */
    start: async () => {
      await expiry.scheduleNext();
      await reconciler.scheduleNext();
      for (const p of plugins) await p.onStart?.();
      outbox.start();
      scheduler.start();
    },
    stop: async () => {
      await scheduler.stop();
      await outbox.stop();
    },
  };
}

/** A timer's effects (cards, Graph calls) sit in the outbox: ask it to look now rather than at its next poll. */
function kickAfter(outbox: OutboxRunner, handlers: Record<string, JobHandler>): Record<string, JobHandler> {
  return Object.fromEntries(
    Object.entries(handlers).map(([type, run]) => [
      type,
      async (job: Job) => {
        await run(job);
        outbox.kick();
      },
    ]),
  );
}
