import { CardFactory, MessageFactory, type CloudAdapter, type TurnContext } from 'botbuilder';
import type { ConversationService } from '../services/conversations/conversationService';
import type { Logger } from '../services/logger';
import type { ConversationRecord } from '../services/ports/conversationStore';
import {
  NotReachableError,
  type Notification,
  type Notifier,
  type SentMessage,
} from '../services/ports/notifier';
import { assertFitsTeams } from '../cards/limits';
import { conversationIdOf } from './conversationRef';
import type { NotificationRenderers } from './notificationRenderers';
import { runProactive } from './runProactive';

/** What the proactive notifier needs. */
export interface ProactiveNotifierDeps {
  adapter: CloudAdapter;
  /** The bot's app id; empty in demo mode, where auth is off. */
  appId: string;
  conversations: ConversationService;
  renderers: NotificationRenderers;
  logger: Logger;
}

/** The connector answers 403 (app uninstalled, user blocked the bot) or 404 (conversation gone). */
function isGone(err: unknown): boolean {
  const status = (err as { statusCode?: unknown } | undefined)?.statusCode;
  return status === 403 || status === 404;
}

/** Sends and updates cards in users' 1:1 chats through Bot Framework proactive messaging. */
export class ProactiveNotifier implements Notifier {
  constructor(private readonly deps: ProactiveNotifierDeps) {}

  async send(userId: string, notification: Notification): Promise<SentMessage> {
    const record = await this.deps.conversations.find(userId);
    if (!record) throw new NotReachableError(userId);
    const card = this.render(notification, record);
    let activityId: string | undefined;
    this.deps.logger.debug({ userId, kind: notification.kind }, 'sending notification');
    await this.continue(userId, record.reference, async (context) => {
      const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      activityId = sent?.id;
    });
    const conversationId = conversationIdOf(record.reference);
    if (!activityId || !conversationId)
      throw new Error(`The channel returned no activity id for ${notification.kind}`);
    this.deps.logger.info({ userId, kind: notification.kind, activityId }, 'notification sent');
    return { userId, conversationId, activityId };
  }

  async update(message: SentMessage, notification: Notification): Promise<void> {
    const record = await this.deps.conversations.find(message.userId);
    if (!record) throw new NotReachableError(message.userId);
    const card = this.render(notification, record);
    const reference = {
      ...record.reference,
      conversation: { ...(record.reference.conversation as object), id: message.conversationId },
    };
    await this.continue(message.userId, reference, async (context) => {
      await context.updateActivity({
        ...MessageFactory.attachment(CardFactory.adaptiveCard(card)),
        id: message.activityId,
      });
    });
    this.deps.logger.info(
      { userId: message.userId, kind: notification.kind, activityId: message.activityId },
      'notification updated',
    );
  }

  /** Renders in the recipient's zone and locale, as their last activity told us. */
  private render(notification: Notification, recipient: ConversationRecord) {
    const render = this.deps.renderers[notification.kind];
    if (!render) throw new Error(`No card for notification kind ${notification.kind}`);
    const card = render(notification.data, { timeZone: recipient.timeZone, locale: recipient.locale });
    // Fail here, with the kind named, rather than as a bare 413 from Teams.
    assertFitsTeams(card, notification.kind);
    return card;
  }

  private async continue(
    userId: string,
    reference: Record<string, unknown>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const failure = await runProactive(this.deps.adapter, this.deps.appId, reference, logic);
    if (failure === undefined) return;
    if (isGone(failure)) {
      this.deps.conversations.forget(userId);
      throw new NotReachableError(userId);
    }
    throw failure;
  }
}
