import { ApproverResolver } from '../approvals/approverResolver';
import { approvalKeys } from '../approvals/keys';
import { DelegatedIdentities } from '../access/identities';
import type { Clock } from '../clock';
import type { DirectoryGateway } from '../ports/directory';
import type { PimGateway } from '../ports/pim';
import type { JobStore } from '../ports/jobStore';
import type { WorkflowStore } from '../ports/workflowStore';
import type { UserTokenSource } from '../ports/userTokens';
import type { OutboxRunner } from '../workflow/outbox';
import type { WorkflowPlugin } from '../workflow/plugin';
import { ActivationService } from './activationService';
import { pimNotificationBuilders } from './activationStatus';
import { decisionEffect } from './decisionEffect';
import { PIM_ACTIVATION, PimEffect, PimJob } from './model';
import { remindApprovers } from './approvalReminders';
import { PimApprovalReconciler } from './approvalReconciler';
import { reconcileRound } from './reconcileRound';
import { pimJobHandlers } from './pimTimers';
import { submitEffect } from './submitEffect';

export interface PimWorkflowDeps {
  pim: PimGateway;
  directory: DirectoryGateway;
  workflows: WorkflowStore;
  jobs: JobStore;
  tokens: UserTokenSource;
  clock: Clock;
  /** How long a held activation waits for the MFA sign-in (default 15 minutes). */
  stepUpWindowMs?: number;
  /** Hours after an approval starts when approvers who have not decided are reminded (default none). */
  approvalReminderHours?: readonly number[];
  /** How often activations waiting for approval are compared with Graph (default 5 minutes). */
  reconcileEveryMs?: number;
}

/** PIM activations: what they add to the shared outbox and scheduler, and their services once it runs. */
export type PimWorkflow = ReturnType<typeof createPimWorkflow>;

/**
 * Wires PIM role activations. Their effects run in the one outbox every workflow item shares (`plugin`),
 * and approvals go through the shared approval engine: an approver's card is the access flow's own.
 */
export function createPimWorkflow(deps: PimWorkflowDeps) {
  const identities = new DelegatedIdentities(deps.tokens);
  const reconciler = new PimApprovalReconciler({
    pim: deps.pim,
    workflows: deps.workflows,
    jobs: deps.jobs,
    clock: deps.clock,
    everyMs: deps.reconcileEveryMs,
  });
  const plugin: WorkflowPlugin = {
    effects: {
      [PimEffect.submit]: submitEffect({
        pim: deps.pim,
        identities,
        stepUpWindowMs: deps.stepUpWindowMs ?? 15 * 60_000,
        timing: { reminderHours: deps.approvalReminderHours ?? [], reconcileEveryMs: deps.reconcileEveryMs },
      }),
      [approvalKeys.recordDecisionEffect(PIM_ACTIVATION)]: decisionEffect({ pim: deps.pim, identities }),
    },
    notifications: pimNotificationBuilders,
    jobs: {
      ...pimJobHandlers({ store: deps.workflows, clock: deps.clock }),
      [PimJob.remind]: remindApprovers({ store: deps.workflows, pim: deps.pim, clock: deps.clock }),
      ...reconciler.jobs(),
    },
    // Activations that waited while no replica ran (or before this version) get their rounds again.
    onStart: () =>
      deps.jobs.schedule(reconcileRound(deps.clock.now(), deps.reconcileEveryMs), deps.clock.now()),
  };
  return {
    plugin,
    /** Compares activations waiting for approval with Graph (tests run a round at will). */
    reconciler,
    /** The services, over the shared outbox (known once the access workflow exists). */
    services: (outbox: OutboxRunner) =>
      new ActivationService({
        pim: deps.pim,
        directory: deps.directory,
        resolver: new ApproverResolver(deps.directory),
        workflows: deps.workflows,
        outbox,
        clock: deps.clock,
      }),
  };
}
