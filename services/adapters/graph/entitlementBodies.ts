import type { Answer, NewAssignmentRequest } from '../../ports/entitlement';

/** The POST assignmentRequests body for a request the user makes for themselves. */
export function requestBody(userId: string, r: NewAssignmentRequest): Record<string, unknown> {
  if (r.kind === 'remove') return { requestType: 'userRemove', assignment: { id: r.assignmentId } };
  const body: Record<string, unknown> = {
    requestType: r.kind === 'add' ? 'userAdd' : 'userExtend',
    assignment: { targetId: userId, assignmentPolicyId: r.policyId, accessPackageId: r.accessPackageId },
  };
  if (r.justification) body.justification = r.justification;
  if (r.answers?.length) body.answers = r.answers.map(answer);
  if (r.schedule) body.schedule = r.schedule;
  return body;
}

function answer(a: Answer) {
  return {
    '@odata.type': '#microsoft.graph.accessPackageAnswerString',
    value: a.value,
    displayValue: a.displayValue ?? a.value,
    answeredQuestion: { id: a.questionId },
  };
}
