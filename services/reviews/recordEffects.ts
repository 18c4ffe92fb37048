import { ConflictError, ForbiddenError, PolicyViolationError } from '../ports/graphErrors';
import type { DecisionToRecord, ReviewsGateway } from '../ports/reviews';
import type { EffectHandler } from '../workflow/effects';
import type { DelegatedIdentities } from '../access/identities';
import { ReviewEffect, type LastResult, type ReviewAssignmentData, type ReviewPerson } from './model';
import { openCount } from './reviewerService';
import type { ReviewReader } from './reviewReader';

/** Why Graph refused one person's decision, in words for the reviewer. */
export function refusal(err: unknown): string {
  if (err instanceof PolicyViolationError && err.reason === 'justificationRequired')
    return 'a reason is required to approve';
  if (err instanceof ForbiddenError) return 'you are not a reviewer of this person';
  if (err instanceof ConflictError) return 'the review is no longer in progress';
  return err instanceof Error ? err.message : String(err);
}

/**
 * review.record and review.acceptAll: the reviewer's decisions go to Graph as the reviewer (decisions
 * have no application permission). One person: PATCH; several: one JSON $batch (20 per request); every
 * recommendation: acceptRecommendations, one call for any number. The stored people then show what Graph
 * holds, and the result names who was not recorded and why.
 */
export function reviewRecordEffects(deps: {
  reviews: ReviewsGateway;
  reader: ReviewReader;
  identities: DelegatedIdentities;
}): Record<string, EffectHandler<ReviewAssignmentData>> {
  return {
    [ReviewEffect.record]: {
      run: async ({ item, entry, assertions }) => {
        const { facts, reviewerId } = item.data;
        const decisions = (entry.payload as { decisions: DecisionToRecord[] }).decisions;
        const who = await deps.identities.for(reviewerId, assertions);
        const results = new Map<string, Error | undefined>();
        if (decisions.length === 1) {
          try {
            await deps.reviews.recordDecision(who, facts.definitionId, facts.instanceId, decisions[0]!);
            results.set(decisions[0]!.decisionId, undefined);
          } catch (err) {
            if (!isPerItem(err)) throw err;
            results.set(decisions[0]!.decisionId, err as Error);
          }
        } else {
          const answers = await deps.reviews.recordDecisions(
            who,
            facts.definitionId,
            facts.instanceId,
            decisions,
          );
          for (const [id, err] of answers) results.set(id, err);
        }
        const byId = new Map(decisions.map((d) => [d.decisionId, d]));
        return (fresh) => {
          const people = fresh.data.people.map((p): ReviewPerson => {
            const d = byId.get(p.decisionId);
            if (!d || !results.has(p.decisionId) || results.get(p.decisionId)) return p;
            return { ...p, decision: d.decision, justification: d.justification, reviewedBy: undefined };
          });
          const failed = [...results]
            .filter(([, err]) => err)
            .map(([id, err]) => ({ name: nameOf(fresh.data.people, id), reason: refusal(err) }));
          const lastResult: LastResult = {
            entryId: entry.id,
            recorded: [...results.values()].filter((e) => !e).length,
            failed,
          };
          return { data: { ...fresh.data, people, open: openCount(people), lastResult } };
        };
      },
    },
    [ReviewEffect.acceptAll]: {
      run: async ({ item, entry, assertions }) => {
        const { facts, reviewerId } = item.data;
        const who = await deps.identities.for(reviewerId, assertions);
        await deps.reviews.acceptRecommendations(who, facts.definitionId, facts.instanceId);
        const items = await deps.reviews.myDecisions(who, facts.definitionId, facts.instanceId);
        const decided = new Map(items.map((i) => [i.id, i]));
        return (fresh) => {
          let recorded = 0;
          const people = fresh.data.people.map((p): ReviewPerson => {
            const now = decided.get(p.decisionId);
            if (!now || now.decision === p.decision) return p;
            if (p.decision === 'NotReviewed') recorded++;
            return { ...p, decision: now.decision, justification: now.justification };
          });
          const lastResult: LastResult = { entryId: entry.id, recorded, failed: [] };
          return { data: { ...fresh.data, people, open: openCount(people), lastResult } };
        };
      },
    },
  };
}

/** Refusals that concern the decision itself: reported on the card, not retried. */
function isPerItem(err: unknown): boolean {
  return err instanceof PolicyViolationError || err instanceof ForbiddenError || err instanceof ConflictError;
}

function nameOf(people: ReviewPerson[], decisionId: string): string {
  return people.find((p) => p.decisionId === decisionId)?.name ?? decisionId;
}
