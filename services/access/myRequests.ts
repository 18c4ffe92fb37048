import type {
  AssignmentRequestInfo,
  EntitlementGateway,
  RequestState as GraphRequestState,
} from '../ports/entitlement';
import { GatewayError } from '../ports/graphErrors';
import type { DelegatedIdentity } from '../ports/userTokens';
import type { WorkflowItem } from '../ports/workflowStore';
import type { AccessRequestData } from './model';
import { requestStatusView, type RequestStatusView } from './requestStatus';

/** Rows "my requests" shows at most, newest first: the card must stay under Teams' size limit. */
export const MY_REQUESTS_SHOWN = 20;

/** A request made outside the bot (My Access, another app), as Graph reports it; read-only in the bot. */
export interface ElsewhereRequestView {
  source: 'elsewhere';
  requestId: string;
  /** Graph's request type, e.g. 'userAdd', 'userExtend', 'userRemove'. */
  requestType: string;
  package: { id: string; displayName: string };
  state: GraphRequestState;
  /** Graph's free-text status, e.g. 'Accepted', 'PendingApprovalEscalated'. */
  status?: string;
  createdAt?: string;
  /** Graph would let the requestor cancel it (this bot does not: see the row's hint). */
  cancelable: boolean;
}

/** One row of "my requests": a request the bot tracks (with stage, Cancel…) or one made elsewhere. */
export type MyRequestRow = (RequestStatusView & { source: 'teams' }) | ElsewhereRequestView;

/** The user's requests, newest first. */
export interface MyRequests {
  rows: MyRequestRow[];
  /** More requests exist than the rows show. */
  truncated: boolean;
  /** False when Graph could not be asked: the rows are the bot's own requests only. */
  elsewhereLoaded: boolean;
}

// Admin assignments and system removals (expiry) target the user too, but the user did not ask for them.
const MADE_BY_USER = /^(user|onBehalf)/i;
// Graph's cancelable statuses (accepted, pendingApproval, pendingNotBefore, …) as states.
const CANCELABLE: string[] = ['submitted', 'pendingApproval', 'scheduled'];
const CLOSED: string[] = ['canceled', 'denied', 'deliveryFailed'];
// The submit effect's window for finding a request its lost answer created.
const CLOCK_SKEW_MS = 5 * 60_000;

/** The user's Graph requests, or undefined when Graph fails (throttled, down, token refused). */
export async function graphRequestsOf(
  entitlement: EntitlementGateway,
  who: DelegatedIdentity,
): Promise<AssignmentRequestInfo[] | undefined> {
  try {
    return await entitlement.myRequests(who);
  } catch (err) {
    // Only Graph's failures: a bug in our own code must still surface.
    if (err instanceof GatewayError) return undefined;
    throw err;
  }
}

/**
 * Merges the bot's items (the user's own) with the user's Graph requests (undefined: Graph failed).
 * A Graph request shows only when no item tracks it.
 */
export function mergeMyRequests(
  items: WorkflowItem<AccessRequestData>[],
  graph: AssignmentRequestInfo[] | undefined,
): MyRequests {
  const tracked = new Set(items.map((i) => i.data.graph?.requestId));
  const others = (graph ?? []).filter((r) => !tracked.has(r.id) && MADE_BY_USER.test(r.requestType));
  // A submit being retried may already have reached Graph (its answer lost); the submit effect will
  // adopt that request, so it is the bot's row, not a second one.
  for (const item of items) {
    if (item.state !== 'submitted' || item.data.graph) continue;
    const twin = others.findIndex((r) => mayBeSubmitOf(item, r));
    if (twin >= 0) others.splice(twin, 1);
  }
  const rows: MyRequestRow[] = [
    ...items.map((i) => ({ ...requestStatusView(i), source: 'teams' as const })),
    ...others.map(elsewhereView),
  ].sort((a, b) => time(b.createdAt) - time(a.createdAt));
  return {
    rows: rows.slice(0, MY_REQUESTS_SHOWN),
    truncated: rows.length > MY_REQUESTS_SHOWN,
    elsewhereLoaded: graph !== undefined,
  };
}

function mayBeSubmitOf(item: WorkflowItem<AccessRequestData>, r: AssignmentRequestInfo): boolean {
  return (
    r.accessPackage?.id === item.data.package.id &&
    r.requestType.toLowerCase().includes(item.data.requestType) &&
    !CLOSED.includes(r.state) &&
    time(r.createdDateTime) >= item.createdAt.getTime() - CLOCK_SKEW_MS
  );
}

function elsewhereView(r: AssignmentRequestInfo): ElsewhereRequestView {
  return {
    source: 'elsewhere',
    requestId: r.id,
    requestType: r.requestType,
    package: { id: r.accessPackage?.id ?? '', displayName: r.accessPackage?.displayName ?? 'Access package' },
    state: r.state,
    status: r.status,
    createdAt: r.createdDateTime,
    cancelable: CANCELABLE.includes(r.state),
  };
}

/** Milliseconds of an ISO time, 0 when unknown (sorts last). */
function time(iso: string | undefined): number {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? 0 : ms;
}
