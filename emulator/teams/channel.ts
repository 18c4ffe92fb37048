import {
  actionInvoke,
  installActivities,
  messageActivity,
  tokenExchangeInvoke,
  uninstallActivity,
  type Envelope,
  type TeamsActivity,
} from './activities';
import demoTenant from '../fixtures/demo-tenant.json';
import type { ChannelAuth } from './channelAuth';
import { ConnectorServer } from './connector';
import { Recorder, type Recorded } from './recorder';
import { channelUsers, type ChannelFixture, type ChannelUser } from './users';

/** The bot's HTTP answer to an activity (for invokes, the invoke response). */
export interface BotAnswer {
  status: number;
  body: unknown;
}

/** How the channel is set up. */
export interface TeamsChannelOptions {
  /** Defaults to emulator/fixtures/demo-tenant.json. */
  fixture?: ChannelFixture;
  /** The bot's app id; the bot's channel id is 28:<appId>. */
  botAppId?: string;
  timezone?: string;
  /** Time zones of particular users by alias (people of one tenant live in several zones). */
  timeZones?: Readonly<Record<string, string>>;
  /** Auth mode: sign posted activities and require the bot's token at the connector (see channelAuth). */
  auth?: ChannelAuth;
}

/** Options of one invoke. */
export interface InvokeOptions {
  /** The id of the message holding the card, as Teams sends it. */
  replyToId?: string;
  /** Changes the activity before it is posted (e.g. drop from.aadObjectId) to test bad input. */
  tamper?: (activity: TeamsActivity) => void;
}

/**
 * A stand-in for Microsoft Teams in end-to-end tests: the connector the bot calls back (recording what
 * it sends), and the client side that posts Teams-shaped activities to the bot's /api/messages.
 */
export class TeamsChannel {
  readonly recorder = new Recorder();
  private readonly users: ChannelUser[];
  private readonly installed = new Set<string>();
  private readonly connector: ConnectorServer;
  private env!: Envelope;
  private botUrl?: string;
  /**
   * Awaited after every answer: a test sets it to wait for work the bot goes on doing after it answered
   * (a decision's effects), so what it checks next does not depend on timing.
   */
  afterTurn?: () => Promise<void>;

  private constructor(private readonly options: TeamsChannelOptions) {
    const fixture = options.fixture ?? (demoTenant as ChannelFixture);
    this.users = channelUsers(fixture).map((u) => {
      const timeZone = options.timeZones?.[u.alias];
      return timeZone ? { ...u, timeZone } : u;
    });
    this.connector = new ConnectorServer(
      {
        byChannelId: (id) => this.users.find((u) => u.id === id || u.aadObjectId === id),
        byConversationId: (id) => this.users.find((u) => u.conversationId === id),
        isInstalled: (u) => this.installed.has(u.alias),
      },
      this.recorder,
      options.auth?.authorize,
    );
  }

  /** Starts the connector on a free loopback port. */
  static async start(options: TeamsChannelOptions = {}): Promise<TeamsChannel> {
    const channel = new TeamsChannel(options);
    const serviceUrl = await channel.connector.listen();
    const appId = options.botAppId ?? '00000000-0000-0000-0000-000000000000';
    channel.env = {
      serviceUrl,
      botId: `28:${appId}`,
      botName: 'Gatekeeper',
      timezone: options.timezone ?? 'Europe/London',
    };
    return channel;
  }

  /** The serviceUrl the activities carry, where the bot calls back. */
  get serviceUrl(): string {
    return this.env.serviceUrl;
  }

  /** What every activity is built from (serviceUrl, bot id), for tests that build their own. */
  get envelope(): Envelope {
    return this.env;
  }

  /** Why the connector refused the bot's calls (auth mode). */
  get refusals(): readonly string[] {
    return this.connector.refusals;
  }

  /** Where to post activities, e.g. http://127.0.0.1:3978/api/messages. */
  connect(botMessagesUrl: string): void {
    this.botUrl = botMessagesUrl;
  }

  /** Where activities are posted (after connect). */
  get messagesUrl(): string | undefined {
    return this.botUrl;
  }

  /** The demo user with that alias (or Entra object id). */
  user(aliasOrId: string): ChannelUser {
    const key = aliasOrId.toLowerCase();
    const user = this.users.find((u) => u.alias.toLowerCase() === key || u.aadObjectId.toLowerCase() === key);
    if (!user) throw new Error(`No user ${aliasOrId} in the fixture`);
    return user;
  }

  /**
   * Installs the app for the user (by alias or object id): conversationUpdate then installationUpdate,
   * as Teams sends them, whether the user added the app or Graph installed it for them.
   */
  async install(aliasOrId: string): Promise<[BotAnswer, BotAnswer]> {
    const user = this.user(aliasOrId);
    this.installed.add(user.alias);
    const [update, install] = installActivities(this.env, user);
    return [await this.post(update), await this.post(install)];
  }

  /** Removes the app: the bot can no longer write to the user (403 at the connector). */
  async uninstall(alias: string): Promise<BotAnswer> {
    const user = this.user(alias);
    const answer = await this.post(uninstallActivity(this.env, user));
    this.installed.delete(user.alias);
    return answer;
  }

  /** The user types text in their chat with the bot. */
  send(alias: string, text: string, tamper?: (a: TeamsActivity) => void): Promise<BotAnswer> {
    const activity = messageActivity(this.env, this.user(alias), text);
    tamper?.(activity);
    return this.post(activity);
  }

  /** The user presses an Action.Execute button; resolves with the invoke response. */
  invoke(alias: string, verb: string, data: unknown, options: InvokeOptions = {}): Promise<BotAnswer> {
    const activity = actionInvoke(this.env, this.user(alias), verb, data, options.replyToId);
    options.tamper?.(activity);
    return this.post(activity);
  }

  /** Teams hands the bot the user's SSO token (signin/tokenExchange); 200 when taken, 412 when refused. */
  tokenExchange(alias: string, connectionName: string, token: string): Promise<BotAnswer> {
    return this.post(tokenExchangeInvoke(this.env, this.user(alias), connectionName, token));
  }

  /**
   * Posts any activity to the bot, as the Teams service would. `authorization` replaces the header the
   * channel would send (null: none); by default it is the channel's JWT in auth mode, else absent.
   */
  async post(activity: TeamsActivity, authorization?: string | null): Promise<BotAnswer> {
    if (!this.botUrl) throw new Error('Call connect(botMessagesUrl) first');
    const auth = authorization === undefined ? this.options.auth?.sign(activity) : authorization;
    const res = await fetch(this.botUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    await this.afterTurn?.();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  /** Resolves with the first thing the bot sends (after `since`, see recorder.mark()) that matches. */
  waitFor(pred: (r: Recorded) => boolean, timeoutMs = 5000, since = 0): Promise<Recorded> {
    return this.recorder.waitFor(pred, timeoutMs, since);
  }

  /** Every message the bot sent to the user's chat, in order. */
  sentTo(alias: string): Recorded[] {
    const { alias: name } = this.user(alias);
    return this.recorder.all().filter((r) => r.alias === name);
  }

  async stop(): Promise<void> {
    await this.connector.close();
  }
}

export type { Recorded } from './recorder';
export type { ChannelUser } from './users';
