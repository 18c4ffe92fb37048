/**
 * Base of the errors a person can be told about: a stable `code` that bot/ turns into an error card,
 * and a message written for them. Anything else that reaches a turn is a bug and gets the generic card,
 * so a library's error (which may carry a `code` of its own) never shows its text to users.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}
