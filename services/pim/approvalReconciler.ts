import { ApprovalTimers } from '../approvals/approvalTimers';
import type { Clock } from '../clock';
import type { Job, JobStore } from '../ports/jobStore';
import { ThrottledError } from '../ports/graphErrors';
import type { PimGateway, RoleRequestInfo } from '../ports/pim';
import type { WorkflowItem, WorkflowStore } from '../ports/workflowStore';
import { mutateItem, WorkflowNotFoundError } from '../workflow/mutate';
import type { JobHandler } from '../workflow/scheduler';
import { graphDecisionPatch } from './graphDecision';
import { PIM_ACTIVATION, PimJob, type PimActivationData } from './model';
import { reconcileRound } from './reconcileRound';

type Item = WorkflowItem<PimActivationData>;

const waiting = (i: Item) => i.state === 'pendingApproval' && !!i.data.graph?.requestId;

/**
 * Approvers of a role may decide in the Entra admin center, and a requester may cancel there. While
 * activations wait for approval here, every few minutes one app-only list of the requests Graph still
 * holds pending tells which of them Graph has ended; only those are read one by one, and what Graph shows
 * goes through the approval engine's decided-elsewhere patch (every card updates, the requester is
 * told). The stage's deadline asks Graph the same way before it tells anyone the request expired.
 */
export class PimApprovalReconciler {
  constructor(
    private readonly deps: {
      pim: PimGateway;
      workflows: WorkflowStore;
      jobs: JobStore;
      clock: Clock;
      everyMs?: number;
      /** Items looked at per round. */
      limit?: number;
    },
  ) {}

  /** The job handlers: the recurring round and the stage deadline. */
  jobs(): Record<string, JobHandler> {
    const timers = new ApprovalTimers({ store: this.deps.workflows, clock: this.deps.clock });
    return {
      [PimJob.reconcile]: async () => {
        await this.round();
      },
      [PimJob.expire]: (job: Job) => this.expire(job, timers),
    };
  }

  /** Compares every activation waiting for approval with Graph; nothing is asked when none waits. */
  async round(): Promise<{ checked: number; changed: number }> {
    const items = (
      await this.deps.workflows.find<PimActivationData>({
        kind: PIM_ACTIVATION,
        states: ['pendingApproval'],
        limit: this.deps.limit ?? 500,
      })
    ).filter(waiting);
    const done = { checked: items.length, changed: 0 };
    if (items.length === 0) return done;
    // Scheduled first, so a round that fails does not end the chain.
    const now = this.deps.clock.now();
    await this.deps.jobs.schedule(reconcileRound(now, this.deps.everyMs), now);
    // One call for all: rbacapplication-list-roleassignmentschedulerequests.md supports $filter (status eq).
    const pending = new Set((await this.deps.pim.pendingApprovalRequests()).map((r) => r.id));
    for (const item of items) {
      const requestId = item.data.graph!.requestId;
      if (pending.has(requestId)) continue;
      try {
        if (await this.apply(item.id, await this.deps.pim.requestState(requestId))) done.changed++;
      } catch (err) {
        if (err instanceof ThrottledError) break; // Graph asked us to slow down: the next round goes on
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      }
    }
    return done;
  }

  /**
   * The stage's deadline: Graph is asked first (app-only). Ended there (approved in the admin center,
   * denied, canceled, expired) → as Graph says; still pending → the engine's expiry (Entra denies it at
   * the same deadline). A Graph failure throws, and the scheduler tries again.
   */
  private async expire(job: Job, timers: ApprovalTimers): Promise<void> {
    const itemId = String(job.payload.itemId);
    const stage = Number(job.payload.stage);
    const item = await this.deps.workflows.get<PimActivationData>(itemId);
    if (!item || item.state !== 'pendingApproval' || item.data.approval.current !== stage) return;
    const requestId = item.data.graph?.requestId;
    if (requestId && (await this.apply(itemId, await this.deps.pim.requestState(requestId)))) return;
    await timers.expire(itemId, stage);
  }

  /** Applies what Graph shows of one request; true when the item changed. */
  private async apply(itemId: string, info: RoleRequestInfo): Promise<boolean> {
    const now = this.deps.clock.now();
    const { changed } = await mutateItem<PimActivationData>(
      this.deps.workflows,
      itemId,
      () => now,
      (fresh) => (waiting(fresh) ? graphDecisionPatch(fresh, info, now) : undefined),
    );
    return changed;
  }
}
