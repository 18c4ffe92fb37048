/** A bad invoke (unknown verb, malformed data, no user): the router turns it into an error card. */
export class InvokeError extends Error {
  constructor(
    /** The HTTP status the problem corresponds to; logged, while Teams still gets a 200 with a card. */
    readonly status: number,
    /** Stable code shown on the card and in logs, e.g. 'unknownVerb'. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvokeError';
  }
}
