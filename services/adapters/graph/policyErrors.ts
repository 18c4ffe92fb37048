import {
  MfaRequiredError,
  PolicyViolationError,
  type GatewayError,
  type PolicyViolationReason,
} from '../../ports/graphErrors';

/**
 * Graph's refusals that a card should explain, by Graph's error code. Entitlement management codes are
 * not documented by Graph; these are the ones the emulator and the field report (lower-cased).
 */
const REASON_BY_CODE: Record<string, PolicyViolationReason> = {
  requestorjustificationrequired: 'justificationRequired',
  existingopenrequest: 'openRequestExists',
  activeassignmentexists: 'alreadyAssigned',
  roleassignmentexists: 'alreadyAssigned',
  requestornotallowedbypolicy: 'notAllowedByPolicy',
  invalidassignmentpolicy: 'notAllowedByPolicy',
  extensionnotallowed: 'notAllowedByPolicy',
  assignmentnotfound: 'noActiveAssignment',
  roleassignmentdoesnotexist: 'noActiveAssignment',
  requirednotanswered: 'invalidAnswers',
  requiredquestionnotanswered: 'invalidAnswers',
  invalidanswer: 'invalidAnswers',
  customassignmentschedulenotallowed: 'scheduleNotAllowed',
  scheduleexceedspolicyexpiration: 'scheduleNotAllowed',
  approverjustificationrequired: 'approverJustificationRequired',
  justificationrequired: 'justificationRequired',
  pendingroleassignmentrequest: 'openRequestExists',
  activedurationtooshort: 'other',
};

/** PIM rule names (`The following policy rules failed: ["MfaRule"]`) and what each one means. */
const REASON_BY_RULE: Record<string, PolicyViolationReason> = {
  JustificationRule: 'justificationRequired',
  TicketingRule: 'ticketRequired',
  ExpirationRule: 'scheduleNotAllowed',
};

/** The claims challenge asking for a token with MFA among its authentication methods. */
export const MFA_CLAIMS = JSON.stringify({ access_token: { amr: { essential: true, values: ['mfa'] } } });

/** Rule names listed in a RoleAssignmentRequestPolicyValidationFailed message. */
export function failedRules(message: string): string[] {
  const list = /\[([^\]]*)\]/.exec(message)?.[1] ?? '';
  return [...list.matchAll(/([A-Za-z]+Rule)\b/g)].map((m) => m[1]!);
}

/** The claims challenge (JSON) carried URL-encoded in an ACRS refusal: `…&claims=%7B%22access_token…`. */
export function claimsFromMessage(message: string): string | undefined {
  const raw = /claims=([^\s&"']+)/.exec(message)?.[1];
  if (!raw) return undefined;
  try {
    const decoded = decodeURIComponent(raw);
    JSON.parse(decoded);
    return decoded;
  } catch {
    return undefined;
  }
}

/** A policy refusal as a domain error, or undefined when the code is not a policy matter. */
export function policyError(code: string, message: string): GatewayError | undefined {
  const lower = code.toLowerCase();
  if (lower === 'roleassignmentrequestacrsvalidationfailed') {
    return new MfaRequiredError(message, claimsFromMessage(message) ?? MFA_CLAIMS, code);
  }
  if (lower === 'roleassignmentrequestpolicyvalidationfailed') {
    const rules = failedRules(message);
    // Ask for MFA only once the rest is right: signing in again would not fix a missing ticket.
    if (rules.length > 0 && rules.every((r) => r === 'MfaRule'))
      return new MfaRequiredError(message, MFA_CLAIMS, code);
    const reasons = rules.map((r) => REASON_BY_RULE[r]).filter((r) => r !== undefined);
    return new PolicyViolationError(message, code, reasons[0] ?? 'policyRulesFailed', rules);
  }
  const reason = REASON_BY_CODE[lower];
  return reason ? new PolicyViolationError(message, code, reason) : undefined;
}

/** A 400 Graph gives without a specific code (e.g. access reviews' "justification is required"). */
export function policyErrorFromMessage(code: string, message: string): GatewayError | undefined {
  if (/justification\b.*\brequired|required\b.*\bjustification/i.test(message)) {
    return new PolicyViolationError(message, code || 'BadRequest', 'justificationRequired');
  }
  return undefined;
}
