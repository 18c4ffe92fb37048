import { DomainError } from '../domainError';

/** Base of access review errors (see DomainError), so each flow can tell its own apart. */
export abstract class ReviewError extends DomainError {}

/** The actor is not a reviewer of this review (a forged or forwarded card). */
export class NotAReviewerError extends ReviewError {
  readonly code = 'notAReviewer';
}

/** The review is no longer in progress: nothing can be recorded. */
export class ReviewClosedError extends ReviewError {
  readonly code = 'reviewClosed';
}

/** The review requires a reason to approve, and none was given (checked before Graph is called). */
export class ReviewReasonRequiredError extends ReviewError {
  readonly code = 'reasonRequired';
}

/** The review or person is unknown to the bot. */
export class ReviewNotFoundError extends ReviewError {
  readonly code = 'reviewNotFound';
}
