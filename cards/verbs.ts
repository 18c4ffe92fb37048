/**
 * Every `Action.Execute` verb a card may send, dotted by intent. The card templates use these strings and
 * bot/invoke routes them; a test checks that every verb in a template is listed here.
 * Later flows add their verbs to this union (e.g. 'accessRequest.submit', 'approval.decide').
 */
export const VERBS = [
  'help.show',
  'access.browse',
  'access.open',
  'access.submit',
  'access.cancel',
  'access.status',
  'access.extend',
  'access.extendForm',
  'access.myRequests',
  'access.myAccess',
  'approval.decide',
  'approval.refresh',
  'approval.list',
  'pim.roles',
  'pim.open',
  'pim.activate',
  'pim.status',
  'pim.deactivate',
  'pim.extend',
  'review.open',
  'review.page',
  'review.decide',
  'review.acceptAll',
  'review.manage',
  'review.nudge',
  'review.stop',
  'review.apply',
  'digest.refresh',
  'digest.enableAuditing',
] as const;

/** A verb a card can send. */
export type Verb = (typeof VERBS)[number];

/** True when the string is a known verb. */
export function isVerb(value: unknown): value is Verb {
  return typeof value === 'string' && (VERBS as readonly string[]).includes(value);
}
