import type { DelegatedIdentities } from '../access/identities';
import type { ReviewsGateway } from '../ports/reviews';
import type { EffectHandler } from '../workflow/effects';
import { ReviewEffect } from './model';
import type { ReviewDiscovery } from './reviewDiscovery';

/** What an owner's action item holds. */
export interface ReviewActionData {
  definitionId: string;
  instanceId: string;
  actorId: string;
  messages: Record<string, never>;
  done?: boolean;
}

/**
 * review.stop and review.apply, as the owner or admin who clicked (Graph checks their role). Once a
 * review is stopped, its reviewers get the summary at once rather than at the next poll.
 */
export function reviewOwnerEffects(deps: {
  reviews: ReviewsGateway;
  identities: DelegatedIdentities;
  discovery: ReviewDiscovery;
}): Record<string, EffectHandler<ReviewActionData>> {
  const done = () => (fresh: { data: ReviewActionData }) => ({
    state: 'done',
    data: { ...fresh.data, done: true },
  });
  return {
    [ReviewEffect.stop]: {
      run: async ({ item, assertions }) => {
        const { definitionId, instanceId, actorId } = item.data;
        await deps.reviews.stopInstance(
          await deps.identities.for(actorId, assertions),
          definitionId,
          instanceId,
        );
        await deps.discovery.completeById(definitionId, instanceId);
        return done();
      },
    },
    [ReviewEffect.apply]: {
      run: async ({ item, assertions }) => {
        const { definitionId, instanceId, actorId } = item.data;
        const who = await deps.identities.for(actorId, assertions);
        await deps.reviews.applyDecisions(who, definitionId, instanceId);
        return done();
      },
    },
  };
}
