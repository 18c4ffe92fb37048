import type { Decision } from './model';
import { DomainError } from '../domainError';

/** Base of approval errors (see DomainError), so each flow can tell its own apart. */
export abstract class ApprovalError extends DomainError {}

/** The acting user is not an approver of the stage being decided. */
export class NotAnApproverError extends ApprovalError {
  readonly code = 'notAnApprover';
}

/** Nobody approves their own request. */
export class SelfApprovalError extends ApprovalError {
  readonly code = 'selfApproval';
}

/** The stage (or the whole request) was decided already; carries who decided and when. */
export class AlreadyDecidedError extends ApprovalError {
  readonly code = 'alreadyDecided';
  constructor(readonly decision: Decision) {
    super(
      `Already ${decision.result}${decision.by ? ` by ${decision.by.displayName}` : ''} at ${decision.at}`,
    );
  }
}

/** The stage asks approvers for a reason, and none was given. */
export class ReasonRequiredError extends ApprovalError {
  readonly code = 'reasonRequired';
}

/** The request is not waiting for approval (still being submitted, or failed). */
export class NotPendingError extends ApprovalError {
  readonly code = 'notPending';
}
