import type { EntitlementGateway } from '../ports/entitlement';
import { NotFoundError } from '../ports/graphErrors';
import type { EffectHandler } from '../workflow/effects';
import type { DelegatedIdentities } from './identities';
import { AccessEffect, type AccessRequestData } from './model';

/** Not an error the user sees: the submit has not reached Graph yet, so there is nothing to cancel yet. */
class SubmitPendingError extends Error {
  constructor() {
    super('Waiting for the submit to finish before canceling in Graph');
    this.name = 'SubmitPendingError';
  }
}

/** Cancels the request in Graph as the requester (after the submit finished, whatever its result). */
export function cancelEffect(deps: {
  entitlement: EntitlementGateway;
  identities: DelegatedIdentities;
}): EffectHandler<AccessRequestData> {
  return {
    run: async ({ item, assertions }) => {
      const submit = item.outbox.find((e) => e.type === AccessEffect.submit);
      if (submit && !submit.doneAt && submit.attempts > 0) throw new SubmitPendingError();
      const requestId = item.data.graph?.requestId;
      if (!requestId) return; // never reached Graph: canceling here was enough
      const who = await deps.identities.for(item.data.requesterId, assertions);
      try {
        await deps.entitlement.cancelRequest(who, requestId);
      } catch (err) {
        if (!(err instanceof NotFoundError)) throw err;
      }
    },
  };
}
