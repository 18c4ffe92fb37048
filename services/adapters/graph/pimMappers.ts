import type { ActiveRole, EligibleRole, RoleActivationPolicy, RoleRequestInfo } from '../../ports/pim';
import { str, type Json } from './json';
import { toApprover } from './policyMappers';

export function toEligible(i: Json): EligibleRole {
  return {
    roleDefinitionId: String(i.roleDefinitionId),
    roleName: str(i.roleDefinition?.displayName),
    directoryScopeId: str(i.directoryScopeId) ?? '/',
    startDateTime: str(i.startDateTime),
    endDateTime: str(i.endDateTime),
    memberType: str(i.memberType),
  };
}

export function toActive(i: Json): ActiveRole {
  return { ...toEligible(i), assignmentType: i.assignmentType === 'Activated' ? 'Activated' : 'Assigned' };
}

export function toRoleRequest(r: Json): RoleRequestInfo {
  const schedule = (r.scheduleInfo ?? {}) as Json;
  const expiration = (schedule.expiration ?? {}) as Json;
  return {
    id: String(r.id),
    action: String(r.action ?? ''),
    status: String(r.status ?? ''),
    principalId: String(r.principalId ?? ''),
    roleDefinitionId: String(r.roleDefinitionId ?? ''),
    roleName: str(r.roleDefinition?.displayName),
    directoryScopeId: str(r.directoryScopeId),
    justification: str(r.justification),
    approvalId: str(r.approvalId),
    createdDateTime: str(r.createdDateTime),
    completedDateTime: str(r.completedDateTime),
    startDateTime: str(schedule.startDateTime),
    duration: str(expiration.duration),
    endDateTime: str(expiration.endDateTime),
  };
}

/** Reads the end-user activation rules (`*_EndUser_Assignment`) of a role management policy. */
export function toActivationPolicy(roleDefinitionId: string, policy: Json): RoleActivationPolicy {
  const rules = (Array.isArray(policy.rules) ? policy.rules : []) as Json[];
  const rule = (id: string) => rules.find((r) => r.id === id) ?? {};
  const enabled = (rule('Enablement_EndUser_Assignment').enabledRules ?? []) as string[];
  const approval = (rule('Approval_EndUser_Assignment').setting ?? {}) as Json;
  const stages = (Array.isArray(approval.approvalStages) ? approval.approvalStages : []) as Json[];
  const authContext = rule('AuthenticationContext_EndUser_Assignment');
  const notify = rule('Notification_Admin_EndUser_Assignment');
  return {
    policyId: String(policy.id),
    roleDefinitionId,
    maximumDuration: str(rule('Expiration_EndUser_Assignment').maximumDuration) ?? 'PT8H',
    requireJustification: enabled.includes('Justification'),
    requireTicket: enabled.includes('Ticketing'),
    requireMfa: enabled.includes('MultiFactorAuthentication'),
    authenticationContext: authContext.isEnabled === true ? str(authContext.claimValue) : undefined,
    requireApproval: approval.isApprovalRequired === true,
    approvers:
      approval.isApprovalRequired === true
        ? stages.flatMap((s) => ((s.primaryApprovers ?? []) as Json[]).map(toApprover))
        : [],
    notifyRecipients: Array.isArray(notify.notificationRecipients)
      ? (notify.notificationRecipients as string[])
      : [],
  };
}
