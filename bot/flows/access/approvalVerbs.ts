import { z } from 'zod';
import type { AccessWorkflow } from '../../../services/access/accessWorkflow';
import {
  AlreadyDecidedError,
  NotAnApproverError,
  ReasonRequiredError,
} from '../../../services/approvals/errors';
import type { Clock } from '../../../services/clock';
import { defineHandler, type InvokeInput, type VerbModule } from '../../invoke/handler';
import { decisionText, renderApprovalCard } from './approvalCard';
import { userTimeOf } from '../../userTime';
import { accessLists } from './lists';
import { delegated } from './turnIdentity';

/** Card statuses of a request that no click can change any more. */
const ENDED = new Set(['approved', 'denied', 'expired', 'canceled', 'failed']);

function mine<T extends { refreshUserIds: string[] }>(card: T | undefined, viewerId: string): T {
  if (!card || !card.refreshUserIds.includes(viewerId))
    throw new NotAnApproverError('You are not an approver of this request');
  return card;
}

/** approval.decide and approval.refresh: the actor is the activity's user, never the card's data. */
export function approvalVerbs(wf: AccessWorkflow, clock: Clock): VerbModule {
  const time = (input: InvokeInput<unknown>) => userTimeOf(input.context.activity, clock.now());
  const current = async (itemId: string, viewerId: string) =>
    mine(await wf.approvalCard(itemId, viewerId), viewerId);
  return {
    'approval.decide': defineHandler(
      z.object({
        itemId: z.string().min(1).max(200),
        stage: z.coerce.number().int().min(0).max(10).optional(),
        decision: z.enum(['approve', 'deny']),
        reason: z.string().max(500).optional(),
      }),
      async (input) => {
        const { actor, data } = input;
        // A request that has ended is answered from the store: the late clicks of a crowd of
        // approvers cost no call to the token service. The same read is the decision's first try.
        const item = await wf.approvalItem(data.itemId);
        const before = item && wf.approvalCardOf(item, actor.userId);
        if (before?.refreshUserIds.includes(actor.userId) && ENDED.has(before.status) && before.outcome) {
          const notice = `Already decided: ${decisionText(before.outcome, time(input))}`;
          return renderApprovalCard(before, time(input), notice);
        }
        // The token next: a signed-out approver signs in before anything is recorded.
        const assertion = await input.userToken();
        const lease = wf.outbox.leaseRequest();
        let decided;
        try {
          decided = await wf.approvals.decide(
            {
              actor: { id: actor.userId, displayName: actor.name },
              itemId: data.itemId,
              decision: data.decision,
              reason: data.reason,
              stage: data.stage,
              source: { card: 'approval-request', activityId: input.context.activity.replyToId ?? '' },
            },
            lease,
            item,
          );
        } catch (err) {
          if (err instanceof ReasonRequiredError) {
            // Keep the buttons: the approver only has to add the reason.
            const notice = 'This approval needs a reason: please write one, then decide again.';
            return renderApprovalCard(await current(data.itemId, actor.userId), time(input), notice);
          }
          if (!(err instanceof AlreadyDecidedError)) throw err;
          const notice = `Already decided: ${decisionText(err.decision, time(input))}`;
          return renderApprovalCard(await current(data.itemId, actor.userId), time(input), notice);
        }
        // The decision is stored: answer now, and let its effects (Graph, the other cards) run meanwhile.
        wf.outbox.runInBackground(decided.item, new Map([[actor.userId, assertion]]), lease.owner);
        return renderApprovalCard(
          mine(wf.approvalCardOf(decided.item, actor.userId), actor.userId),
          time(input),
        );
      },
    ),
    // Teams' refresh sends only the item id; "Open" in the approvals list adds `back`, the way back to it.
    'approval.refresh': defineHandler(
      z.object({ itemId: z.string().min(1).max(200), back: z.boolean().optional() }),
      async (input) =>
        renderApprovalCard(
          await current(input.data.itemId, input.actor.userId),
          time(input),
          '',
          input.data.back ?? false,
        ),
    ),
    'approval.list': defineHandler(z.object({}).loose(), async (input) =>
      accessLists(wf).approvals(await delegated(input), time(input)),
    ),
  };
}
