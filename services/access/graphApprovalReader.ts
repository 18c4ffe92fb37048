import { approverIds } from '../approvals/approvalCards';
import type { SeenApproval, SeenStage } from '../approvals/decidedElsewhere';
import type { Decision } from '../approvals/model';
import type { ApprovalStage, AssignmentRequestInfo, EntitlementGateway } from '../ports/entitlement';
import { isRetryable } from '../ports/graphErrors';
import type { DelegatedIdentity } from '../ports/userTokens';
import type { WorkflowItem } from '../ports/workflowStore';
import type { DelegatedIdentities } from './identities';
import type { AccessRequestData } from './model';

/** Graph's request states once approval is over, as the outcome each means for the approval. */
const OUTCOMES: Partial<Record<AssignmentRequestInfo['state'], Decision['result']>> = {
  delivering: 'approved',
  delivered: 'approved',
  partiallyDelivered: 'approved',
  scheduled: 'approved',
  deliveryFailed: 'approved',
  denied: 'denied',
  canceled: 'canceled',
};

/** A round runs outside any turn: tokens come from the token service. */
const NO_TURN: ReadonlyMap<string, string> = new Map();

/** What Graph shows of one request: its approval (as the engine takes it) and its own state. */
export interface GraphView {
  seen: SeenApproval;
  request: AssignmentRequestInfo;
}

/**
 * Reads what Graph knows of a request waiting for approval here. The request's state is read app-only.
 * Who decided a stage, and a stage decided while the request is still pending (multi-stage), only the
 * approval's stages tell, and Graph serves those to approvers only (no application permission): they
 * are read as one of the item's approvers with a token at hand, else the request's state must do.
 */
export class GraphApprovalReader {
  constructor(
    private readonly deps: {
      entitlement: EntitlementGateway;
      identities: DelegatedIdentities;
      /** How many approvers to try for a token before making do without the stages. */
      maxReaders?: number;
    },
  ) {}

  /** Graph's view of the item, or undefined when Graph cannot show anything new (still pending). */
  async read(item: WorkflowItem<AccessRequestData>): Promise<GraphView | undefined> {
    const requestId = item.data.graph?.requestId;
    if (!requestId) return undefined;
    const request = await this.deps.entitlement.requestState(requestId);
    let result = OUTCOMES[request.state];
    const a = item.data.approval;
    if (!result && a.current >= a.stages.length - 1) return undefined;
    // A canceled request has no decider to find; any other may.
    const stages = result === 'canceled' ? [] : await this.stages(item, requestId);
    // (u) Graph's status text for a request nobody decided in time: a denial by the clock, not a person.
    if (result === 'denied' && request.status === 'Expired') result = 'expired';
    const outcome = result ? { result, at: request.completedDateTime } : undefined;
    return { seen: { stages, outcome }, request };
  }

  /** The stages, read as an approver of the item (the open stage's first); [] when none can. */
  private async stages(item: WorkflowItem<AccessRequestData>, requestId: string) {
    const a = item.data.approval;
    const open = a.stages[a.current];
    const first = open ? [...open.approvers, ...(open.escalated ? open.escalationApprovers : [])] : [];
    const readers = [...new Set([...first.map((p) => p.id), ...approverIds(item.data)])];
    for (const userId of readers.slice(0, this.deps.maxReaders ?? 3)) {
      let who: DelegatedIdentity;
      try {
        who = await this.deps.identities.for(userId, NO_TURN);
      } catch {
        continue; // no token for this approver (never signed in, or signed out)
      }
      try {
        return (await this.deps.entitlement.approvalStages(who, requestId)).map(seenStage);
      } catch (err) {
        if (isRetryable(err)) throw err; // Graph is busy or down: the next round looks again
      }
    }
    return [];
  }
}

/** A Graph stage, as the engine takes it: decided (by whom, why, when) or not yet. */
function seenStage(s: ApprovalStage): SeenStage | undefined {
  const result =
    s.reviewResult === 'Approve'
      ? 'approved'
      : s.reviewResult === 'Deny'
        ? 'denied'
        : s.status === 'Expired'
          ? 'expired'
          : undefined;
  if (!result) return undefined;
  const by = s.reviewedBy?.id
    ? { id: s.reviewedBy.id, displayName: s.reviewedBy.displayName || 'an approver' }
    : undefined;
  return { result, by, at: s.reviewedDateTime, reason: s.justification };
}
