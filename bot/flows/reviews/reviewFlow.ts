import {
  createReviewWorkflow,
  type ReviewWorkflow,
  type ReviewWorkflowDeps,
} from '../../../services/reviews/reviewWorkflow';
import type { FlowFactory } from '../../flow';
import { reviewMessages } from './reviewMessages';
import { reviewRenderers } from './reviewRenderers';
import { reviewVerbs } from './reviewVerbs';

/** What the review flow needs beyond the bot's own ports. */
export type ReviewFlowDeps = Omit<ReviewWorkflowDeps, 'notifier' | 'tokens'> & {
  /** Poll Graph as soon as the bot starts (default); tests poll when they choose. */
  pollAtStart?: boolean;
};

/** Access reviews as the bot hosts them: verbs, the "reviews" command, proactive cards, poll and outbox. */
export function reviewFlow(deps: ReviewFlowDeps, onCreated?: (wf: ReviewWorkflow) => void): FlowFactory {
  return (ports) => {
    const wf = createReviewWorkflow({ ...deps, notifier: ports.notifier, tokens: ports.userTokens });
    onCreated?.(wf);
    return {
      verbs: reviewVerbs(wf, deps.clock),
      messages: reviewMessages(wf, deps.clock),
      renderers: reviewRenderers(deps.clock),
      background: [
        { name: 'review-outbox', start: () => wf.outbox.start(), stop: () => wf.outbox.stop() },
        {
          name: 'review-scheduler',
          start: () => {
            // The first round runs at once: instances that started while the bot was down are found now.
            void wf.discovery
              .scheduleNext()
              .then(() => (deps.pollAtStart === false ? undefined : wf.discovery.run()))
              .catch((err: unknown) => deps.logger.error({ err }, 'access review poll failed'));
            wf.scheduler.start();
          },
          stop: () => wf.scheduler.stop(),
        },
      ],
    };
  };
}
