import type { DelegatedIdentity } from './userTokens';

/**
 * Entitlement management (access packages): what the user may request, their requests and
 * assignments, and approvals. Methods taking a DelegatedIdentity act as that user; the others run
 * app-only for background work (reminders, expiry, digest).
 */

/** When an assignment ends: Graph's expirationPattern. */
export interface Expiration {
  type: 'notSpecified' | 'noExpiration' | 'afterDateTime' | 'afterDuration';
  endDateTime?: string;
  /** ISO 8601 duration, e.g. 'P30D'. */
  duration?: string;
}

export interface AssignmentSchedule {
  startDateTime?: string;
  expiration?: Expiration;
}

export interface AccessPackageSummary {
  id: string;
  displayName: string;
  description?: string;
  isHidden: boolean;
  catalog?: { id: string; displayName: string };
}

/** A question the requestor answers; multiple choice when `choices` is set. */
export interface AccessPackageQuestion {
  id: string;
  text: string;
  isRequired: boolean;
  sequence: number;
  choices?: { value: string; text: string }[];
}

/** Who approves: Graph's subjectSet, in domain terms. */
export type ApproverRef =
  | { kind: 'user'; userId: string }
  | { kind: 'groupMembers'; groupId: string }
  | { kind: 'requestorManager'; managerLevel: number }
  | { kind: 'other'; odataType: string };

export interface ApprovalStageSettings {
  /** ISO 8601 duration, e.g. 'P14D'. */
  durationBeforeAutomaticDenial: string;
  isApproverJustificationRequired: boolean;
  isEscalationEnabled: boolean;
  durationBeforeEscalation?: string;
  primaryApprovers: ApproverRef[];
  fallbackPrimaryApprovers: ApproverRef[];
  escalationApprovers: ApproverRef[];
  fallbackEscalationApprovers: ApproverRef[];
}

/** What a policy asks of this caller (getApplicablePolicyRequirements). */
export interface PolicyRequirements {
  policyId: string;
  policyDisplayName: string;
  policyDescription?: string;
  isApprovalRequiredForAdd: boolean;
  isApprovalRequiredForUpdate: boolean;
  isRequestorJustificationRequired: boolean;
  allowCustomAssignmentSchedule: boolean;
  questions: AccessPackageQuestion[];
  schedule?: AssignmentSchedule;
}

export interface AssignmentPolicy {
  id: string;
  displayName: string;
  description?: string;
  allowedTargetScope?: string;
  allowCustomAssignmentSchedule: boolean;
  isApprovalRequiredForAdd: boolean;
  isApprovalRequiredForUpdate: boolean;
  /** requestorSettings.enableTargetsToSelfUpdateAccess: whether users may extend their own access. */
  enableTargetsToSelfUpdateAccess: boolean;
  stages: ApprovalStageSettings[];
  expiration?: Expiration;
  questions: AccessPackageQuestion[];
}

export interface AccessPackageDetail extends AccessPackageSummary {
  policies: AssignmentPolicy[];
  resources: { displayName: string; type?: string; role?: string }[];
}

export interface Answer {
  questionId: string;
  value: string;
  displayValue?: string;
}

/** A new request by the caller for themselves. */
export type NewAssignmentRequest =
  | {
      kind: 'add';
      accessPackageId: string;
      policyId: string;
      justification?: string;
      answers?: Answer[];
      schedule?: AssignmentSchedule;
    }
  | {
      /** Extends the caller's active assignment to the package, under the policy it was granted by. */
      kind: 'extend';
      accessPackageId: string;
      policyId: string;
      justification?: string;
      answers?: Answer[];
      schedule?: AssignmentSchedule;
    }
  | { /** Gives up the caller's own assignment. */ kind: 'remove'; assignmentId: string };

export type RequestState =
  | 'submitted'
  | 'pendingApproval'
  | 'delivering'
  | 'delivered'
  | 'deliveryFailed'
  | 'denied'
  | 'scheduled'
  | 'canceled'
  | 'partiallyDelivered';

export interface AssignmentRequestInfo {
  id: string;
  requestType: string;
  state: RequestState;
  /** Graph's free-text status, e.g. 'PendingApproval'. */
  status?: string;
  justification?: string;
  createdDateTime?: string;
  completedDateTime?: string;
  accessPackage?: { id: string; displayName?: string };
  requestor?: { id?: string; displayName?: string };
  schedule?: AssignmentSchedule;
}

export interface AssignmentInfo {
  id: string;
  state: string;
  status?: string;
  accessPackage?: { id: string; displayName?: string };
  target?: { objectId?: string; displayName?: string; principalName?: string };
  policyId?: string;
  schedule?: AssignmentSchedule;
  /** When the assignment ends (computed from the schedule), if it does. */
  endDateTime?: string;
}

export interface ApprovalStage {
  id: string;
  displayName?: string;
  status: string;
  assignedToMe: boolean;
  reviewResult: string;
  justification?: string;
  reviewedBy?: { id: string; displayName?: string };
  reviewedDateTime?: string;
}

export type ApprovalDecision = 'Approve' | 'Deny';

export interface EntitlementGateway {
  /**
   * Packages the caller may request (Graph's `filterByCurrentUser(on='allowedRequestor')`, as the user:
   * listing every package needs an admin role), with their catalog.
   */
  requestablePackages(who: DelegatedIdentity): Promise<AccessPackageSummary[]>;
  /** App-only: every access package with its catalog; `search` matches names. */
  listAccessPackages(search?: string): Promise<AccessPackageSummary[]>;
  /** Policies the caller may request each package under (one $batch); [] = the caller may not request it. */
  applicablePolicies(
    who: DelegatedIdentity,
    packageIds: string[],
  ): Promise<Map<string, PolicyRequirements[]>>;
  /** A package with its policies, resources and questions (app-only). Throws NotFoundError. */
  getAccessPackage(packageId: string): Promise<AccessPackageDetail>;
  /**
   * Submits a request for the caller; throws PolicyViolationError with Graph's reason when refused.
   * Graph answers `submitted` and approves or delivers afterwards (follow it with requestState).
   */
  createRequest(who: DelegatedIdentity, request: NewAssignmentRequest): Promise<AssignmentRequestInfo>;
  /** Requests whose target is the caller. */
  myRequests(who: DelegatedIdentity): Promise<AssignmentRequestInfo[]>;
  /** Assignments whose target is the caller. */
  myAssignments(who: DelegatedIdentity): Promise<AssignmentInfo[]>;
  /** Cancels one of the caller's open requests. */
  cancelRequest(who: DelegatedIdentity, requestId: string): Promise<void>;
  /** Ids of requests the caller is asked to approve (approval id == request id). */
  approvalsAssignedToMe(who: DelegatedIdentity): Promise<string[]>;
  /** Requests the caller may approve, with details. */
  requestsToApprove(who: DelegatedIdentity): Promise<AssignmentRequestInfo[]>;
  /** The approval stages of a request, as an approver. */
  approvalStages(who: DelegatedIdentity, requestId: string): Promise<ApprovalStage[]>;
  /** Records the approver's decision; ConflictError when already decided, ForbiddenError when not theirs. */
  decideStage(
    who: DelegatedIdentity,
    requestId: string,
    stageId: string,
    decision: ApprovalDecision,
    justification?: string,
  ): Promise<void>;
  /** App-only: every request pending approval. */
  pendingRequests(): Promise<AssignmentRequestInfo[]>;
  /** App-only: delivered assignments that end before `before`. */
  assignmentsExpiringBefore(before: Date): Promise<AssignmentInfo[]>;
  /** App-only: one request's current state; NotFoundError when unknown. */
  requestState(requestId: string): Promise<AssignmentRequestInfo>;
}
