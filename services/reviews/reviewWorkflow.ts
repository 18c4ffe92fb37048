import { DelegatedIdentities } from '../access/identities';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { DirectoryGateway } from '../ports/directory';
import type { Job } from '../ports/jobStore';
import type { Notifier } from '../ports/notifier';
import type { ReviewsGateway } from '../ports/reviews';
import type { Store } from '../ports/store';
import type { TeamsAppsGateway } from '../ports/teamsApps';
import type { UserTokenSource } from '../ports/userTokens';
import { createCoreEffects } from '../workflow/coreEffects';
import { createNotifyEffects } from '../workflow/notifyEffects';
import { OutboxRunner, type OutboxOptions } from '../workflow/outbox';
import { ReachByInstall } from '../workflow/reachByInstall';
import { type JobHandler, Scheduler } from '../workflow/scheduler';
import { OwnerService } from './ownerService';
import { reviewOwnerEffects } from './ownerEffects';
import { reviewRecordEffects } from './recordEffects';
import { REVIEW_POLL_JOB, REVIEW_REMINDER_JOB, ReviewDiscovery } from './reviewDiscovery';
import { ReviewerService } from './reviewerService';
import { reviewNotificationBuilders } from './reviewNotifications';
import { ReviewReader } from './reviewReader';

export interface ReviewWorkflowDeps {
  store: Pick<Store, 'workflows' | 'jobs' | 'audit'>;
  reviews: ReviewsGateway;
  directory: DirectoryGateway;
  notifier: Notifier;
  teamsApps?: TeamsAppsGateway;
  tokens: UserTokenSource;
  clock: Clock;
  logger: Logger;
  /** Days before an instance ends at which reviewers with open items are reminded. */
  reminderDays: readonly number[];
  /** How often Graph is polled for instances that started or completed. */
  pollEveryMs: number;
  owner: string;
  outbox?: OutboxOptions;
  schedulerPollMs?: number;
}

/** Everything of access reviews, wired once: services for bot/, runners to start. */
export type ReviewWorkflow = ReturnType<typeof createReviewWorkflow>;

/** Wires the access review workflow over the ports (composition roots and tests). */
export function createReviewWorkflow(deps: ReviewWorkflowDeps) {
  const { store, reviews, clock, logger } = deps;
  const identities = new DelegatedIdentities(deps.tokens);
  const reader = new ReviewReader({ reviews, directory: deps.directory });
  const discovery = new ReviewDiscovery({
    reviews,
    reader,
    workflows: store.workflows,
    jobs: store.jobs,
    clock,
    logger,
    everyMs: deps.pollEveryMs,
    reminderDays: deps.reminderDays,
  });
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
        builders: reviewNotificationBuilders,
      }),
      ...reviewRecordEffects({ reviews, reader, identities }),
      ...reviewOwnerEffects({ reviews, identities, discovery }),
    },
  });
  const handlers: Record<string, JobHandler> = {
    // The next round is scheduled first, so a round that fails does not end the chain.
    [REVIEW_POLL_JOB]: async () => {
      await discovery.scheduleNext();
      await discovery.run();
    },
    [REVIEW_REMINDER_JOB]: async (job: Job) => {
      const { definitionId, instanceId, days } = job.payload as Record<string, string>;
      await discovery.remind(definitionId!, instanceId!, `${days}d`);
    },
  };
  const scheduler = new Scheduler({
    jobs: store.jobs,
    audit: store.audit,
    clock,
    logger,
    owner: deps.owner,
    pollMs: deps.schedulerPollMs,
    handlers: Object.fromEntries(
      Object.entries(handlers).map(([type, run]) => [
        type,
        async (job: Job) => {
          await run(job);
          outbox.kick(); // the cards a round recorded go out now, not at the next poll
        },
      ]),
    ),
  });
  return {
    reviewer: new ReviewerService({ reviews, reader, workflows: store.workflows, clock }),
    owner: new OwnerService({ reviews, reader, discovery, workflows: store.workflows, clock }),
    discovery,
    outbox,
    scheduler,
    /** Runs due timers and then due effects once (tests and demo "time travel"). */
    runDue: async () => {
      await outbox.runDue();
      await scheduler.runDue();
      await outbox.runDue();
    },
  };
}
