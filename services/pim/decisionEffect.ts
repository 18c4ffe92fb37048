import { decisionNotRecordedPatch } from '../approvals/decisionNotRecorded';
import { requestMachine } from '../approvals/states';
import type { ApprovalStage } from '../ports/entitlement';
import { ConflictError } from '../ports/graphErrors';
import type { PimGateway } from '../ports/pim';
import type { DelegatedIdentities } from '../access/identities';
import { type EffectHandler, PermanentEffectError } from '../workflow/effects';
import { activatedPatch, requesterStatusEffects } from './graphOutcome';
import type { PimActivationData } from './model';

/**
 * Records an approver's decision in Graph as that approver, through the beta roleAssignmentApprovals
 * step (v1.0 has no call for Entra roles; the PIM port hides it). A 409 showing the same decision counts
 * as done. Graph grants an approved activation at once: the item moves on to active.
 */
export function decisionEffect(deps: {
  pim: PimGateway;
  identities: DelegatedIdentities;
}): EffectHandler<PimActivationData> {
  return {
    run: async ({ item, entry, assertions, now }) => {
      const { approverId, decision, reason } = entry.payload as {
        approverId: string;
        decision: 'approve' | 'deny';
        reason: string;
      };
      const approvalId = item.data.graph?.approvalId;
      if (!approvalId) throw new PermanentEffectError(`Activation ${item.id} has no Graph approval id`);
      const who = await deps.identities.for(approverId, assertions);
      const result = decision === 'approve' ? 'Approve' : 'Deny';
      const open = (steps: ApprovalStage[]) => steps.find((s) => s.assignedToMe && s.status === 'InProgress');
      const step = open(await deps.pim.approvalSteps(who, approvalId));
      try {
        if (!step) throw new ConflictError('No step of mine in progress');
        await deps.pim.decideStep(who, approvalId, step.id, result, reason || undefined);
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
        const steps = await deps.pim.approvalSteps(who, approvalId);
        if (!steps.some((s) => s.reviewResult === result))
          throw new PermanentEffectError(`Graph shows a different decision`, err);
      }
      return (fresh) =>
        fresh.state === 'delivering'
          ? { ...activatedPatch(fresh, now, now), state: requestMachine.apply('delivering', 'delivered') }
          : undefined;
    },
    onFailed: (ctx, err) => (fresh) =>
      decisionNotRecordedPatch(fresh, err, ctx.now, {
        auditId: `pim-decision-failed:${fresh.id}`,
        requesterEffects: requesterStatusEffects(fresh, 'decision-failed', ctx.now),
      }),
  };
}
