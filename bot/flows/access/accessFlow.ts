import { createAccessWorkflow, type AccessWorkflowDeps } from '../../../services/access/accessWorkflow';
import type { WorkflowPlugin } from '../../../services/workflow/plugin';
import type { BotPorts, FlowFactory } from '../../flow';
import { accessMessages } from './accessMessages';
import { accessRenderers } from './accessRenderers';
import { accessVerbs } from './accessVerbs';

/** What the access flow needs beyond the bot's own ports. */
export type AccessFlowDeps = Omit<AccessWorkflowDeps, 'notifier' | 'tokens'>;

/**
 * The access package flow as the bot hosts it: verbs, text commands, proactive cards, and the outbox
 * and scheduler loops (started with the bot, stopped before the store closes).
 */
export function accessFlow(
  deps: AccessFlowDeps,
  onCreated?: (wf: ReturnType<typeof createAccessWorkflow>) => void,
  /** Other item kinds (PIM) whose effects and timers run in this flow's outbox and scheduler. */
  plugins: ((ports: BotPorts) => WorkflowPlugin)[] = [],
): FlowFactory {
  return (ports) => {
    const wf = createAccessWorkflow({
      ...deps,
      notifier: ports.notifier,
      tokens: ports.userTokens,
      plugins: plugins.map((p) => p(ports)),
    });
    onCreated?.(wf);
    return {
      verbs: accessVerbs(wf, deps.clock),
      messages: accessMessages(wf, deps.clock),
      renderers: accessRenderers(deps.clock),
      background: [
        {
          name: 'access-outbox',
          start: () => wf.outbox.start(),
          stop: () => wf.outbox.stop(),
        },
        {
          name: 'access-scheduler',
          start: () => {
            // Recurring jobs keep one round scheduled; replicas agree on its id, so each starts it.
            void wf.expiry
              .scheduleNext()
              .catch((err: unknown) => deps.logger.error({ err }, 'could not schedule the expiry scan'));
            void wf.reconciler
              .scheduleNext()
              .catch((err: unknown) => deps.logger.error({ err }, 'could not schedule the reconcile round'));
            void wf
              .startPlugins()
              .catch((err: unknown) => deps.logger.error({ err }, 'could not schedule the recurring jobs'));
            wf.scheduler.start();
          },
          stop: () => wf.scheduler.stop(),
        },
      ],
    };
  };
}
