import { z } from 'zod';
import type { Clock } from '../../../services/clock';
import { ReviewReasonRequiredError } from '../../../services/reviews/errors';
import type { ReviewFilter } from '../../../services/reviews/model';
import type { ReviewServices } from '../../../services/reviews/reviewWorkflow';
import type { DelegatedIdentity } from '../../../services/ports/userTokens';
import type { LeaseRequest } from '../../../services/workflow/mutate';
import type { WorkflowItem } from '../../../services/ports/workflowStore';
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
/** The decision the card's Input.ChoiceSet "selected" sends: references joined by commas. */
const selected = z.string().max(8_000).optional();

const SAVED = 'Saved: Graph is busy, your decision will be recorded in a moment.';

type Command = (
  who: DelegatedIdentity,
  lease: LeaseRequest,
) => Promise<{ item: WorkflowItem<unknown>; entryId: string }>;

/** Reviewers' verbs: open a review, page and filter it, decide one or several, accept all recommendations. */
export function reviewVerbs(svc: () => ReviewServices, clock: Clock): VerbModule {
  const time = (input: InvokeInput<unknown>) => userTimeOf(input.context.activity, clock.now());
  const card = async (
    input: InvokeInput<{ filter?: ReviewFilter; page?: number }>,
    itemId: string,
    notice = '',
    entryId?: string,
  ) => {
    const item = await svc().reviewer.get(itemId, input.actor.userId);
    const pending = entryId && item.outbox.some((e) => e.id === entryId && !e.doneAt);
    const data = await svc().reviewer.view(item, input.data.filter ?? 'open', input.data.page ?? 1, entryId);
    return renderReviewCard(data, time(input), notice || (pending ? SAVED : ''));
  };
  /** Persists the command's effect with the item's lease, then runs it here, as the reviewer, before answering. */
  const run = async (input: InvokeInput<unknown>, command: Command) => {
    const assertion = await input.userToken();
    const { outbox } = svc();
    const lease = outbox.leaseRequest();
    const { item, entryId } = await command({ userId: input.actor.userId, assertion }, lease);
    await outbox.runItem(item, new Map([[input.actor.userId, assertion]]), lease.owner);
    return entryId;
  };
  return {
    'review.open': defineHandler(z.object({ definitionId: id, instanceId: id }), async (input) => {
      const { definitionId, instanceId } = input.data;
      const item = await svc().reviewer.open(await delegated(input), definitionId, instanceId);
      return renderReviewCard(await svc().reviewer.view(item, 'open', 1), time(input));
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
        const refs = data.decisionIds ?? (data.selected ?? '').split(',').filter(Boolean);
        if (refs.length === 0) return card(input, data.itemId, 'Select at least one person, then decide.');
        if (refs.length > 50) return card(input, data.itemId, 'Decide at most 50 people at once.');
        try {
          const entryId = await run(input, (who, lease) =>
            svc().reviewer.decide(
              who,
              { itemId: data.itemId, refs, decision: data.decision, reason: data.reason },
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
      const entryId = await run(input, (who, lease) =>
        svc().reviewer.acceptAll(who, input.data.itemId, lease),
      );
      return card(input, input.data.itemId, '', entryId);
    }),
    ...ownerVerbs(svc, clock),
  };
}
