import type { AccessWorkflow } from '../../services/access/accessWorkflow';
import type { FlowFactory } from '../flow';
import { digestFlowFor } from './digest/digestFlowWiring';
import { governanceFlows } from './pim/pimFlowWiring';
import type { ReviewServices } from '../../services/reviews/reviewWorkflow';
import { graphFactoryFor, reviewFlowFor } from './reviews/reviewFlowWiring';

type GovernanceArgs = Parameters<typeof governanceFlows>[0];

/**
 * Every flow the bot hosts, for a composition root (bot/demo.ts, bot/production.ts): access packages,
 * PIM and access reviews, one shared outbox and scheduler (reviews and PIM are plugins of it), and the
 * weekly digest, with a runner of its own (services/digest/digestWorkflow.ts says why).
 */
export function allFlows(
  args: GovernanceArgs & {
    reviewTuning?: Parameters<typeof reviewFlowFor>[0]['tuning'];
    /** Tests: the review services once attached. */
    onReviews?: (services: ReviewServices) => void;
  },
): FlowFactory[] {
  // Access and reviews share one Graph client factory: one app-only token and one metadata fetch.
  const graph = args.graph ?? graphFactoryFor(args);
  const reviews = reviewFlowFor({ ...args, tuning: args.reviewTuning, graph });
  const onCreated = (wf: AccessWorkflow) => {
    reviews.attach(wf);
    args.onReviews?.(reviews.services());
    args.onCreated?.(wf);
  };
  const plugins = [...(args.plugins ?? []), reviews.plugin];
  return [
    ...governanceFlows({ ...args, onCreated, plugins, graph }),
    reviews.flow,
    digestFlowFor({
      config: args.config,
      store: args.store,
      logger: args.logger,
      clock: args.clock,
      credentials: args.credentials,
    }),
  ];
}
