/** What a refused or failed request means for the requester, by stable failure code. */
const TEXTS: Record<string, string> = {
  alreadyAssigned: 'You already have this access, so there is nothing to request.',
  openRequestExists: 'You already have an open request for this package. Follow it in "my requests".',
  notAllowedByPolicy:
    'This policy does not let you request the package. Ask its owner which policy fits you.',
  justificationRequired:
    'This policy needs a justification. Please request again and say why you need the access.',
  invalidAnswers:
    'Some answers were not accepted by the policy. Please request again and check the questions.',
  scheduleNotAllowed: 'This policy does not allow the dates you chose.',
  noActiveAssignment:
    'There is no active access to extend: it may have ended already. Request it again instead.',
  decisionNotRecorded: 'An approval could not be recorded in Microsoft Entra. Your IT team has been told.',
  signInRequired:
    'I could not act for you because you are signed out. Open the bot and sign in, then request again.',
  throttled: 'Microsoft Graph was busy for too long. Please try again later.',
  graphUnavailable: 'Microsoft Graph could not be reached for too long. Please try again later.',
};

/** A clear sentence for the failure code, or a generic one with the code for support. */
export function failureText(code: string): string {
  return TEXTS[code] ?? `The request could not be completed (${code}).`;
}

/** Says that a transient failure is being retried, and when. */
export function retryText(when: string): string {
  return `Microsoft Graph did not answer just now. Your request is saved and I will retry by myself (next try ${when}).`;
}
