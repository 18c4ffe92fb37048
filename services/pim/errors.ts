import { DomainError } from '../domainError';

/** Base of PIM errors (see DomainError), so each flow can tell its own apart. */
export abstract class PimError extends DomainError {}

/** The activation card was filled in against the role's policy; `problems` names each field. */
export class InvalidActivationError extends PimError {
  readonly code = 'invalidActivation';
  constructor(readonly problems: { field: string; message: string }[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  }
}

/** The user is not eligible for the role (or the eligibility ended). */
export class NotEligibleError extends PimError {
  readonly code = 'notEligible';
}

/** Not the user's activation. */
export class NotYourActivationError extends PimError {
  readonly code = 'notYours';
}

/** The user already has an activation of this role waiting (approval or sign-in). */
export class ActivationPendingError extends PimError {
  readonly code = 'activationPending';
}
