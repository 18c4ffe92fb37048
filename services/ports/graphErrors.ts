import { DomainError } from '../domainError';

/**
 * Domain errors raised by the Graph and Exchange ports. Each has a stable `code` that bot/ turns into a
 * card; adapters map Graph's HTTP errors onto them so services never see raw Graph errors.
 */

/** Base of every port error; `code` is stable, `message` is for logs. */
export abstract class GatewayError extends DomainError {
  /** Graph's own error code (e.g. `Request_ResourceNotFound`), when there was one. */
  readonly graphCode?: string;
  constructor(message: string, graphCode?: string) {
    super(message);
    this.graphCode = graphCode;
  }
}

/** The object does not exist (or the caller may not see it). */
export class NotFoundError extends GatewayError {
  readonly code = 'notFound';
}

/** The caller is not allowed to do this (e.g. not an approver, approving their own request). */
export class ForbiddenError extends GatewayError {
  readonly code = 'forbidden';
}

/** Why a policy refused a request, as far as Graph's error tells. */
export type PolicyViolationReason =
  | 'justificationRequired'
  | 'ticketRequired'
  | 'alreadyAssigned'
  | 'openRequestExists'
  | 'notAllowedByPolicy'
  | 'noActiveAssignment'
  | 'scheduleNotAllowed'
  | 'invalidAnswers'
  | 'approverJustificationRequired'
  | 'policyRulesFailed'
  | 'other';

/** Graph refused the request under the policy; `graphCode` and `message` are Graph's own. */
export class PolicyViolationError extends GatewayError {
  readonly code = 'policyViolation';
  constructor(
    message: string,
    graphCode: string,
    readonly reason: PolicyViolationReason,
    /** PIM rule names that failed, e.g. ['JustificationRule', 'TicketingRule']. */
    readonly rules: string[] = [],
  ) {
    super(message, graphCode);
  }
}

/**
 * Stronger authentication is needed (MFA or an authentication context). `claims` is the claims
 * challenge (JSON) to pass when the user signs in again; the bot asks the user to re-authenticate.
 */
export class MfaRequiredError extends GatewayError {
  readonly code = 'mfaRequired';
  constructor(
    message: string,
    readonly claims: string,
    graphCode?: string,
  ) {
    super(message, graphCode);
  }
}

/** The object changed under us (e.g. the stage was already decided by another approver). */
export class ConflictError extends GatewayError {
  readonly code = 'conflict';
}

/** Graph throttled us and retries ran out; try again after `retryAfterMs`. */
export class ThrottledError extends GatewayError {
  readonly code = 'throttled';
  constructor(
    message: string,
    readonly retryAfterMs: number,
    graphCode?: string,
  ) {
    super(message, graphCode);
  }
}

/** Graph answered 5xx or could not be reached; the same call may succeed later. */
export class GraphUnavailableError extends GatewayError {
  readonly code = 'graphUnavailable';
  constructor(
    message: string,
    /** HTTP status, or undefined for a network failure. */
    readonly status?: number,
    graphCode?: string,
  ) {
    super(message, graphCode);
  }
}

/** No usable user token: the user must sign in (again) before acting. */
export class SignInRequiredError extends GatewayError {
  readonly code = 'signInRequired';
}

/** Any other refusal Graph gave (400 that is not a policy matter, unexpected status). */
export class GraphRequestError extends GatewayError {
  readonly code = 'graphRequestFailed';
  constructor(
    message: string,
    readonly status: number,
    graphCode?: string,
  ) {
    super(message, graphCode);
  }
}

/** True when the same call may succeed if tried again later (throttling, outage). */
export function isRetryable(err: unknown): boolean {
  return err instanceof ThrottledError || err instanceof GraphUnavailableError;
}
