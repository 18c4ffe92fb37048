import { DelegatedIdentities } from '../access/identities';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { DirectoryGateway } from '../ports/directory';
import type { Job } from '../ports/jobStore';
import type { ReviewsGateway } from '../ports/reviews';
import type { Store } from '../ports/store';
import type { UserTokenSource } from '../ports/userTokens';
import type { OutboxRunner } from '../workflow/outbox';
import type { WorkflowPlugin } from '../workflow/plugin';
import { OwnerService } from './ownerService';
import { reviewOwnerEffects } from './ownerEffects';
import { PeoplePages } from './peoplePages';
import { reviewRecordEffects } from './recordEffects';
import { REVIEW_POLL_JOB, REVIEW_REMINDER_JOB, ReviewDiscovery } from './reviewDiscovery';
import { ReviewerService } from './reviewerService';
import { reviewNotificationBuilders } from './reviewNotifications';
import { ReviewReader } from './reviewReader';

export interface ReviewWorkflowDeps {
  store: Pick<Store, 'workflows' | 'jobs'>;
  reviews: ReviewsGateway;
  directory: DirectoryGateway;
  tokens: UserTokenSource;
  clock: Clock;
  logger: Logger;
  /** Days before an instance ends at which reviewers with open items are reminded. */
  reminderDays: readonly number[];
  /** How often Graph is polled for instances that started or completed. */
  pollEveryMs: number;
  /** Poll Graph as soon as the scheduler starts (default); tests poll when they choose. */
  pollAtStart?: boolean;
}

/** Access reviews: what they add to the shared outbox and scheduler, and their services once it runs. */
export type ReviewWorkflow = ReturnType<typeof createReviewWorkflow>;

/**
 * Wires access reviews. Their effects (decisions as the reviewer, an owner's stop and apply), cards
 * (started, reminder, summary) and timers (the Graph poll, reminders) run in the one outbox and
 * scheduler every workflow item shares (`plugin`), as PIM's do.
 */
export function createReviewWorkflow(deps: ReviewWorkflowDeps) {
  const { store, reviews, clock, logger } = deps;
  const identities = new DelegatedIdentities(deps.tokens);
  const reader = new ReviewReader({ reviews, directory: deps.directory });
  const pages = new PeoplePages({ workflows: store.workflows, now: () => clock.now() });
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
  const plugin: WorkflowPlugin = {
    effects: {
      ...reviewRecordEffects({ reviews, pages, identities }),
      ...reviewOwnerEffects({ reviews, identities, discovery }),
    },
    notifications: reviewNotificationBuilders,
    jobs: {
      // The next round is scheduled first, so a round that fails does not end the chain.
      [REVIEW_POLL_JOB]: async () => {
        await discovery.scheduleNext();
        await discovery.run();
      },
      [REVIEW_REMINDER_JOB]: async (job: Job) => {
        const { definitionId, instanceId, days } = job.payload as Record<string, string>;
        await discovery.remind(definitionId!, instanceId!, `${days}d`);
      },
    },
    // The first round is due at once (instances that started while the bot was down are found now),
    // then one round stays scheduled; replicas agree on the ids, so each may do this.
    onStart: async () => {
      if (deps.pollAtStart !== false) await discovery.scheduleNow();
      await discovery.scheduleNext();
    },
  };
  return {
    plugin,
    discovery,
    /** The services, over the shared outbox (known once the access workflow exists). */
    services: (outbox: OutboxRunner) => ({
      reviewer: new ReviewerService({ reviews, reader, workflows: store.workflows, clock }),
      owner: new OwnerService({ reviews, reader, discovery, workflows: store.workflows, clock }),
      discovery,
      outbox,
    }),
  };
}

/** What the review verbs and commands use: the services over the shared outbox. */
export type ReviewServices = ReturnType<ReviewWorkflow['services']>;
