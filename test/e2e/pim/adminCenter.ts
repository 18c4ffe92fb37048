import { strict as assert } from 'node:assert';
import type { Emulator } from '../../../emulator';
import { appToken, GRAPH_SCOPE, oboCredential, rawCall } from '../../support/emulator';

const RM = '/roleManagement/directory';

/**
 * An approver decides the user's pending activation in the Entra admin center: what the portal calls,
 * as that approver (beta roleAssignmentApprovals/{id}/steps/{stepId}, approvalstep-update.md). The bot
 * is not told; only Graph knows.
 */
export async function decideInAdminCenter(
  emulator: Emulator,
  approver: string,
  principalId: string,
  reviewResult: 'Approve' | 'Deny',
  justification: string,
): Promise<void> {
  const requests = await rawCall(emulator, 'GET', `/v1.0${RM}/roleAssignmentScheduleRequests`, {
    token: await appToken(emulator),
  });
  const pending = (requests.body.value as { status: string; approvalId: string; principalId: string }[]).find(
    (r) => r.status === 'PendingApproval' && r.principalId === principalId,
  );
  assert.ok(pending?.approvalId, JSON.stringify(requests.body));
  const token = (await oboCredential(emulator, approver).getToken(GRAPH_SCOPE))!.token;
  const approval = `/beta${RM}/roleAssignmentApprovals/${pending.approvalId}`;
  const steps = await rawCall(emulator, 'GET', `${approval}/steps`, { token });
  const step = (steps.body.value as { id: string; assignedToMe: boolean }[]).find((x) => x.assignedToMe);
  assert.ok(step, JSON.stringify(steps.body));
  const decided = await rawCall(emulator, 'PATCH', `${approval}/steps/${step.id}`, {
    token,
    body: { reviewResult, justification },
  });
  assert.equal(decided.status, 204, JSON.stringify(decided.body));
}
