import type { AccessWorkflow } from '../../../services/access/accessWorkflow';
import type { Clock } from '../../../services/clock';
import type { MessageInput, MessageTable } from '../../commands';
import { userTimeOf } from '../../userTime';
import { accessLists } from './lists';

/** Text commands: "request access [word]", "my requests", "my access", "approvals". */
export function accessMessages(wf: AccessWorkflow, clock: Clock): MessageTable {
  const lists = accessLists(wf);
  const who = async (input: MessageInput) => ({
    userId: input.actor.userId,
    assertion: await input.userToken(),
  });
  const time = (input: MessageInput) => userTimeOf(input.context.activity, clock.now());
  return {
    approvals: async (input) => lists.approvals(await who(input), time(input)),
    requestAccess: async (input) =>
      lists.catalog(await who(input), time(input), { search: input.rest || undefined }),
    myRequests: async (input) => lists.myRequests(await who(input), time(input)),
    myAccess: async (input) => lists.myAccess(await who(input), time(input)),
  };
}
