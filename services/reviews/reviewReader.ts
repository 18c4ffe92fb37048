import type { DirectoryGateway, DirectoryUser } from '../ports/directory';
import type { ReviewDecisionItem, ReviewDefinition, ReviewInstance, ReviewsGateway } from '../ports/reviews';
import type { DelegatedIdentity } from '../ports/userTokens';
import type { ReviewFacts, ReviewPerson } from './model';

/**
 * Reads what a reviewer sees from Graph: their decision items (as them: filterByCurrentUser), enriched
 * app-only with each person's mail, member or guest, and last sign-in, from the reviewed group's member
 * list (a few pages for thousands of people) and, for anyone not in it any more, a batched user lookup.
 */
export class ReviewReader {
  constructor(private readonly deps: { reviews: ReviewsGateway; directory: DirectoryGateway }) {}

  /** The review's facts, from its definition and instance (what is reviewed comes from the items). */
  facts(d: ReviewDefinition, i: ReviewInstance, resourceName: string | undefined): ReviewFacts {
    const what = resourceName ?? d.displayName;
    return {
      definitionId: d.id,
      instanceId: i.id,
      name: d.displayName,
      description: d.descriptionForReviewers !== d.displayName ? d.descriptionForReviewers : undefined,
      scope: `${d.guestsOnly ? 'Guests' : 'Members'} of ${what}`,
      startDateTime: i.startDateTime,
      endDateTime: i.endDateTime ?? '',
      justificationRequired: d.justificationRequiredOnApproval,
      recommendationsEnabled: d.recommendationsEnabled,
      lookBack: d.recommendationLookBackDuration,
      defaultDecision: d.defaultDecision,
      autoApply: d.autoApplyDecisionsEnabled === true,
      remindersEnabled: d.reminderNotificationsEnabled === true,
    };
  }

  /** The reviewer's people, with their decisions so far, and the name of what they review. */
  async people(
    who: DelegatedIdentity,
    d: ReviewDefinition,
    instanceId: string,
  ): Promise<{ people: ReviewPerson[]; resourceName?: string }> {
    const items = await this.deps.reviews.myDecisions(who, d.id, instanceId);
    const resourceName = items.find((i) => i.resource?.displayName)?.resource?.displayName;
    return { people: await this.enrich(items, d.scopeGroupId), resourceName };
  }

  /** Decision items with the directory's view of each principal. */
  async enrich(items: ReviewDecisionItem[], groupId: string | undefined): Promise<ReviewPerson[]> {
    const known = new Map<string, DirectoryUser>();
    if (groupId) {
      const members = await this.deps.directory.groupMembers(groupId).catch(() => []);
      for (const m of members) known.set(m.id, m);
    }
    const missing = items.map((i) => i.principal.id).filter((id) => id && !known.has(id));
    if (missing.length) for (const [id, u] of await this.deps.directory.getUsers(missing)) known.set(id, u);
    return items.map((i) => toPerson(i, known.get(i.principal.id)));
  }
}

function toPerson(i: ReviewDecisionItem, u: DirectoryUser | undefined): ReviewPerson {
  return {
    decisionId: i.id,
    principalId: i.principal.id,
    name: i.principal.displayName ?? u?.displayName ?? i.principal.userPrincipalName ?? i.principal.id,
    email: u?.mail ?? i.principal.userPrincipalName ?? u?.userPrincipalName,
    guest: u?.userType === 'Guest',
    lastSignIn: i.lastSignIn ?? u?.lastSignInDateTime,
    recommendation: i.recommendation,
    decision: i.decision,
    justification: i.justification,
    reviewedBy: i.reviewedBy?.displayName,
  };
}
