import { approvalCardData, type ApprovalRequestCardData } from '../approvals/approvalCards';
import type { ApproverResolver } from '../approvals/approverResolver';
import type { Clock } from '../clock';
import type { DirectoryGateway } from '../ports/directory';
import type { AssignmentRequestInfo, EntitlementGateway } from '../ports/entitlement';
import { SignInRequiredError } from '../ports/graphErrors';
import type { DelegatedIdentity } from '../ports/userTokens';
import type { WorkflowItem, WorkflowStore } from '../ports/workflowStore';
import { adoptedItemId, adoptGraphRequest } from './adoptGraphRequest';
import { ACCESS_REQUEST, type AccessRequestData } from './model';

type Item = WorkflowItem<AccessRequestData>;

/** What waits for one approver, and whether Graph's part could be read. */
export interface Inbox {
  rows: ApprovalRequestCardData[];
  /** False when Graph failed: the list then holds only the requests made through the bot. */
  graphLoaded: boolean;
}

/**
 * "approvals": what waits for the user's decision, newest first. The bot's own requests, merged with
 * what Graph says waits for them (`assignmentRequests/filterByCurrentUser(on='approver')`, as the
 * user: accesspackageassignmentrequest-filterbycurrentuser.md), so a request made in My Access is
 * listed too and, once adopted as an item, decided from its card like any other.
 */
export class ApprovalInbox {
  constructor(
    private readonly deps: {
      entitlement: EntitlementGateway;
      directory: DirectoryGateway;
      resolver: ApproverResolver;
      workflows: WorkflowStore;
      clock: Clock;
    },
  ) {}

  /** The requests `who` may decide now; given only a user id, the bot's own (no Graph call). */
  async waitingFor(who: DelegatedIdentity | string): Promise<Inbox> {
    const userId = typeof who === 'string' ? who : who.userId;
    const own = await this.deps.workflows.find<AccessRequestData>({
      subject: userId,
      states: ['pendingApproval'],
      limit: 50,
    });
    let graphLoaded = true;
    if (typeof who !== 'string') graphLoaded = await this.mergeGraph(who, own);
    const rows = own
      .filter((i) => i.data.approval)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((i) => approvalCardData(i, userId))
      .filter((c) => c.canDecide);
    return { rows, graphLoaded };
  }

  /** Adds what Graph says waits for `who` to `own`; false when Graph could not be read. */
  private async mergeGraph(who: DelegatedIdentity, own: Item[]): Promise<boolean> {
    try {
      const graph = (await this.deps.entitlement.requestsToApprove(who)).filter(
        (r) => r.state === 'pendingApproval',
      );
      const known = new Set(own.map((i) => i.data.graph?.requestId).filter(Boolean));
      for (const r of graph) {
        if (known.has(r.id)) continue;
        const item = await this.adopted(who, r);
        if (item?.state === 'pendingApproval' && !own.some((o) => o.id === item.id)) own.push(item);
      }
      return true;
    } catch (err) {
      if (err instanceof SignInRequiredError) throw err;
      return false;
    }
  }

  /** The item of a Graph request: adopted before, or now; undefined when it is the bot's own. */
  private async adopted(who: DelegatedIdentity, r: AssignmentRequestInfo): Promise<Item | undefined> {
    const { workflows, clock } = this.deps;
    const existing = await workflows.get<AccessRequestData>(adoptedItemId(r.id));
    if (existing) return existing;
    if (await this.madeHere(r)) return undefined;
    const fresh = await adoptGraphRequest(this.deps, who, r, clock.now());
    return fresh ? (await workflows.create(fresh)).item : undefined;
  }

  /**
   * A request the bot made itself that it has not followed to pendingApproval yet: it lists once the
   * bot has (its approvers get cards then), and must not become a second item.
   */
  private async madeHere(r: AssignmentRequestInfo): Promise<boolean> {
    const requesterId = r.requestor?.id;
    if (!requesterId) return false;
    const theirs = await this.deps.workflows.find<AccessRequestData>({
      kind: ACCESS_REQUEST,
      subject: requesterId,
      limit: 50,
    });
    return theirs.some(
      (i) =>
        i.data.graph?.requestId === r.id ||
        (!i.data.graph && i.state === 'submitted' && i.data.package.id === r.accessPackage?.id),
    );
  }
}
