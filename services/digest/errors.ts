import { DomainError } from '../domainError';

/** Only the digest's recipients may ask for it, open it, download its files or act from it. */
export class NotARecipientError extends DomainError {
  readonly code = 'notARecipient';
  readonly status = 403;
  constructor() {
    super('The audit digest goes to its recipients only, and you are not one of them.');
  }
}

/** The digest or the finding named does not exist (any more). */
export class DigestNotFoundError extends DomainError {
  readonly code = 'digestNotFound';
  readonly status = 404;
  constructor(what: string) {
    super(`I could not find ${what}.`);
  }
}
