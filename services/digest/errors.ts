/** Only the digest's recipients may ask for it, open it, download its files or act from it. */
export class NotARecipientError extends Error {
  readonly code = 'notARecipient';
  readonly status = 403;
  constructor() {
    super('The audit digest goes to its recipients only, and you are not one of them.');
    this.name = 'NotARecipientError';
  }
}

/** The digest or the finding named does not exist (any more). */
export class DigestNotFoundError extends Error {
  readonly code = 'digestNotFound';
  readonly status = 404;
  constructor(what: string) {
    super(`I could not find ${what}.`);
    this.name = 'DigestNotFoundError';
  }
}
