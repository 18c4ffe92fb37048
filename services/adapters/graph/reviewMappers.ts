import type { ReviewDecisionItem, ReviewDefinition, ReviewInstance } from '../../ports/reviews';
import { str, type Json } from './json';

/** Graph marks an unreviewed item's reviewedBy with the all-zero GUID. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

export function toDefinition(d: Json): ReviewDefinition {
  const s = (d.settings ?? {}) as Json;
  const query = String(((d.scope ?? {}) as Json).query ?? '');
  return {
    id: String(d.id),
    displayName: String(d.displayName ?? ''),
    descriptionForReviewers: str(d.descriptionForReviewers),
    status: str(d.status),
    justificationRequiredOnApproval: s.justificationRequiredOnApproval === true,
    recommendationsEnabled: s.recommendationsEnabled === true,
    defaultDecision: s.defaultDecisionEnabled === true ? str(s.defaultDecision) : undefined,
    autoApplyDecisionsEnabled: s.autoApplyDecisionsEnabled === true,
    reminderNotificationsEnabled: s.reminderNotificationsEnabled === true,
    recommendationLookBackDuration: str(s.recommendationLookBackDuration),
    scopeGroupId: /^\/groups\/([^/]+)\//.exec(query)?.[1],
    guestsOnly: /userType eq 'Guest'/.test(query),
  };
}

export function toInstance(definitionId: string, i: Json): ReviewInstance {
  return {
    id: String(i.id),
    definitionId,
    status: String(i.status ?? ''),
    startDateTime: str(i.startDateTime),
    endDateTime: str(i.endDateTime),
  };
}

export function toDecision(d: Json): ReviewDecisionItem {
  const p = (d.principal ?? {}) as Json;
  const r = d.resource as Json | undefined;
  const by = d.reviewedBy as Json | undefined;
  return {
    id: String(d.id),
    decision: (str(d.decision) ?? 'NotReviewed') as ReviewDecisionItem['decision'],
    recommendation: str(d.recommendation) as ReviewDecisionItem['recommendation'],
    justification: str(d.justification),
    principal: {
      id: String(p.id ?? ''),
      displayName: str(p.displayName),
      userPrincipalName: str(p.userPrincipalName),
      type: str(p['@odata.type'])?.replace('#microsoft.graph.', ''),
    },
    resource: r?.id ? { id: String(r.id), displayName: str(r.displayName), type: str(r.type) } : undefined,
    reviewedBy:
      by?.id && by.id !== NOBODY ? { id: String(by.id), displayName: str(by.displayName) } : undefined,
    reviewedDateTime: str(d.reviewedDateTime),
    applyResult: str(d.applyResult),
    lastSignIn: lastSignInOf(d.insights),
  };
}

/** The userSignInInsight's last sign-in, when the insights were expanded and hold one. */
function lastSignInOf(insights: unknown): string | undefined {
  if (!Array.isArray(insights)) return undefined;
  const signIn = (insights as Json[]).find((i) => i['@odata.type'] === '#microsoft.graph.userSignInInsight');
  return str(signIn?.lastSignInDateTime);
}
