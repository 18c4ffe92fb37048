import { ConflictError, ForbiddenError, PolicyViolationError } from '../ports/graphErrors';
import type { DecisionToRecord, ReviewsGateway } from '../ports/reviews';
import type { EffectHandler } from '../workflow/effects';
import type { DelegatedIdentities } from '../access/identities';
import {
  ReviewEffect,
  type LastResult,
  type PeoplePageCounts,
  type ReviewAssignmentData,
  type ReviewPerson,
} from './model';
import { mergeCounts, totals, type PeoplePages } from './peoplePages';

/** A decision as the review.record effect carries it: with the stored page of the person it names. */
export type RecordedDecision = DecisionToRecord & { page: number };

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
 * recommendation: acceptRecommendations, one call for any number. Then the stored pages that hold those
 * people show what Graph holds (one small write per page), and the item's counts and result follow,
 * naming who was not recorded and why. A retry after a crash repeats the same writes: they converge.
 */
export function reviewRecordEffects(deps: {
  reviews: ReviewsGateway;
  pages: PeoplePages;
  identities: DelegatedIdentities;
}): Record<string, EffectHandler<ReviewAssignmentData>> {
  return {
    [ReviewEffect.record]: {
      run: async ({ item, entry, assertions }) => {
        const { facts, reviewerId } = item.data;
        const decisions = (entry.payload as { decisions: RecordedDecision[] }).decisions;
        const who = await deps.identities.for(reviewerId, assertions);
        const toGraph = decisions.map(({ decisionId, decision, justification }) => ({
          decisionId,
          decision,
          justification,
        }));
        const results = new Map<string, Error | undefined>();
        if (toGraph.length === 1) {
          try {
            await deps.reviews.recordDecision(who, facts.definitionId, facts.instanceId, toGraph[0]!);
            results.set(toGraph[0]!.decisionId, undefined);
          } catch (err) {
            if (!isPerItem(err)) throw err;
            results.set(toGraph[0]!.decisionId, err as Error);
          }
        } else {
          const answers = await deps.reviews.recordDecisions(
            who,
            facts.definitionId,
            facts.instanceId,
            toGraph,
          );
          for (const [id, err] of answers) results.set(id, err);
        }
        const names = new Map<string, string>();
        const written = new Map<number, PeoplePageCounts>();
        for (const page of new Set(decisions.map((d) => d.page))) {
          const here = new Map(decisions.filter((d) => d.page === page).map((d) => [d.decisionId, d]));
          const counts = await deps.pages.update(item.id, page, (people) =>
            people.map((p): ReviewPerson => {
              const d = here.get(p.decisionId);
              if (d) names.set(p.decisionId, p.name);
              if (!d || !results.has(p.decisionId) || results.get(p.decisionId)) return p;
              if (p.decision === d.decision && p.justification === d.justification) return p;
              return { ...p, decision: d.decision, justification: d.justification, reviewedBy: undefined };
            }),
          );
          written.set(page, counts);
        }
        const failed = [...results]
          .filter(([, err]) => err)
          .map(([id, err]) => ({ name: names.get(id) ?? id, reason: refusal(err) }));
        const lastResult: LastResult = {
          entryId: entry.id,
          recorded: [...results.values()].filter((e) => !e).length,
          failed,
        };
        return (fresh) => {
          const pages = mergeCounts(fresh.data.pages, written);
          return { data: { ...fresh.data, pages, ...totals(pages), lastResult } };
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
        const written = new Map<number, PeoplePageCounts>();
        const before = totals(item.data.pages ?? []).open;
        for (let page = 0; page < (item.data.pages ?? []).length; page++) {
          const counts = await deps.pages.update(item.id, page, (people) =>
            people.map((p): ReviewPerson => {
              const now = decided.get(p.decisionId);
              if (!now || (now.decision === p.decision && now.justification === p.justification)) return p;
              return { ...p, decision: now.decision, justification: now.justification };
            }),
          );
          written.set(page, counts);
        }
        return (fresh) => {
          const pages = mergeCounts(fresh.data.pages, written);
          const after = totals(pages);
          const lastResult: LastResult = {
            entryId: entry.id,
            recorded: Math.max(0, before - after.open),
            failed: [],
          };
          return { data: { ...fresh.data, pages, ...after, lastResult } };
        };
      },
    },
  };
}

/** Refusals that concern the decision itself: reported on the card, not retried. */
function isPerItem(err: unknown): boolean {
  return err instanceof PolicyViolationError || err instanceof ForbiddenError || err instanceof ConflictError;
}
