import type { Clock } from '../../../services/clock';
import { listEntryOf } from '../../../services/reviews/reviewList';
import type { ReviewServices } from '../../../services/reviews/reviewWorkflow';
import type { MessageInput, MessageTable } from '../../commands';
import { userTimeOf } from '../../userTime';
import { renderReviewListCard } from './reviewListCard';

const OWNER_WORDS = new Set(['manage', 'admin', 'owner', 'progress']);

/** "reviews" / "my reviews": what waits for the reviewer; "reviews manage": the owner's and admin's list. */
export function reviewMessages(svc: () => ReviewServices, clock: Clock): MessageTable {
  const who = async (input: MessageInput) => ({
    userId: input.actor.userId,
    assertion: await input.userToken(),
  });
  const time = (input: MessageInput) => userTimeOf(input.context.activity, clock.now());
  return {
    reviews: async (input) => {
      if (OWNER_WORDS.has(input.rest)) {
        const all = await svc().owner.manageable(await who(input));
        return renderReviewListCard(
          all.length ? 'Access reviews you manage' : 'No access reviews to manage',
          all,
          time(input),
        );
      }
      const mine = (await svc().reviewer.pending(await who(input))).map(listEntryOf);
      return renderReviewListCard(
        mine.length ? 'Access reviews waiting for you' : 'No access reviews are waiting for you',
        mine,
        time(input),
        mine.length ? '' : 'When a review names you as a reviewer, I will send it here.',
      );
    },
  };
}
