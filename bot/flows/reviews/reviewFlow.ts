import type { AccessWorkflow } from '../../../services/access/accessWorkflow';
import {
  createReviewWorkflow,
  type ReviewServices,
  type ReviewWorkflow,
  type ReviewWorkflowDeps,
} from '../../../services/reviews/reviewWorkflow';
import type { BotPorts, FlowFactory } from '../../flow';
import { reviewMessages } from './reviewMessages';
import { reviewRenderers } from './reviewRenderers';
import { reviewVerbs } from './reviewVerbs';

/** What the review flow needs beyond the bot's own ports. */
export type ReviewFlowDeps = Omit<ReviewWorkflowDeps, 'tokens'> & {
  /** Poll Graph as soon as the bot starts (default); tests poll when they choose. */
  pollAtStart?: boolean;
};

/**
 * Access reviews in chat. Their items share the access flow's outbox and scheduler (one runner serves
 * every kind): `plugin` goes to accessFlow, `attach` gets its workflow; the flow itself only keeps the
 * poll scheduled (the shared scheduler runs it, so stopping the bot waits for a round in progress).
 */
export function reviewFlow(deps: ReviewFlowDeps) {
  let workflow: ReviewWorkflow | undefined;
  let services: ReviewServices | undefined;
  const svc = () => {
    if (!services) throw new Error('The review flow is not attached to the shared workflow');
    return services;
  };
  let scheduling: Promise<void> = Promise.resolve();
  const flow: FlowFactory = () => ({
    verbs: reviewVerbs(svc, deps.clock),
    messages: reviewMessages(svc, deps.clock),
    renderers: reviewRenderers(deps.clock),
    background: [
      {
        name: 'review-poll',
        start: () => {
          // The first round is due at once (instances that started while the bot was down are found
          // now), then one round stays scheduled; replicas agree on the ids, so each may do this.
          const discovery = svc().discovery;
          const first = deps.pollAtStart === false ? Promise.resolve() : discovery.scheduleNow();
          scheduling = first
            .then(() => discovery.scheduleNext())
            .catch((err: unknown) => deps.logger.error({ err }, 'could not schedule the access review poll'));
        },
        stop: () => scheduling,
      },
    ],
  });
  return {
    /** Handed to accessFlow: reviews' effects, cards and jobs in the shared outbox and scheduler. */
    plugin: (ports: BotPorts) => {
      workflow = createReviewWorkflow({ ...deps, tokens: ports.userTokens });
      return workflow.plugin;
    },
    /** Called with the access workflow once it exists (accessFlow's onCreated). */
    attach: (access: AccessWorkflow) => {
      if (!workflow) throw new Error('The review plugin must be built before the access workflow');
      services = workflow.services(access.outbox);
    },
    /** The services once attached (tests drive the poll through them). */
    services: svc,
    flow,
  };
}
