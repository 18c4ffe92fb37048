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
            // The first round is due at once (instances that started while the bot was down are found
            // now), run by the scheduler, so stopping waits for it like any other job.
            const first = deps.pollAtStart === false ? Promise.resolve() : wf.discovery.scheduleNow();
            void first
              .then(() => wf.discovery.scheduleNext())
              .catch((err: unknown) =>
                deps.logger.error({ err }, 'could not schedule the access review poll'),
              );
            wf.scheduler.start();
          },
          stop: () => wf.scheduler.stop(),
        },
      ],
    };
  };
}
