import { decidedElsewherePatch } from '../approvals/decidedElsewhere';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { ThrottledError } from '../ports/graphErrors';
import type { JobStore } from '../ports/jobStore';
import type { OutboxEntry, WorkflowItem, WorkflowStore } from '../ports/workflowStore';
import { effect, mutateItem } from '../workflow/mutate';
import type { GraphApprovalReader, GraphView } from './graphApprovalReader';
import { ACCESS_REQUEST, AccessEffect, type AccessRequestData } from './model';
import { statusEffects } from './statusEffects';

/** Job type of the recurring round. */
export const RECONCILE_JOB = 'access.reconcile';
/** How often requests waiting for approval are compared with Graph, unless tuned. */
export const RECONCILE_EVERY_MS = 5 * 60_000;

/** What one round did. */
export interface ReconcileRound {
  checked: number;
  changed: number;
  failed: number;
}

/**
 * Approvers may decide in My Access, and requests may be canceled outside Teams. Every few minutes this
 * compares the requests waiting for approval here with Graph and applies what happened there through
 * the approval engine's own patches, so every card updates and the requester is told. A Graph failure
 * leaves the item for the next round; each change is one version-conditional update, so replicas that
 * run a round at once change an item once.
 */
export class PendingReconciler {
  constructor(
    private readonly deps: {
      reader: GraphApprovalReader;
      workflows: WorkflowStore;
      jobs: JobStore;
      clock: Clock;
      logger: Logger;
      everyMs?: number;
      /** Items looked at per round (newest first). */
      limit?: number;
    },
  ) {}

  /** Keeps one round scheduled at the next multiple of the interval; replicas agree on its id. */
  async scheduleNext(): Promise<void> {
    const now = this.deps.clock.now();
    const every = this.deps.everyMs ?? RECONCILE_EVERY_MS;
    const next = new Date(Math.floor(now.getTime() / every) * every + every);
    await this.deps.jobs.schedule(
      { id: `${RECONCILE_JOB}:${next.toISOString()}`, type: RECONCILE_JOB, runAt: next, payload: {} },
      now,
    );
  }

  /** Compares every request waiting for approval with Graph. Never throws for one item's failure. */
  async run(): Promise<ReconcileRound> {
    const items = await this.deps.workflows.find<AccessRequestData>({
      kind: ACCESS_REQUEST,
      states: ['pendingApproval'],
      limit: this.deps.limit ?? 500,
    });
    const round: ReconcileRound = { checked: 0, changed: 0, failed: 0 };
    for (const item of items) {
      round.checked++;
      try {
        if (await this.reconcile(item)) round.changed++;
      } catch (err) {
        round.failed++;
        this.deps.logger.warn({ err, itemId: item.id }, 'could not compare the request with Graph');
        if (err instanceof ThrottledError) break; // Graph asked us to slow down: the next round goes on
      }
    }
    if (round.changed > 0 || round.failed > 0) this.deps.logger.info({ round }, 'reconciled with Graph');
    return round;
  }

  /** Applies what Graph shows of one item; true when the item changed. */
  async reconcile(item: WorkflowItem<AccessRequestData>): Promise<boolean> {
    const view = await this.deps.reader.read(item);
    if (!view) return false;
    const now = this.deps.clock.now();
    const { changed } = await mutateItem<AccessRequestData>(
      this.deps.workflows,
      item.id,
      () => now,
      (fresh) => {
        const patch = decidedElsewherePatch(fresh, view.seen, now, { graphRequestId: view.request.id });
        if (!patch) return undefined;
        const graph = { requestId: view.request.id, state: view.request.state, status: view.request.status };
        return {
          ...patch,
          data: { ...patch.data, graph },
          effects: [...patch.effects, ...accessEffects(fresh, patch.state, view, now)],
        };
      },
    );
    return changed;
  }
}

/** What an access request needs beyond the approval: follow delivery, or tell a canceled requester. */
function accessEffects(
  fresh: WorkflowItem<AccessRequestData>,
  state: string,
  view: GraphView,
  now: Date,
): OutboxEntry[] {
  // As after an approval in Teams: follow the request in Graph until the assignment is there.
  if (state === 'delivering') return [effect('sync:decided-elsewhere', AccessEffect.sync, {}, now)];
  // Nobody else tells the requester of a cancel made outside (an admin's, or theirs in My Access).
  if (state === 'canceled') return statusEffects(fresh.data.requesterId, `canceled:${view.request.id}`, now);
  return [];
}
