import type { AccessWorkflow } from '../../../services/access/accessWorkflow';
import type { FlowFactory } from '../../flow';
import { accessFlowFor } from '../access/accessFlowWiring';
import { pimFlow, type PimFlowDeps } from './pimFlow';
import { pimGateways } from './pimGateways';

type AccessArgs = Parameters<typeof accessFlowFor>[0];

/**
 * The access package and PIM flows for a composition root: PIM activations share the access flow's
 * outbox, scheduler and approval engine, so the two are built together.
 */
export function governanceFlows(
  args: AccessArgs & { pimTuning?: Pick<PimFlowDeps, 'stepUpWindowMs'> },
): FlowFactory[] {
  const { config } = args;
  const gateways = pimGateways({
    baseUrl: config.graph.baseUrl,
    authorityHost: config.graph.authorityHost,
    exchangeBaseUrl: config.graph.exchangeBaseUrl,
    useManagedIdentity: config.graph.useManagedIdentity,
    ...args.credentials,
    logger: args.logger.child({ component: 'graph' }),
  });
  const pim = pimFlow({
    ...gateways,
    store: args.store,
    clock: args.clock,
    stepUpConnectionName: config.bot.stepUpConnectionName,
    appId: config.bot.appId ?? args.credentials.clientId,
    approvalReminderHours: config.pimApprovalReminderHours,
    reconcileEveryMs: config.approvalReconcileMinutes * 60_000,
    ...args.pimTuning,
  });
  const onCreated = (wf: AccessWorkflow) => {
    pim.attach(wf);
    args.onCreated?.(wf);
  };
  return [accessFlowFor({ ...args, onCreated, plugins: [pim.plugin, ...(args.plugins ?? [])] }), pim.flow];
}
