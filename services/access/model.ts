import type { ApprovalItemData } from '../approvals/model';
import type { Answer, AssignmentSchedule, Expiration } from '../ports/entitlement';

/** Workflow kind of an access package request made through the bot. */
export const ACCESS_REQUEST = 'accessRequest';

/** Why a request failed for good, as the requester's card explains it. */
export interface RequestFailure {
  /** Stable: a PolicyViolationReason ('alreadyAssigned', 'openRequestExists', …) or an error code. */
  code: string;
  message: string;
}

/** Workflow data of one access package request (new access or an extension). */
export interface AccessRequestData extends ApprovalItemData {
  requestType: 'add' | 'extend';
  requesterId: string;
  package: { id: string; displayName: string; catalog?: string };
  policy: { id: string; displayName: string; approvalRequired: boolean; expiration?: Expiration };
  justification?: string;
  answers: (Answer & { question: string })[];
  schedule?: AssignmentSchedule;
  /** The package's resources and roles, as approvers are shown what they grant. */
  grants?: { name: string; role?: string }[];
  /** The assignment an extension extends. */
  assignmentId?: string;
  graph?: { requestId: string; state: string; status?: string };
  failure?: RequestFailure;
}

/** Effect types of access requests. */
export const AccessEffect = {
  submit: 'accessRequest.submit',
  cancel: 'accessRequest.cancel',
  sync: 'accessRequest.sync',
  recordDecision: 'accessRequest.recordDecision',
} as const;

/** Notification kinds of access requests; bot/ maps each to a card. */
export const AccessNotification = {
  requestStatus: 'access.requestStatus',
  expiring: 'access.expiring',
} as const;
