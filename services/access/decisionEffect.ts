import { decisionNotRecordedPatch } from '../approvals/decisionNotRecorded';
import type { ApprovalStage, EntitlementGateway } from '../ports/entitlement';
import { ConflictError } from '../ports/graphErrors';
import { type EffectHandler, PermanentEffectError } from '../workflow/effects';
import { effect } from '../workflow/mutate';
import type { DelegatedIdentities } from './identities';
import { AccessEffect, type AccessRequestData } from './model';
import { statusEffects } from './statusEffects';

/** How long after the decision the bot first asks Graph whether the access was delivered. */
const FIRST_SYNC_DELAY_MS = 5_000;

/**
 * Records an approver's decision in Graph, as that approver (Graph's approval stage API has no
 * application permission). A 409 that shows the same decision already recorded counts as done.
 */
export function decisionEffect(deps: {
  entitlement: EntitlementGateway;
  identities: DelegatedIdentities;
}): EffectHandler<AccessRequestData> {
  return {
    run: async ({ item, entry, assertions, now }) => {
      const { stage, approverId, decision, reason } = entry.payload as {
        stage: number;
        approverId: string;
        decision: 'approve' | 'deny';
        reason: string;
      };
      const requestId = item.data.graph?.requestId;
      if (!requestId) throw new PermanentEffectError(`Request ${item.id} has no Graph request id`);
      const who = await deps.identities.for(approverId, assertions);
      const result = decision === 'approve' ? 'Approve' : 'Deny';
      const stages = await deps.entitlement.approvalStages(who, requestId);
      const target = pick(stages, stage);
      if (!target) throw new PermanentEffectError(`Graph shows no open approval stage for ${approverId}`);
      try {
        await deps.entitlement.decideStage(who, requestId, target.id, result, reason || undefined);
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
        const now2 = pick(await deps.entitlement.approvalStages(who, requestId), stage);
        if (now2?.reviewResult !== result)
          throw new PermanentEffectError(`Graph shows a different decision: ${now2?.reviewResult}`, err);
      }
      // Graph delivers once the last stage approves, after its answer (processing is asynchronous):
      // look a little later rather than spend a request on a state that has not moved yet.
      const later = new Date(now.getTime() + FIRST_SYNC_DELAY_MS);
      return (fresh) =>
        fresh.state === 'delivering'
          ? { effects: [effect(`sync:decision:${stage}`, AccessEffect.sync, {}, later)] }
          : undefined;
    },
    onFailed: (ctx, err) => (fresh) =>
      decisionNotRecordedPatch(fresh, err, ctx.now, {
        auditId: `decision-failed:${fresh.id}`,
        requesterEffects: statusEffects(fresh.data.requesterId, 'decision-failed', ctx.now),
      }),
  };
}

/** The Graph stage matching ours: by position when Graph lists every stage, else the open one of mine. */
function pick(stages: ApprovalStage[], index: number): ApprovalStage | undefined {
  const open = stages.filter((s) => s.assignedToMe && s.reviewResult === 'NotReviewed');
  return open.length === 1 ? open[0] : (stages[index] ?? open[0]);
}
