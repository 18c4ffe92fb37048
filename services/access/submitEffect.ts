import { requestMachine, type RequestState } from '../approvals/states';
import type { AssignmentRequestInfo, EntitlementGateway, NewAssignmentRequest } from '../ports/entitlement';
import { PolicyViolationError } from '../ports/graphErrors';
import type { DelegatedIdentity } from '../ports/userTokens';
import type { WorkflowItem } from '../ports/workflowStore';
import { auditEffect } from '../workflow/coreEffects';
import type { EffectHandler } from '../workflow/effects';
import { effect, type ItemPatch } from '../workflow/mutate';
import type { DelegatedIdentities } from './identities';
import { fromSubmitted, graphOf } from './followGraph';
import { AccessEffect, type AccessRequestData } from './model';
import { statusEffects } from './statusEffects';

type Item = WorkflowItem<AccessRequestData>;
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Sends the request to Graph as the requester. A retry first looks for a request of this user and
 * package created since the item was (the previous attempt may have reached Graph before a crash),
 * so a crash between Graph and our write never makes a second request.
 */
export function submitEffect(deps: {
  entitlement: EntitlementGateway;
  identities: DelegatedIdentities;
}): EffectHandler<AccessRequestData> {
  return {
    run: async ({ item, entry, assertions, now }) => {
      if (item.state !== 'submitted' || item.data.graph) return; // canceled meanwhile, or already known
      const who = await deps.identities.for(item.data.requesterId, assertions);
      const info =
        (entry.attempts > 1 ? await existing(deps.entitlement, who, item) : undefined) ??
        (await deps.entitlement.createRequest(who, body(item)));
      return (fresh) => afterSubmit(fresh, info, now);
    },
    onFailed: (ctx, err) => (fresh) => {
      if (!requestMachine.can(fresh.state as RequestState, 'failed')) return undefined;
      const failure =
        err instanceof PolicyViolationError
          ? { code: err.reason, message: err.message }
          : {
              code: (err as { code?: string }).code ?? 'error',
              message: err instanceof Error ? err.message : String(err),
            };
      const now = ctx.now;
      return {
        state: requestMachine.apply(fresh.state as RequestState, 'failed'),
        data: { ...fresh.data, failure },
        effects: [
          ...statusEffects(fresh.data.requesterId, 'failed', now),
          audit(fresh, 'access.failed', `refused: ${failure.code}`, now),
        ],
      };
    },
  };
}

function body(item: Item): NewAssignmentRequest {
  const d = item.data;
  const answers = d.answers.map(({ questionId, value, displayValue }) => ({
    questionId,
    value,
    displayValue,
  }));
  return {
    kind: d.requestType,
    accessPackageId: d.package.id,
    policyId: d.policy.id,
    justification: d.justification,
    answers,
    schedule: d.schedule,
  };
}

async function existing(entitlement: EntitlementGateway, who: DelegatedIdentity, item: Item) {
  const since = item.createdAt.getTime() - CLOCK_SKEW_MS;
  const mine = await entitlement.myRequests(who);
  return mine.find(
    (r) =>
      r.accessPackage?.id === item.data.package.id &&
      r.requestType.toLowerCase().includes(item.data.requestType) &&
      !['canceled', 'denied', 'deliveryFailed'].includes(r.state) &&
      new Date(r.createdDateTime ?? 0).getTime() >= since,
  );
}

/**
 * Records Graph's answer. Graph answers `submitted` (`Accepted`) and works afterwards: the request
 * shows as submitted and is followed in Graph (sync) until Graph starts its approval or delivery.
 */
export function afterSubmit(
  fresh: Item,
  info: AssignmentRequestInfo,
  now: Date,
): ItemPatch<AccessRequestData> {
  const data = { ...fresh.data, graph: graphOf(info) };
  if (fresh.state !== 'submitted') return { data };
  const submitted = [
    ...statusEffects(fresh.data.requesterId, 'submitted', now),
    audit(fresh, 'access.submitted', `Graph request ${info.id}: ${info.state}`, now),
  ];
  const moved = fromSubmitted({ ...fresh, data }, info, now);
  if (moved) return { ...moved, effects: [...submitted, ...(moved.effects ?? [])] };
  return { data, effects: [...submitted, effect('sync:submitted', AccessEffect.sync, {}, now)] };
}

function audit(item: Item, type: string, what: string, now: Date) {
  return auditEffect({
    id: `${type}:${item.id}`,
    at: now,
    type,
    itemId: item.id,
    actorId: item.data.requesterId,
    summary: `${item.data.package.displayName}: ${what}`,
  });
}
