import { startEmulator, type Emulator } from '../../../emulator';
import type { TenantFixture } from '../../../emulator/graph/routing';
import { BOT_FRAMEWORK_ISSUER } from '../../../emulator/identity/botFrameworkChannel';
import { TeamsChannel } from '../../../emulator/teams/channel';
import { botFrameworkChannelAuth } from '../../../emulator/teams/channelAuth';
import type { ChannelFixture } from '../../../emulator/teams/users';
import { freePort } from '../childProcesses';
import { signInEveryone } from '../signIn';
import { startBotProcess, type BotProcess } from './botProcess';

/** Where the bot keeps its state: a database of its own on a MongoDB wire-protocol server. */
export interface CrashDb {
  uri: string;
  dbName: string;
}

/**
 * The bot as a production process (real Bot Framework JWTs, MongoDB, Graph over HTTPS), and around it,
 * in this process, what it talks to: the Graph emulator (Entra, Graph, the Bot Framework token service)
 * and the Teams channel stand-in. Killing the bot leaves Graph, the channel and the store as they were.
 */
export class CrashWorld {
  private current?: BotProcess;
  /** Bot processes started so far. */
  starts = 0;

  private constructor(
    readonly emulator: Emulator,
    readonly channel: TeamsChannel,
    readonly db: CrashDb,
    private readonly port: number,
    private readonly compiled?: string,
  ) {}

  /**
   * Starts the emulator with `fixture`, the channel and a first bot, then installs and signs in `users`.
   * `compiled`: the bot's main.js built by tsc, else bot/main.ts runs under tsx.
   */
  static async start(
    fixture: TenantFixture,
    db: CrashDb,
    users: readonly string[],
    compiled?: string,
  ): Promise<CrashWorld> {
    const emulator = await startEmulator({ fixture });
    const channel = await TeamsChannel.start({
      fixture: fixture as unknown as ChannelFixture,
      botAppId: emulator.clientId,
      auth: botFrameworkChannelAuth(emulator, emulator.clientId),
    });
    const world = new CrashWorld(emulator, channel, db, await freePort(), compiled);
    try {
      await world.startBot();
      channel.connect(`${world.bot.url}/api/messages`);
      for (const alias of users) await channel.install(alias);
      await signInEveryone({ channel, emulator, connectionName: 'graph' });
    } catch (err) {
      await world.stop();
      throw err;
    }
    return world;
  }

  /** The bot running now. */
  get bot(): BotProcess {
    if (!this.current) throw new Error('No bot is running');
    return this.current;
  }

  /** Starts a bot on the same port, store and emulator (a restart after a crash). */
  async startBot(): Promise<BotProcess> {
    this.current = await startBotProcess(this.settings(), this.port, this.compiled);
    this.starts++;
    return this.current;
  }

  /** SIGKILLs the running bot. */
  async killBot(): Promise<void> {
    const bot = this.current;
    this.current = undefined;
    await bot?.kill();
  }

  async stop(): Promise<void> {
    await this.current?.stop();
    this.current = undefined;
    await this.channel.stop();
    await this.emulator.stop();
  }

  /** Production settings, every endpoint on the emulator (as test/e2e/productionAuth.test.ts). */
  private settings(): Record<string, string> {
    const emu = this.emulator;
    return {
      MicrosoftAppId: emu.clientId,
      MicrosoftAppPassword: emu.clientSecret,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: emu.tenantId,
      MONGODB_URI: this.db.uri,
      MONGODB_DB: this.db.dbName,
      // CRASH_BOT_LOG=debug shows what the bot did in a failure's output.
      LOG_LEVEL: process.env.CRASH_BOT_LOG ?? 'warn',
      OAuthUrl: emu.url,
      GRAPH_BASE_URL: emu.url,
      AUTHORITY_HOST: emu.url,
      EXCHANGE_BASE_URL: emu.url,
      ToBotFromChannelOpenIdMetadataUrl: emu.tokens.botFramework.openIdMetadataUrl,
      ToBotFromChannelTokenIssuer: BOT_FRAMEWORK_ISSUER,
      ToBotFromEmulatorOpenIdMetadataUrl: `${emu.url}/common/v2.0/.well-known/openid-configuration`,
      ToChannelFromBotLoginUrl: `${emu.url}/${emu.tenantId}`,
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    };
  }
}
