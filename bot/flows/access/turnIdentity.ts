import type { DelegatedIdentity } from '../../../services/ports/userTokens';
import type { InvokeInput } from '../../invoke/handler';

/** The acting user, with their SSO token: every Graph call of a click runs as them. */
export async function delegated(input: InvokeInput<unknown>): Promise<DelegatedIdentity> {
  return { userId: input.actor.userId, assertion: await input.userToken() };
}

/** The card the click came from, so the request's status card replaces it in place later. */
export function sourceOf(input: InvokeInput<unknown>) {
  const a = input.context.activity;
  return a.replyToId && a.conversation?.id
    ? { userId: input.actor.userId, conversationId: a.conversation.id, activityId: a.replyToId }
    : undefined;
}
