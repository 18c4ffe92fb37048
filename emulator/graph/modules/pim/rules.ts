import type { Caller } from '../../routing';
import { GraphHttpError } from '../../routing';
import type { RolePolicy } from './model';
import { durationMs } from '../governance/time';

/** What a selfActivate request asks for, read at the edge. */
export interface ActivationInput {
  justification: string | null;
  ticketNumber: string | null;
  startDateTime: Date;
  /** How long the activation lasts, in ms (from duration or endDateTime); undefined = no expiration. */
  lengthMs: number | undefined;
}

/**
 * Evaluates the role's activation rules (ExpirationRule, JustificationRule, TicketingRule, MfaRule) and
 * refuses with Graph's code and message listing every rule that failed, e.g.
 * `The following policy rules failed: ["MfaRule"]` (msgraph-sdk-powershell#1808).
 */
export function checkActivationRules(policy: RolePolicy, input: ActivationInput, caller: Caller): void {
  const failed: string[] = [];
  if (
    input.lengthMs === undefined ||
    input.lengthMs <= 0 ||
    input.lengthMs > durationMs(policy.maximumDuration)
  )
    failed.push('ExpirationRule');
  if (policy.requireJustification && !input.justification?.trim()) failed.push('JustificationRule');
  if (policy.requireTicket && !input.ticketNumber?.trim()) failed.push('TicketingRule');
  if (policy.requireMfa && !caller.amr.includes('mfa')) failed.push('MfaRule');
  const context = policy.authenticationContext;
  if (!failed.length && context && !caller.acrs.includes(context)) {
    // The auth context rule answers its own code, with the claims challenge to sign in again with,
    // URL-encoded after `&claims=` (msgraph-sdk-powershell#2800).
    const claims = JSON.stringify({ access_token: { acrs: { essential: true, value: context } } });
    throw new GraphHttpError(
      400,
      'RoleAssignmentRequestAcrsValidationFailed',
      `The role assignment request requires an authentication context claim.&claims=${encodeURIComponent(claims)}`,
    ); // (u) message text around the claims
  }
  if (failed.length) {
    throw new GraphHttpError(
      400,
      'RoleAssignmentRequestPolicyValidationFailed',
      `The following policy rules failed: ${JSON.stringify(failed)}`,
    );
  }
}

/** PIM refusals whose exact codes Graph does not document (u), except RoleAssignmentExists (seen in the wild). */
export const pimErrors = {
  exists: () => new GraphHttpError(400, 'RoleAssignmentExists', 'The Role assignment already exists.'),
  notEligible: () =>
    new GraphHttpError(400, 'RoleAssignmentDoesNotExist', 'The Role assignment does not exist.'), // (u)
  notActive: () =>
    new GraphHttpError(400, 'RoleAssignmentDoesNotExist', 'The Role assignment does not exist.'), // (u)
  tooSoon: () =>
    new GraphHttpError(
      400,
      'ActiveDurationTooShort',
      'The role must be active for at least 5 minutes before it can be deactivated.',
    ), // (u)
  pending: () =>
    new GraphHttpError(
      400,
      'PendingRoleAssignmentRequest',
      'There is already a pending request for this role assignment.',
    ), // (u)
  notSelf: () =>
    new GraphHttpError(403, 'Forbidden', 'Self-service actions may only target the signed-in user.'), // (u)
  appOnly: () =>
    new GraphHttpError(
      403,
      'Forbidden',
      'Self-service actions require a signed-in user; application permissions are not supported.',
    ),
  notCancelable: () =>
    new GraphHttpError(400, 'RequestNotCancelable', 'Only pending requests can be canceled.'), // (u)
};
