import type { ApprovalItemData } from '../approvals/model';

/** Workflow kind of a PIM role activation made through the bot. */
export const PIM_ACTIVATION = 'pimActivation';

/** Why an activation failed for good, as the requester's card explains it. */
export interface ActivationFailure {
  /** A PolicyViolationReason, 'stepUpExpired', or an error code. */
  code: string;
  message: string;
}

/** The MFA / authentication context sign-in an activation waits for (held, not sent to Graph again yet). */
export interface StepUpHold {
  /** The claims challenge the new sign-in must satisfy (JSON). */
  claims: string;
  askedAt: string;
  /** After this the held activation expires. */
  expiresAt: string;
}

/** Workflow data of one role activation (or extension). */
export interface PimActivationData extends ApprovalItemData {
  requesterId: string;
  /** 'extend': a new activation asked from the ending-soon card. */
  requestType: 'activate' | 'extend';
  role: { id: string; displayName: string };
  directoryScopeId: string;
  justification?: string;
  ticket?: { number: string; system?: string };
  /** ISO 8601 duration asked, e.g. 'PT2H'. */
  duration: string;
  /** When the activation should start; now when absent. */
  startDateTime?: string;
  policy: { maximumDuration: string; requireMfa: boolean; approvalRequired: boolean; notify: string[] };
  graph?: { requestId: string; status: string; approvalId?: string };
  /** Set while the activation waits for the user's MFA sign-in. */
  stepUp?: StepUpHold;
  /** How many times Graph has been sent the activation (a step-up retry is the second). */
  attempts: number;
  activeFrom?: string;
  activeUntil?: string;
  deactivatedAt?: string;
  failure?: ActivationFailure;
}

/** Effect types of PIM activations. */
export const PimEffect = {
  submit: 'pimActivation.submit',
  recordDecision: 'pimActivation.recordDecision',
} as const;

/** Notification kinds of PIM activations; bot/ maps each to a card. */
export const PimNotification = {
  status: 'pim.status',
  activated: 'pim.activated',
  ending: 'pim.ending',
} as const;

/** Timers of PIM activations. */
export const PimJob = {
  stepUpExpire: 'pim.stepUpExpire',
  ending: 'pim.ending',
  /** Reminds approvers who have not decided (PIM_APPROVAL_REMINDER_HOURS). */
  remind: 'pim.remind',
  /** Compares activations waiting for approval with Graph (APPROVAL_RECONCILE_MINUTES). */
  reconcile: 'pim.reconcile',
  /** The approval stage's deadline: asks Graph before telling anyone it expired. */
  expire: 'pim.expire',
} as const;
