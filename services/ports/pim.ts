import type { ApprovalDecision, ApprovalStage, ApproverRef } from './entitlement';
import type { DelegatedIdentity } from './userTokens';

/** Privileged Identity Management for Entra roles: just-in-time activation, approvals, policies. */

export interface EligibleRole {
  roleDefinitionId: string;
  roleName?: string;
  directoryScopeId: string;
  startDateTime?: string;
  /** undefined = permanently eligible. */
  endDateTime?: string;
  memberType?: string;
}

export interface ActiveRole extends EligibleRole {
  /** 'Activated' = through PIM, 'Assigned' = permanent assignment. */
  assignmentType: 'Assigned' | 'Activated';
}

/** What the role's activation policy asks (the *_EndUser_Assignment rules). */
export interface RoleActivationPolicy {
  policyId: string;
  roleDefinitionId: string;
  /** ISO 8601 duration, e.g. 'PT8H'. */
  maximumDuration: string;
  requireJustification: boolean;
  requireTicket: boolean;
  requireMfa: boolean;
  /** Authentication context claim value (e.g. 'c1'), when the policy asks for one. */
  authenticationContext?: string;
  requireApproval: boolean;
  approvers: ApproverRef[];
  /** Extra addresses told about activations (Notification_Admin_EndUser_Assignment). */
  notifyRecipients: string[];
}

export interface RoleActivation {
  roleDefinitionId: string;
  directoryScopeId?: string;
  justification?: string;
  ticket?: { number: string; system?: string };
  /** ISO 8601 duration, e.g. 'PT2H'. */
  duration: string;
  startDateTime?: string;
}

export interface RoleRequestInfo {
  id: string;
  action: string;
  /** Graph's status: 'Granted', 'PendingApproval', 'Provisioned', 'Denied', … */
  status: string;
  principalId: string;
  roleDefinitionId: string;
  roleName?: string;
  directoryScopeId?: string;
  justification?: string;
  approvalId?: string;
  createdDateTime?: string;
  /** When Graph finished the request (granted, denied, canceled); absent while it is pending. */
  completedDateTime?: string;
  startDateTime?: string;
  /** ISO 8601 duration requested, when given as a duration. */
  duration?: string;
  endDateTime?: string;
}

export interface PimGateway {
  /** Roles the caller may activate. */
  myEligibleRoles(who: DelegatedIdentity): Promise<EligibleRole[]>;
  /** Roles the caller holds now (activated or assigned). */
  myActiveRoles(who: DelegatedIdentity): Promise<ActiveRole[]>;
  /** App-only: the activation policy of a role (tenant-wide scope). */
  activationPolicy(roleDefinitionId: string): Promise<RoleActivationPolicy>;
  /** Activates a role for the caller; PolicyViolationError / MfaRequiredError when the policy refuses. */
  activate(who: DelegatedIdentity, activation: RoleActivation): Promise<RoleRequestInfo>;
  /** Ends the caller's activation early. */
  deactivate(
    who: DelegatedIdentity,
    roleDefinitionId: string,
    directoryScopeId?: string,
  ): Promise<RoleRequestInfo>;
  /** Requests the caller made. */
  myRequests(who: DelegatedIdentity): Promise<RoleRequestInfo[]>;
  /** Cancels one of the caller's pending requests. */
  cancelRequest(who: DelegatedIdentity, requestId: string): Promise<void>;
  /** Activation requests waiting for the caller's approval. */
  requestsToApprove(who: DelegatedIdentity): Promise<RoleRequestInfo[]>;
  /** Steps of an approval (request.approvalId), as an approver (Graph beta). */
  approvalSteps(who: DelegatedIdentity, approvalId: string): Promise<ApprovalStage[]>;
  /** Records the approver's decision on a step; ConflictError when already decided. */
  decideStep(
    who: DelegatedIdentity,
    approvalId: string,
    stepId: string,
    decision: ApprovalDecision,
    justification?: string,
  ): Promise<void>;
  /** App-only: one request's current state. */
  requestState(requestId: string): Promise<RoleRequestInfo>;
  /** App-only: requests waiting for approval (reminders, digest). */
  pendingApprovalRequests(): Promise<RoleRequestInfo[]>;
  /** App-only: self-activations created at or after `since` (digest). */
  activationsSince(since: Date): Promise<RoleRequestInfo[]>;
}
