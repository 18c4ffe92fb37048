import { strict as assert } from 'node:assert';
import {
  AuthenticationError,
  AuthenticationRequiredError,
  CredentialUnavailableError,
} from '@azure/identity';
import { GraphError } from '@microsoft/microsoft-graph-client';
import {
  ConflictError,
  ForbiddenError,
  GraphRequestError,
  GraphUnavailableError,
  isRetryable,
  MfaRequiredError,
  NotFoundError,
  PolicyViolationError,
  SignInRequiredError,
  ThrottledError,
} from '../../../../services/ports/graphErrors';
import { toDomainError } from '../../../../services/adapters/graph/errorMapping';
import { MFA_CLAIMS } from '../../../../services/adapters/graph/policyErrors';

function graphError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): GraphError {
  const e = new GraphError(status, message);
  e.code = code;
  e.headers = new Headers(headers);
  return e;
}

describe('toDomainError', () => {
  it('maps status codes to domain errors and keeps Graph code', () => {
    const notFound = toDomainError(graphError(404, 'ResourceNotFound', 'gone'), true);
    assert.ok(notFound instanceof NotFoundError);
    assert.equal(notFound.graphCode, 'ResourceNotFound');
    assert.equal(notFound.code, 'notFound');
    assert.ok(toDomainError(graphError(403, 'SelfApprovalNotAllowed', 'no'), true) instanceof ForbiddenError);
    assert.ok(toDomainError(graphError(409, 'Conflict', 'decided'), true) instanceof ConflictError);
    assert.ok(toDomainError(graphError(400, 'BadRequest', 'bad $filter'), true) instanceof GraphRequestError);
  });

  it('turns entitlement refusals into policy violations with a reason', () => {
    const cases: [number, string, string][] = [
      [400, 'RequestorJustificationRequired', 'justificationRequired'],
      [400, 'ExistingOpenRequest', 'openRequestExists'],
      [400, 'ActiveAssignmentExists', 'alreadyAssigned'],
      [403, 'RequestorNotAllowedByPolicy', 'notAllowedByPolicy'],
      [400, 'RequiredQuestionNotAnswered', 'invalidAnswers'],
      [400, 'ApproverJustificationRequired', 'approverJustificationRequired'],
    ];
    for (const [status, code, reason] of cases) {
      const e = toDomainError(graphError(status, code, `msg ${code}`), true);
      assert.ok(e instanceof PolicyViolationError, code);
      assert.equal(e.reason, reason, code);
      assert.equal(e.graphCode, code);
      assert.equal(e.message, `msg ${code}`);
    }
  });

  it('reads PIM rule names; MFA alone asks for step-up, with other rules it is a policy violation', () => {
    const code = 'RoleAssignmentRequestPolicyValidationFailed';
    const mfa = toDomainError(graphError(400, code, 'The following policy rules failed: ["MfaRule"]'), true);
    assert.ok(mfa instanceof MfaRequiredError);
    assert.equal(mfa.claims, MFA_CLAIMS);
    const both = toDomainError(
      graphError(400, code, 'The following policy rules failed: ["TicketingRule","MfaRule"]'),
      true,
    );
    assert.ok(both instanceof PolicyViolationError);
    assert.deepEqual(both.rules, ['TicketingRule', 'MfaRule']);
    assert.equal(both.reason, 'ticketRequired');
    const justification = toDomainError(
      graphError(400, code, 'The following policy rules failed: ["JustificationRule"]'),
      true,
    );
    assert.ok(justification instanceof PolicyViolationError);
    assert.equal(justification.reason, 'justificationRequired');
  });

  it('extracts the URL-encoded claims challenge of an authentication-context refusal', () => {
    const claims = '{"access_token":{"acrs":{"essential":true,"value":"c1"}}}';
    const message = `Auth context required. &claims=${encodeURIComponent(claims)}`;
    const e = toDomainError(graphError(400, 'RoleAssignmentRequestAcrsValidationFailed', message), true);
    assert.ok(e instanceof MfaRequiredError);
    assert.equal(e.claims, claims);
  });

  it('reads Retry-After into ThrottledError and marks outages retryable', () => {
    const throttled = toDomainError(
      graphError(429, 'TooManyRequests', 'slow down', { 'Retry-After': '7' }),
      false,
    );
    assert.ok(throttled instanceof ThrottledError);
    assert.equal(throttled.retryAfterMs, 7000);
    assert.ok(isRetryable(throttled));
    const down = toDomainError(graphError(503, 'ServiceUnavailable', 'down'), false);
    assert.ok(down instanceof GraphUnavailableError);
    assert.equal(down.status, 503);
    assert.ok(isRetryable(down));
    assert.ok(!isRetryable(toDomainError(graphError(404, 'x', 'y'), false)));
  });

  it('treats a failure without HTTP answer as an outage', () => {
    const e = toDomainError(new GraphError(-1, 'fetch failed'), false);
    assert.ok(e instanceof GraphUnavailableError);
    assert.equal(e.status, undefined);
  });

  it('turns a 401 claims challenge into MfaRequiredError and a plain 401 into sign-in for users only', () => {
    const claims = '{"access_token":{"nbf":{"essential":true,"value":"1"}}}';
    const header = `Bearer realm="", error="insufficient_claims", claims="${Buffer.from(claims).toString('base64')}"`;
    const challenged = toDomainError(
      graphError(401, 'InvalidAuthenticationToken', 'claims', { 'WWW-Authenticate': header }),
      true,
    );
    assert.ok(challenged instanceof MfaRequiredError);
    assert.equal(challenged.claims, claims);
    assert.ok(
      toDomainError(graphError(401, 'InvalidAuthenticationToken', 'expired'), true) instanceof
        SignInRequiredError,
    );
    assert.ok(
      toDomainError(graphError(401, 'InvalidAuthenticationToken', 'expired'), false) instanceof
        GraphRequestError,
    );
  });

  it('maps token failures: step-up claims, sign-in, outage, bad app secret', () => {
    const cause = Object.assign(new Error('AADSTS50076'), {
      name: 'InteractionRequiredAuthError',
      errorCode: 'invalid_grant',
      claims: '{"access_token":{"capolids":{"essential":true,"values":["p1"]}}}',
    });
    const stepUp = toDomainError(
      new AuthenticationRequiredError({ scopes: ['x'], message: 'needs mfa', cause }),
      true,
    );
    assert.ok(stepUp instanceof MfaRequiredError);
    assert.match(stepUp.claims, /capolids/);
    const expired = Object.assign(new Error('AADSTS500133'), {
      name: 'ServerError',
      errorCode: 'invalid_grant',
    });
    assert.ok(
      toDomainError(
        new AuthenticationRequiredError({ scopes: ['x'], message: 'expired', cause: expired }),
        true,
      ) instanceof SignInRequiredError,
    );
    assert.ok(
      toDomainError(new CredentialUnavailableError('no authority'), false) instanceof GraphUnavailableError,
    );
    const badSecret = toDomainError(
      new AuthenticationError(401, { error: 'invalid_client', error_description: 'AADSTS7000215' }),
      false,
    );
    assert.ok(badSecret instanceof GraphRequestError);
    assert.ok(!isRetryable(badSecret));
  });

  it('leaves errors it does not know unchanged', () => {
    const e = new RangeError('bug');
    assert.equal(toDomainError(e, true), e);
  });
});
