import { requestMachine, type RequestState } from '../approvals/states';
import { MfaRequiredError, PolicyViolationError } from '../ports/graphErrors';
import type { PimGateway, RoleRequestInfo } from '../ports/pim';
import type { DelegatedIdentity } from '../ports/userTokens';
import type { WorkflowItem } from '../ports/workflowStore';
import type { DelegatedIdentities } from '../access/identities';
import { auditEffect, scheduleTimersEffect } from '../workflow/coreEffects';
import type { EffectHandler } from '../workflow/effects';
import { PimJob, type PimActivationData } from './model';
import { afterGraph, requesterStatusEffects, type ApprovalTiming } from './graphOutcome';

type Item = WorkflowItem<PimActivationData>;
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Sends the activation to Graph as the requester (selfActivate). A retry first looks for a request of
 * this user and role created since the item was, so a crash between Graph and our write never asks
 * twice. When Graph (or on-behalf-of) wants MFA or an authentication context, the activation is held:
 * the user signs in again in chat and the held activation is sent once more (ActivationService.resume).
 */
export function submitEffect(deps: {
  pim: PimGateway;
  identities: DelegatedIdentities;
  /** How long a held activation waits for the MFA sign-in. */
  stepUpWindowMs: number;
  /** Hours after an approval starts when approvers who have not decided are reminded. */
  /** Reminders and reconcile rounds of an approval. */
  timing: ApprovalTiming;
}): EffectHandler<PimActivationData> {
  return {
    run: async ({ item, entry, assertions, now }) => {
      if (item.state !== 'submitted' || item.data.graph || item.data.stepUp) return;
      const claims = typeof entry.payload.claims === 'string' ? entry.payload.claims : undefined;
      const who: DelegatedIdentity = {
        ...(await deps.identities.for(item.data.requesterId, assertions)),
        claims,
      };
      let info: RoleRequestInfo;
      try {
        info =
          (entry.attempts > 1 ? await existing(deps.pim, who, item) : undefined) ??
          (await deps.pim.activate(who, {
            roleDefinitionId: item.data.role.id,
            directoryScopeId: item.data.directoryScopeId,
            justification: item.data.justification,
            ticket: item.data.ticket,
            duration: item.data.duration,
            // Our clock, not the adapter's: "now" is when the outbox sends it.
            startDateTime: item.data.startDateTime ?? now.toISOString(),
          }));
      } catch (err) {
        if (!(err instanceof MfaRequiredError)) throw err;
        return (fresh) => hold(fresh, err.claims, now, deps.stepUpWindowMs);
      }
      return (fresh) => {
        const attempts = fresh.data.attempts + 1;
        const patch = afterGraph({ ...fresh, data: { ...fresh.data, attempts } }, info, now, deps.timing);
        return patch ?? { data: { ...fresh.data, attempts } };
      };
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
      return {
        state: requestMachine.apply(fresh.state as RequestState, 'failed'),
        data: { ...fresh.data, failure, stepUp: undefined },
        effects: [
          ...requesterStatusEffects(fresh, 'failed', ctx.now),
          auditEffect({
            id: `pim-failed:${fresh.id}`,
            at: ctx.now,
            type: 'pim.failed',
            itemId: fresh.id,
            actorId: fresh.data.requesterId,
            summary: `${fresh.data.role.displayName}: refused (${failure.code})`,
          }),
        ],
      };
    },
  };
}

/** Holds the activation until the user signs in with MFA; it expires after the window. */
function hold(fresh: Item, claims: string, now: Date, windowMs: number) {
  if (fresh.state !== 'submitted') return undefined;
  const expiresAt = new Date(now.getTime() + windowMs);
  return {
    data: {
      ...fresh.data,
      stepUp: { claims, askedAt: now.toISOString(), expiresAt: expiresAt.toISOString() },
    },
    effects: [
      scheduleTimersEffect(
        `timers:stepUp:${fresh.data.attempts}`,
        [
          {
            id: `pim:${fresh.id}:stepUp`,
            type: PimJob.stepUpExpire,
            runAt: expiresAt,
            payload: { itemId: fresh.id },
          },
        ],
        now,
      ),
      ...requesterStatusEffects(fresh, 'stepUp', now),
      auditEffect({
        id: `pim-stepup:${fresh.id}:${fresh.data.attempts}`,
        at: now,
        type: 'pim.stepUpRequired',
        itemId: fresh.id,
        actorId: fresh.data.requesterId,
        summary: `${fresh.data.role.displayName}: Microsoft Entra ID asks for a stronger sign-in`,
      }),
    ],
  };
}

async function existing(pim: PimGateway, who: DelegatedIdentity, item: Item) {
  const since = item.createdAt.getTime() - CLOCK_SKEW_MS;
  return (await pim.myRequests(who)).find(
    (r) =>
      r.action === 'selfActivate' &&
      r.roleDefinitionId === item.data.role.id &&
      !['Canceled', 'Denied', 'Failed', 'Revoked'].includes(r.status) &&
      new Date(r.createdDateTime ?? 0).getTime() >= since,
  );
}
