import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { renderNoticeCard } from '../../../cards/notice';
import type { AdaptiveCard } from '../../../cards/render';
import type { AccessWorkflow } from '../../../services/access/accessWorkflow';
import type { Clock } from '../../../services/clock';
import type { DirectoryGateway } from '../../../services/ports/directory';
import type { PimGateway } from '../../../services/ports/pim';
import type { Store } from '../../../services/ports/store';
import type { ActivationService } from '../../../services/pim/activationService';
import { createPimWorkflow, type PimWorkflow } from '../../../services/pim/pimWorkflow';
import { actorOf } from '../../actor';
import type { BotPorts, FlowFactory } from '../../flow';
import { StepUpSignIn } from '../../sso/stepUpSignIn';
import { userTimeOf } from '../../userTime';
import { renderActivationStatusCard } from './activationStatusCard';
import { pimRenderers } from './pimRenderers';
import { pimVerbs } from './pimVerbs';
import { renderRolesCard } from './rolesCard';
import { StepUpPrompt } from './stepUpPrompt';

export interface PimFlowDeps {
  pim: PimGateway;
  directory: DirectoryGateway;
  store: Pick<Store, 'workflows' | 'jobs'>;
  clock: Clock;
  /** The second OAuth connection for MFA step-up; unset, MFA activations are sent to the portal. */
  stepUpConnectionName?: string;
  /** The bot's app id (demo: the emulator's app registration), named in the step-up sign-in state. */
  appId: string;
  stepUpWindowMs?: number;
  /** Hours after an activation starts waiting for approval when undecided approvers are reminded. */
  approvalReminderHours?: readonly number[];
  /** How often activations waiting for approval are compared with Graph (APPROVAL_RECONCILE_MINUTES). */
  reconcileEveryMs?: number;
}

const send = (context: TurnContext, card: AdaptiveCard) =>
  context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));

/**
 * PIM role activation in chat. Its items share the access flow's outbox, scheduler and approval engine
 * (approvers decide on the same approval card): `plugin` goes to accessFlow, `attach` gets its workflow.
 */
export function pimFlow(deps: PimFlowDeps) {
  let workflow: PimWorkflow | undefined;
  let service: ActivationService | undefined;
  const svc = () => {
    if (!service) throw new Error('The PIM flow is not attached to the shared workflow');
    return service;
  };
  const stepUp = deps.stepUpConnectionName
    ? new StepUpSignIn(deps.stepUpConnectionName, deps.appId)
    : undefined;
  const prompt = new StepUpPrompt(stepUp);
  const time = (context: TurnContext) => userTimeOf(context.activity, deps.clock.now());

  /** Teams' signin/verifyState after the step-up sign-in: redeem its code, then retry what was held. */
  const onSignIn = async (context: TurnContext, code: string): Promise<boolean> => {
    if (!stepUp) return false;
    const token = await stepUp.redeem(context, code);
    if (!token) return false; // not a step-up sign-in's code: the SSO connection may take it
    const actor = actorOf(context.activity);
    const views = await svc().resume({ userId: actor.userId, assertion: token });
    if (views.length === 0)
      await send(
        context,
        renderNoticeCard({ title: 'Signed in', text: 'Nothing was waiting for that sign-in any more.' }),
      );
    for (const v of views) await send(context, renderActivationStatusCard(v, time(context)));
    return true;
  };

  const flow: FlowFactory = () => ({
    verbs: pimVerbs(svc, prompt, deps.clock),
    messages: {
      activateRole: async (input) =>
        renderRolesCard(
          await svc().roles.mine({ userId: input.actor.userId, assertion: await input.userToken() }),
          time(input.context),
          input.rest,
        ),
    },
    renderers: pimRenderers(deps.clock),
    onSignIn,
  });
  return {
    /** Handed to accessFlow: PIM's effects, cards and timers in the shared outbox and scheduler. */
    plugin: (ports: BotPorts) => {
      workflow = createPimWorkflow({
        pim: deps.pim,
        directory: deps.directory,
        workflows: deps.store.workflows,
        jobs: deps.store.jobs,
        tokens: ports.userTokens,
        clock: deps.clock,
        stepUpWindowMs: deps.stepUpWindowMs,
        approvalReminderHours: deps.approvalReminderHours,
        reconcileEveryMs: deps.reconcileEveryMs,
      });
      return workflow.plugin;
    },
    /** Called with the access workflow once it exists (accessFlow's onCreated). */
    attach: (access: AccessWorkflow) => {
      if (!workflow) throw new Error('The PIM plugin must be built before the access workflow');
      service = workflow.services(access.outbox);
    },
    flow,
  };
}
