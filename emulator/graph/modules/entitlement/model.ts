/** Entitlement management state, kept close to Graph v1.0 shapes so the routes only serialise it. */

export interface SubjectSet {
  '@odata.type': string;
  userId?: string;
  groupId?: string;
  managerLevel?: number;
  connectedOrganizationId?: string;
  description?: string;
}

export interface StageSettings {
  durationBeforeAutomaticDenial: string;
  isApproverJustificationRequired: boolean;
  isEscalationEnabled: boolean;
  durationBeforeEscalation: string;
  primaryApprovers: SubjectSet[];
  fallbackPrimaryApprovers: SubjectSet[];
  escalationApprovers: SubjectSet[];
  fallbackEscalationApprovers: SubjectSet[];
}

export interface PolicyQuestion {
  '@odata.type':
    | '#microsoft.graph.accessPackageMultipleChoiceQuestion'
    | '#microsoft.graph.accessPackageTextInputQuestion';
  id: string;
  sequence: number;
  isRequired: boolean;
  isAnswerEditable: boolean;
  text: string;
  choices?: { actualValue: string; text: string }[];
  allowsMultipleSelections?: boolean;
  isSingleLineQuestion?: boolean;
}

export interface Expiration {
  type: 'notSpecified' | 'noExpiration' | 'afterDateTime' | 'afterDuration';
  endDateTime: string | null;
  duration: string | null;
}

export interface AssignmentPolicy {
  id: string;
  accessPackageId: string;
  catalogId: string;
  displayName: string;
  description: string;
  allowedTargetScope: string;
  specificAllowedTargets: SubjectSet[];
  allowCustomAssignmentSchedule: boolean;
  stages: StageSettings[];
  expiration: Expiration;
  questions: PolicyQuestion[];
  /** Beta-only on the wire; in v1.0 it surfaces through getApplicablePolicyRequirements. */
  isRequestorJustificationRequired: boolean;
  extension: { enabled: boolean; requiresApproval: boolean };
  createdDateTime: string;
}

export interface Catalog {
  id: string;
  displayName: string;
  description: string;
  createdDateTime: string;
}

export interface PackageResource {
  type: 'group' | 'sharePointSite' | 'application';
  displayName: string;
  role: string;
  groupId?: string;
}

export interface AccessPackage {
  id: string;
  catalogId: string;
  displayName: string;
  description: string;
  resources: PackageResource[];
  createdDateTime: string;
}

export interface Assignment {
  id: string;
  accessPackageId: string;
  policyId: string;
  targetId: string;
  state: 'delivering' | 'delivered' | 'expired' | 'deliveryFailed';
  status: string;
  startDateTime: string;
  expiration: Expiration;
  expiredDateTime: string | null;
}

export interface ApprovalStage {
  id: string;
  status: 'NotStarted' | 'InProgress' | 'Completed' | 'Expired';
  startedDateTime: string | null;
  approverIds: string[];
  escalated: boolean;
  reviewResult: 'NotReviewed' | 'Approve' | 'Deny';
  justification: string | null;
  reviewedBy: { id: string; displayName: string } | null;
  reviewedDateTime: string | null;
}

export type RequestState =
  'submitted' | 'pendingApproval' | 'delivering' | 'delivered' | 'denied' | 'canceled' | 'deliveryFailed';

export interface Answer {
  '@odata.type': string;
  value: string;
  displayValue: string;
  answeredQuestion: { id: string };
}

export interface AssignmentRequest {
  id: string;
  requestType: string;
  state: RequestState;
  status: string;
  createdDateTime: string;
  completedDateTime: string | null;
  justification: string | null;
  accessPackageId: string;
  policyId: string;
  targetId: string;
  /** The user (delegated) or app (app-only) that created the request. */
  createdBy: { userId?: string; appId: string };
  /** Assignment delivered, or extended, by this request. */
  assignmentId: string;
  schedule: { startDateTime: string; expiration: Expiration };
  answers: Answer[];
  stages: ApprovalStage[];
  /**
   * When Graph takes the next step by itself: a `submitted` request is processed (approval starts, or
   * delivery), a `delivering` one delivered. Graph answers first and works afterwards.
   */
  dueAt: string | null;
}

/** Open states: a second request for the same package and target is refused while one exists. */
export const OPEN_STATES: RequestState[] = ['submitted', 'pendingApproval', 'delivering'];
