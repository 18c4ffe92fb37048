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
export type ReviewFlowDeps = Omit<ReviewWorkflowDeps, 'tokens'>;

/**
 * Access reviews in chat. Their items share the access flow's outbox and scheduler (one runner serves
 * every kind): `plugin` goes to accessFlow, `attach` gets its workflow. The Graph poll is the plugin's
 * job, scheduled when the shared scheduler starts, so stopping the bot waits for a round in progress.
 */
export function reviewFlow(deps: ReviewFlowDeps) {
  let workflow: ReviewWorkflow | undefined;
  let services: ReviewServices | undefined;
  const svc = () => {
    if (!services) throw new Error('The review flow is not attached to the shared workflow');
    return services;
  };
  const flow: FlowFactory = () => ({
    verbs: reviewVerbs(svc, deps.clock),
    messages: reviewMessages(svc, deps.clock),
    renderers: reviewRenderers(deps.clock),
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
