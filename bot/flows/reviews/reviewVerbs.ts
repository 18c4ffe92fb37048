import { z } from 'zod';
import type { Clock } from '../../../services/clock';
import { ReviewReasonRequiredError } from '../../../services/reviews/errors';
import type { ReviewFilter } from '../../../services/reviews/model';
import { reviewCardData } from '../../../services/reviews/reviewView';
import type { ReviewWorkflow } from '../../../services/reviews/reviewWorkflow';
import { defineHandler, type InvokeInput, type VerbModule } from '../../invoke/handler';
import { userTimeOf } from '../../userTime';
import { delegated } from '../access/turnIdentity';
import { ownerVerbs } from './ownerVerbs';
import { renderReviewCard } from './reviewCard';

const id = z.string().min(1).max(300);
const view = {
  filter: z.enum(['open', 'deny', 'guests', 'all']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
};
/** The decision the card's Input.ChoiceSet "selected" sends: ids joined by commas. */
const selected = z.string().max(8_000).optional();

const SAVED = 'Saved: Graph is busy, your decision will be recorded in a moment.';

/** Reviewers' verbs: open a review, page and filter it, decide one or several, accept all recommendations. */
export function reviewVerbs(wf: ReviewWorkflow, clock: Clock): VerbModule {
  const time = (input: InvokeInput<unknown>) => userTimeOf(input.context.activity, clock.now());
  const card = async (
    input: InvokeInput<{ filter?: ReviewFilter; page?: number }>,
    itemId: string,
    notice = '',
    entryId?: string,
  ) => {
    const item = await wf.reviewer.get(itemId, input.actor.userId);
    const pending = entryId && item.outbox.some((e) => e.id === entryId && !e.doneAt);
    const data = reviewCardData(
      item,
      input.data.filter ?? 'open',
      input.data.page ?? 1,
      clock.now(),
      entryId,
    );
    return renderReviewCard(data, time(input), notice || (pending ? SAVED : ''));
  };
  /** Persists the command's effect with the item's lease, then runs it here, as the reviewer, before answering. */
  const run = async (input: InvokeInput<unknown>, itemId: string, command: typeof wf.reviewer.acceptAll) => {
    const assertion = await input.userToken();
    const lease = wf.outbox.leaseRequest();
    const { item, entryId } = await command({ userId: input.actor.userId, assertion }, itemId, lease);
    await wf.outbox.runItem(item, new Map([[input.actor.userId, assertion]]), lease.owner);
    return entryId;
  };
  return {
    'review.open': defineHandler(z.object({ definitionId: id, instanceId: id }), async (input) => {
      const item = await wf.reviewer.open(
        await delegated(input),
        input.data.definitionId,
        input.data.instanceId,
      );
      return renderReviewCard(reviewCardData(item, 'open', 1, clock.now()), time(input));
    }),
    'review.page': defineHandler(z.object({ itemId: id, ...view }), (input) =>
      card(input, input.data.itemId),
    ),
    'review.decide': defineHandler(
      z.object({
        itemId: id,
        decision: z.enum(['Approve', 'Deny', 'DontKnow']),
        decisionIds: z.array(id).max(50).optional(),
        selected,
        reason: z.string().max(500).optional(),
        ...view,
      }),
      async (input) => {
        const { data } = input;
        const ids = data.decisionIds ?? (data.selected ?? '').split(',').filter(Boolean);
        if (ids.length === 0) return card(input, data.itemId, 'Select at least one person, then decide.');
        try {
          const entryId = await run(input, data.itemId, (who, itemId, lease) =>
            wf.reviewer.decide(
              who,
              { itemId, decisionIds: ids, decision: data.decision, reason: data.reason },
              lease,
            ),
          );
          return card(input, data.itemId, '', entryId);
        } catch (err) {
          // Keep the card as it was: the reviewer only has to add the reason. Nothing reached Graph.
          if (err instanceof ReviewReasonRequiredError) return card(input, data.itemId, err.message);
          throw err;
        }
      },
    ),
    'review.acceptAll': defineHandler(z.object({ itemId: id, ...view }), async (input) => {
      const entryId = await run(input, input.data.itemId, (who, itemId, lease) =>
        wf.reviewer.acceptAll(who, itemId, lease),
      );
      return card(input, input.data.itemId, '', entryId);
    }),
    ...ownerVerbs(wf, clock),
  };
}
