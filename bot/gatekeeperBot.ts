import {
  CardFactory,
  InvokeException,
  MessageFactory,
  StatusCodes,
  type SigninStateVerificationQuery,
  TeamsActivityHandler,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { AdaptiveCard } from '../cards/render';
import { renderWelcomeCard } from '../cards/welcome';
import type { ConversationService } from '../services/conversations/conversationService';
import type { Logger } from '../services/logger';
import { actorOf, type Actor } from './actor';
import { matchIntent, type MessageTable } from './commands';
import { conversationIdOf, toStoredRef } from './conversationRef';
import { errorCardFor, isUserFacingError } from './errorCard';
import { availableIntents, helpCard, welcomeCommands } from './helpCard';
import type { InvokeRouter } from './invoke/router';
import { SignInRequiredError } from '../services/ports/graphErrors';
import type { SsoTokens } from './sso/ssoTokens';
import { commandWords } from './inbound/commandWords';
import { turnLog } from './turnLog';
import { userTimeOf } from './userTime';

/** Invokes botbuilder answers for us: Teams SSO (handled below) and the Bot Framework health check. */
const BOTBUILDER_INVOKES = new Set(['signin/tokenExchange', 'signin/verifyState', 'healthCheck']);

/** Teams sends conversationUpdate and installationUpdate for one install; welcome once for both. */
const SAME_INSTALL_MS = 60_000;

/** What the bot needs; it talks to services only, never to Graph or the store directly. */
export interface GatekeeperBotDeps {
  conversations: ConversationService;
  invokes: InvokeRouter;
  messages: MessageTable;
  sso: SsoTokens;
  logger: Logger;
  /** Shown on the welcome card, e.g. "Contoso". */
  organisationName?: string;
  /** Flows with OAuth connections of their own: each redeems a sign-in's magic code, true when it was theirs. */
  signIns?: ((context: TurnContext, code: string, log: Logger) => Promise<boolean>)[];
  now(): Date;
}

/** Sends a card as a message in the current conversation. */
export async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<string | undefined> {
  const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  return sent?.id;
}

/** The Teams bot: install and welcome, text commands, and every Action.Execute through the verb table. */
export class GatekeeperBot extends TeamsActivityHandler {
  constructor(private readonly deps: GatekeeperBotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botAdded = context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id);
      if (botAdded) await this.handleInstall(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.handleInstall(context);
      await next();
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') {
      // botbuilder's handlers of invokes this bot does not offer (file consent, messaging extensions…)
      // read the value before saying "not implemented", and crash on a malformed one: answer 501 here.
      if (!BOTBUILDER_INVOKES.has(context.activity.name ?? '')) return { status: 501 };
      return super.onInvokeActivity(context);
    }
    // Every Action.Execute goes through the verb table; botbuilder's own parsing would crash on a bad value.
    const body = await this.deps.invokes.route(context, turnLog(context, this.deps.logger));
    return { status: 200, body };
  }

  /** Teams' silent SSO: store the token it sent, or answer 412 so Teams shows the sign-in button instead. */
  protected override async handleTeamsSigninTokenExchange(
    context: TurnContext,
    _query: SigninStateVerificationQuery,
  ): Promise<void> {
    // botbuilder types the query as the verifyState one; a token exchange carries { id, connectionName, token }.
    const query = (context.activity.value ?? {}) as { id?: string; connectionName?: string; token?: string };
    const exchanged = query.token ? await this.deps.sso.exchange(context, query.token) : undefined;
    if (exchanged) return;
    turnLog(context, this.deps.logger).warn('SSO token exchange refused');
    throw new InvokeException(StatusCodes.PRECONDITION_FAILED, {
      id: query.id,
      connectionName: query.connectionName,
      failureDetail: 'The bot could not exchange the token',
    });
  }

  /**
   * The sign-in link's end in Teams: the user signed in in the browser and Teams hands over the magic
   * code; redeem it so the token service keeps their token. 412 tells Teams it did not work.
   */
  protected override async handleTeamsSigninVerifyState(
    context: TurnContext,
    query: SigninStateVerificationQuery,
  ): Promise<void> {
    const code = typeof query?.state === 'string' ? query.state.trim() : '';
    const log = turnLog(context, this.deps.logger);
    if (code && /^[\w-]{1,64}$/.test(code)) {
      // A flow's own connection first (PIM's MFA step-up), then the SSO connection: a code is only
      // good for the connection whose sign-in produced it.
      for (const handle of this.deps.signIns ?? []) if (await handle(context, code, log)) return;
      if (await this.deps.sso.redeem(context, code)) return;
    }
    log.warn('sign-in code refused');
    throw new InvokeException(StatusCodes.PRECONDITION_FAILED, {
      failureDetail: 'The sign-in code did not work',
    });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const log = turnLog(context, this.deps.logger);
    let actor: Actor;
    try {
      actor = actorOf(context.activity);
    } catch (err) {
      if (!isUserFacingError(err)) throw err;
      log.warn({ code: err.code }, 'message without a user');
      await sendCard(context, errorCardFor(err, context.activity.id));
      return;
    }
    await this.remember(context, actor);
    const words = commandWords(context.activity);
    const match = matchIntent(words);
    const handler = match && this.deps.messages[match.intent];
    if (!match || !handler) {
      const available = availableIntents(this.deps.messages);
      const unknownText = match ? undefined : words.trim();
      // A known command no flow answers yet says so plainly, rather than "not understood".
      const asked = match && match.intent !== 'help' ? match.intent : undefined;
      await sendCard(context, helpCard({ available, unknownText, asked }));
      return;
    }
    log.info({ intent: match.intent }, 'command');
    try {
      const userToken = () => this.deps.sso.require(context);
      await sendCard(context, await handler({ actor, rest: match.rest, context, log, userToken }));
    } catch (err) {
      if (err instanceof SignInRequiredError) {
        await context.sendActivity({ attachments: [await this.deps.sso.signInCard(context)] });
        return;
      }
      if (!isUserFacingError(err)) throw err;
      log.warn({ code: err.code }, `command refused: ${err.message}`);
      await sendCard(context, errorCardFor(err, context.activity.id));
    }
  }

  private async handleInstall(context: TurnContext): Promise<void> {
    const log = turnLog(context, this.deps.logger);
    let actor: Actor | undefined;
    try {
      actor = actorOf(context.activity);
    } catch {
      log.warn('install without aadObjectId: cannot reach this user proactively');
    }
    const fresh = actor ? await this.remember(context, actor) : true;
    if (!fresh) return;
    log.info('installed: welcoming user');
    const userName = actor?.name || context.activity.from?.name || undefined;
    const organisationName = this.deps.organisationName ?? 'your organisation';
    const offered = welcomeCommands(availableIntents(this.deps.messages));
    await sendCard(context, renderWelcomeCard({ userName, tenantName: organisationName, ...offered }));
  }

  /** Saves the reference; true when this conversation is new to us (first install or a reinstall). */
  private async remember(context: TurnContext, actor: Actor): Promise<boolean> {
    const reference = toStoredRef(context.activity);
    const { userId, tenantId } = actor;
    const { timeZone, locale } = userTimeOf(context.activity, this.deps.now());
    const { previous } = await this.deps.conversations.remember({
      userId,
      tenantId,
      reference,
      timeZone,
      locale,
    });
    if (!previous || conversationIdOf(previous.reference) !== conversationIdOf(reference)) return true;
    return this.deps.now().getTime() - previous.updatedAt.getTime() > SAME_INSTALL_MS;
  }
}
