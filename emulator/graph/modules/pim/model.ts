/** PIM for Entra roles: the emulator's state, close to Graph's unifiedRole* shapes. */

export interface RoleDefinition {
  id: string;
  displayName: string;
}

/** A role's activation settings (the `*_EndUser_Assignment` rules of its policy). */
export interface RolePolicy {
  id: string;
  roleDefinitionId: string;
  maximumDuration: string;
  requireJustification: boolean;
  requireTicket: boolean;
  requireMfa: boolean;
  /** Authentication context (e.g. 'c1') the activation's token must carry in `acrs`. */
  authenticationContext?: string;
  approverIds: string[];
  notifyIds: string[];
}

export interface Eligibility {
  id: string;
  principalId: string;
  roleDefinitionId: string;
  startDateTime: string;
  /** null = permanently eligible. */
  endDateTime: string | null;
  createdDateTime: string;
}

/** An activated (time-bound) role assignment. */
export interface Activation {
  id: string;
  principalId: string;
  roleDefinitionId: string;
  eligibilityId: string;
  startDateTime: string;
  endDateTime: string;
}

export type RequestStatus =
  'PendingApproval' | 'Provisioned' | 'Granted' | 'Denied' | 'Canceled' | 'Revoked' | 'Failed';

export interface ScheduleRequest {
  id: string;
  action: string;
  principalId: string;
  roleDefinitionId: string;
  directoryScopeId: string;
  justification: string | null;
  ticketInfo: { ticketNumber: string | null; ticketSystem: string | null };
  scheduleInfo: {
    startDateTime: string;
    expiration: { type: string; duration: string | null; endDateTime: string | null };
  };
  status: RequestStatus;
  createdDateTime: string;
  completedDateTime: string | null;
  approvalId: string | null;
  targetScheduleId: string | null;
  isValidationOnly: boolean;
  createdById: string;
  /** A `Granted` activation is provisioned (its schedule created) at this instant: Graph works after answering. */
  dueAt: string | null;
}

export interface ApprovalStep {
  id: string;
  status: 'NotStarted' | 'InProgress' | 'Completed' | 'Expired';
  startedDateTime: string;
  approverIds: string[];
  reviewResult: 'NotReviewed' | 'Approve' | 'Deny';
  justification: string | null;
  reviewedBy: { id: string; displayName: string } | null;
  reviewedDateTime: string | null;
}

export interface PimApproval {
  id: string;
  requestId: string;
  steps: ApprovalStep[];
}

/** Graph's default approval stage timeout for role activation (approvalStageTimeOutInDays). */
export const APPROVAL_TIMEOUT_DAYS = 1;
