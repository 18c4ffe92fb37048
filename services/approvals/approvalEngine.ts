import type { Clock } from '../clock';
import type { WorkflowItem, WorkflowStore } from '../ports/workflowStore';
import { type LeaseRequest, mutateItem } from '../workflow/mutate';
import { decisionPatch } from './applyDecision';
import { checkDecision } from './decisionRules';
import type { ApprovalItemData, Decision } from './model';

/** An approver's decision, as it arrives from a card; `actor` comes from the authenticated activity. */
export interface DecideInput {
  actor: { id: string; displayName?: string };
  itemId: string;
  decision: 'approve' | 'deny';
  reason?: string;
  /** The stage the card was about; an older stage's card gets AlreadyDecided, not a new decision. */
  stage?: number;
  /** Where the click came from (card, activity id), for the audit trail. */
  source?: Record<string, string>;
}

type Item = WorkflowItem<ApprovalItemData>;

/**
 * Decides approval stages for any kind of request (access packages now, PIM later). Each decision is
 * one version-conditional update that also records its effects (Graph call as the approver, card
 * updates, next stage, timers), so two approvers racing get one winner and one AlreadyDecidedError.
 */
export class ApprovalEngine {
  constructor(private readonly deps: { store: WorkflowStore; clock: Clock }) {}

  /**
   * Records the actor's decision on the current stage. Throws the typed errors of ./errors. With
   * `lease`, the same write reserves the decision's effects for the caller to run (OutboxRunner.runItem).
   * `known` is the item as the caller just read it: the first try writes against it instead of reading
   * again (a stale copy only loses the version check, and the next try reads).
   */
  async decide(
    input: DecideInput,
    lease?: LeaseRequest,
    known?: Item,
  ): Promise<{ item: Item; decision: Decision }> {
    const now = this.deps.clock.now();
    let decision!: Decision & { result: 'approved' | 'denied' };
    const { item } = await mutateItem<ApprovalItemData>(
      this.deps.store,
      input.itemId,
      () => now,
      (fresh) => {
        const { stage, by } = checkDecision(fresh, input);
        decision = {
          result: input.decision === 'approve' ? 'approved' : 'denied',
          by,
          at: now.toISOString(),
        };
        if (input.reason?.trim()) decision.reason = input.reason.trim();
        return decisionPatch(fresh, stage, decision, now, { recordInGraph: true, source: input.source });
      },
      { lease, ...(known?.id === input.itemId && { item: known }) },
    );
    return { item, decision };
  }
}
