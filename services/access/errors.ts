import { DomainError } from '../domainError';

/** Base of access request errors (see DomainError), so each flow can tell its own apart. */
export abstract class AccessError extends DomainError {}

/** The user may not request this package (no policy lets them), or it does not exist for them. */
export class NotRequestableError extends AccessError {
  readonly code = 'notRequestable';
}

/** The form was filled in wrongly; `problems` names each field (question id, 'justification', …). */
export class InvalidRequestError extends AccessError {
  readonly code = 'invalidRequest';
  constructor(readonly problems: { field: string; message: string }[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  }
}

/** The user already has an open request for the package (made in the bot). */
export class OpenRequestExistsError extends AccessError {
  readonly code = 'openRequestExists';
  constructor(readonly itemId: string) {
    super(`An open request for this package exists already (${itemId})`);
  }
}

/** Not the user's request (cancel), or not the user's assignment (extend). */
export class NotYoursError extends AccessError {
  readonly code = 'notYours';
}

/** The request cannot be canceled any more (already decided or delivered). */
export class CannotCancelError extends AccessError {
  readonly code = 'cannotCancel';
}

/** No policy lets the user extend this assignment. */
export class NotExtendableError extends AccessError {
  readonly code = 'notExtendable';
}
