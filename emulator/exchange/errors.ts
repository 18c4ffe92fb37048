/** An Exchange admin REST failure: the cmdlet's exception, as the REST endpoint wraps it. */
export class ExchangeError extends Error {
  constructor(
    readonly status: number,
    readonly exceptionType: string,
    message: string,
  ) {
    super(message);
    this.name = 'ExchangeError';
  }

  /** `{error:{code,message,details[],innererror{internalException}}}` (section 7 of the reference). */
  body(): unknown {
    const message = `|${this.exceptionType}|${this.message}`;
    return {
      error: {
        code:
          this.status === 401
            ? 'Unauthorized'
            : this.status === 403
              ? 'Forbidden'
              : this.status === 429
                ? 'TooManyRequests'
                : 'BadRequest',
        message,
        details: [{ code: 'Context', target: '', message: this.message }],
        innererror: {
          message,
          type: this.exceptionType,
          internalException: { message: this.message, type: this.exceptionType },
        },
      },
    };
  }
}

/** Exchange's answer to an identity it cannot find. */
export function objectNotFound(identity: string): ExchangeError {
  return new ExchangeError(
    404,
    'Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException',
    `The operation couldn't be performed because object '${identity}' couldn't be found on 'AM0PR01A001DC01.EURPR01A001.prod.outlook.com'.`,
  );
}
