import { randomUUID } from 'node:crypto';
import type { ChannelUser } from './users';

/** A Teams activity as the channel posts it to the bot (plain JSON). */
export type TeamsActivity = Record<string, unknown>;

/** Where the activities come from and go to. */
export interface Envelope {
  serviceUrl: string;
  botId: string;
  botName: string;
  timezone: string;
}

/** The fields every Teams activity in a personal chat carries (reference section 6). */
export function baseActivity(env: Envelope, user: ChannelUser, type: string): TeamsActivity {
  const now = new Date();
  return {
    type,
    id: `f:${randomUUID()}`,
    timestamp: now.toISOString(),
    localTimestamp: now.toISOString(),
    serviceUrl: env.serviceUrl,
    channelId: 'msteams',
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    conversation: { id: user.conversationId, conversationType: 'personal', tenantId: user.tenantId },
    recipient: { id: env.botId, name: env.botName },
    locale: 'en-US',
    entities: [
      {
        type: 'clientInfo',
        locale: 'en-US',
        country: 'US',
        platform: 'Web',
        timezone: user.timeZone ?? env.timezone,
      },
    ],
    channelData: { tenant: { id: user.tenantId } },
  };
}

/** A text message typed by the user. */
export function messageActivity(env: Envelope, user: ChannelUser, text: string): TeamsActivity {
  return { ...baseActivity(env, user, 'message'), text, textFormat: 'plain' };
}

/** What Teams sends when the user presses an Action.Execute button on a card. */
export function actionInvoke(
  env: Envelope,
  user: ChannelUser,
  verb: string,
  data: unknown,
  replyToId?: string,
): TeamsActivity {
  const base = baseActivity(env, user, 'invoke');
  return {
    ...base,
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', id: randomUUID(), verb, data }, trigger: 'manual' },
    channelData: { ...(base.channelData as object), source: { name: 'message' }, legacy: { replyToId } },
  };
}

/** The two activities Teams sends when the user installs the app in personal scope. */
export function installActivities(env: Envelope, user: ChannelUser): [TeamsActivity, TeamsActivity] {
  const update = { ...baseActivity(env, user, 'conversationUpdate'), membersAdded: [{ id: env.botId }] };
  const base = baseActivity(env, user, 'installationUpdate');
  const install = {
    ...base,
    action: 'add',
    channelData: { ...(base.channelData as object), source: { name: 'message' } },
  };
  return [update, install];
}

/** What Teams sends when the user removes the app. */
export function uninstallActivity(env: Envelope, user: ChannelUser): TeamsActivity {
  return { ...baseActivity(env, user, 'installationUpdate'), action: 'remove' };
}

/** Teams' silent SSO: after an OAuth card, it sends the user's token for the bot to exchange. */
export function tokenExchangeInvoke(
  env: Envelope,
  user: ChannelUser,
  connectionName: string,
  token: string,
): TeamsActivity {
  return {
    ...baseActivity(env, user, 'invoke'),
    name: 'signin/tokenExchange',
    value: { id: randomUUID(), connectionName, token },
  };
}
