import type { AccessWorkflow } from '../../../services/access/accessWorkflow';
import type { Clock } from '../../../services/clock';
import type { MessageInput, MessageTable } from '../../commands';
import { renderCatalogCard } from './catalogCard';
import { renderMyAccessCard, renderMyRequestsCard, renderWaitingApprovalsCard } from './listCards';
import { userTimeOf } from '../../userTime';

/** Text commands: "request access [word]", "my requests", "my access", "approvals". */
export function accessMessages(wf: AccessWorkflow, clock: Clock): MessageTable {
  const who = async (input: MessageInput) => ({
    userId: input.actor.userId,
    assertion: await input.userToken(),
  });
  const time = (input: MessageInput) => userTimeOf(input.context.activity, clock.now());
  return {
    approvals: async (input) =>
      renderWaitingApprovalsCard(await wf.waitingFor(input.actor.userId), time(input)),
    requestAccess: async (input) =>
      renderCatalogCard(await wf.catalog.browse(await who(input), { search: input.rest || undefined })),
    myRequests: async (input) =>
      renderMyRequestsCard(await wf.requests.myRequests(await who(input)), time(input)),
    myAccess: async (input) =>
      renderMyAccessCard(await wf.extensions.myAccess(await who(input)), time(input)),
  };
}
