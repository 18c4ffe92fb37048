import { createHash } from 'node:crypto';
import { Duration } from 'luxon';
import type { ApproverResolver } from '../approvals/approverResolver';
import type { StageRecord } from '../approvals/model';
import type { DirectoryGateway } from '../ports/directory';
import type { ApprovalStage, AssignmentRequestInfo, EntitlementGateway } from '../ports/entitlement';
import type { DelegatedIdentity } from '../ports/userTokens';
import type { NewWorkflowItem } from '../ports/workflowStore';
import { auditEffect } from '../workflow/coreEffects';
import { ACCESS_REQUEST, type AccessRequestData } from './model';
import { requesterOf } from './requester';

/** The item id of a request made outside Teams that an approver opened here: one per Graph request. */
export function adoptedItemId(requestId: string): string {
  return `ar-g-${createHash('sha256').update(requestId).digest('hex').slice(0, 32)}`;
}

/**
 * A request made outside Teams (My Access) that Graph says waits for `who`, as a workflow item the
 * approval engine decides like any other: its stages resolved from the package's policy whose
 * approvers include `who` (Graph shows an approver the stages, not the policy), the open stage the one
 * Graph has in progress, earlier stages as Graph recorded them. No timers or approver cards start:
 * Graph runs the deadlines, and the reconciler brings its outcome here. Undefined when no policy of the
 * package names `who`.
 */
export async function adoptGraphRequest(
  deps: { entitlement: EntitlementGateway; directory: DirectoryGateway; resolver: ApproverResolver },
  who: DelegatedIdentity,
  request: AssignmentRequestInfo,
  now: Date,
): Promise<NewWorkflowItem<AccessRequestData> | undefined> {
  const requesterId = request.requestor?.id;
  const packageId = request.accessPackage?.id;
  if (!requesterId || !packageId) return undefined;
  const [detail, graphStages, requester] = await Promise.all([
    deps.entitlement.getAccessPackage(packageId),
    deps.entitlement.approvalStages(who, request.id),
    requesterOf(deps.directory, requesterId),
  ]);
  const open = Math.max(
    0,
    graphStages.findIndex((s) => s.status === 'InProgress'),
  );
  let chosen: { policy: (typeof detail.policies)[number]; stages: StageRecord[] } | undefined;
  for (const policy of detail.policies.filter((p) => p.stages.length > 0)) {
    const stages = await deps.resolver.stages(policy.stages, requesterId);
    const mine = stages[open];
    if (mine && [...mine.approvers, ...mine.escalationApprovers].some((p) => p.id === who.userId)) {
      chosen = { policy, stages };
      break;
    }
  }
  if (!chosen) return undefined;
  const askedAt = request.createdDateTime ?? now.toISOString();
  const stages = chosen.stages.map((s, i) => stageAsGraphHasIt(s, graphStages[i], i, open, askedAt));
  const id = adoptedItemId(request.id);
  const expiration = request.schedule?.expiration ?? chosen.policy.expiration;
  const lasts =
    expiration?.type === 'afterDuration'
      ? { duration: expiration.duration }
      : expiration?.type === 'afterDateTime'
        ? { endDateTime: expiration.endDateTime }
        : undefined;
  const grants = detail.resources.map((r) => ({ name: r.displayName, role: r.role ?? r.type }));
  const requestType = request.requestType.toLowerCase() === 'userextend' ? 'extend' : 'add';
  return {
    id,
    kind: ACCESS_REQUEST,
    state: 'pendingApproval',
    idempotencyKey: `graph:${request.id}`,
    subjects: [
      requesterId,
      ...new Set(stages.flatMap((s) => [...s.approvers, ...s.escalationApprovers].map((p) => p.id))),
    ],
    data: {
      requestType,
      requesterId,
      package: { id: detail.id, displayName: detail.displayName, catalog: detail.catalog?.displayName },
      policy: {
        id: chosen.policy.id,
        displayName: chosen.policy.displayName,
        approvalRequired: true,
        expiration: chosen.policy.expiration,
      },
      justification: request.justification,
      answers: [],
      grants,
      graph: { requestId: request.id, state: request.state, status: request.status },
      messages: {},
      approval: {
        requester,
        subject: {
          title: detail.displayName,
          justification: request.justification,
          answers: [],
          facts: [
            { label: 'Policy', value: chosen.policy.displayName },
            { label: 'Requested in', value: 'My Access (outside Teams)' },
          ],
          grants,
          lasts,
          askedAt,
        },
        stages,
        current: open,
      },
    },
    outbox: [
      auditEffect({
        id: `access.adopted:${id}`,
        at: now,
        type: 'access.adopted',
        actorId: who.userId,
        itemId: id,
        summary: `${requester.displayName}'s request for ${detail.displayName}, made outside Teams, opened in Teams by an approver`,
        source: { graphRequestId: request.id },
      }),
    ],
    at: now,
  };
}

/** One stage as Graph shows it: decided before the open one, in progress, or not started. */
function stageAsGraphHasIt(
  s: StageRecord,
  g: ApprovalStage | undefined,
  i: number,
  open: number,
  askedAt: string,
): StageRecord {
  if (i > open) return s;
  if (i < open) {
    const by = g?.reviewedBy?.id
      ? { id: g.reviewedBy.id, displayName: g.reviewedBy.displayName ?? 'an approver' }
      : undefined;
    const at = g?.reviewedDateTime ?? askedAt;
    return {
      ...s,
      state: 'Approved',
      decision: { result: 'approved', by, at, reason: g?.justification, via: 'myAccess' },
    };
  }
  // Graph starts stage 1 when the request is made; a later one's start it does not show us.
  const decideBy =
    i === 0 ? new Date(Date.parse(askedAt) + Duration.fromISO(s.decideWithin).as('milliseconds')) : undefined;
  return {
    ...s,
    state: 'InProgress',
    startedAt: i === 0 ? askedAt : undefined,
    decideBy: decideBy && !Number.isNaN(decideBy.getTime()) ? decideBy.toISOString() : undefined,
  };
}
