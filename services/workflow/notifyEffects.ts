import type { AuditLog } from '../ports/auditLog';
import { NotReachableError, type Notification, type Notifier, type SentMessage } from '../ports/notifier';
import type { WorkflowItem } from '../ports/workflowStore';
import type { Clock } from '../clock';
import type { EffectHandler } from './effects';
import type { HasMessages, ItemMessage } from './messages';
import { effect } from './mutate';
import type { ReachByInstall } from './reachByInstall';

/** Builds what a user sees for an item, from the item as it is now (never a stale copy). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one registry holds builders of every item data type
export type NotificationBuilder = (item: WorkflowItem<any>, userId: string, now: Date) => Notification;

export const NotifyEffect = { send: 'notify.send', refresh: 'notify.refresh' } as const;

/** Sends notification `kind` to the user and remembers the message under `key`. */
export function sendEffect(key: string, userId: string, kind: string, at: Date) {
  return effect(`send:${key}`, NotifyEffect.send, { key, userId, kind }, at);
}

/** Re-renders every message whose key starts with `prefix` (cards update in place). `id` must be unique. */
export function refreshEffect(id: string, prefix: string, at: Date) {
  return effect(`refresh:${id}`, NotifyEffect.refresh, { prefix }, at);
}

/** Handlers for notify.send / notify.refresh, given one builder per notification kind. */
export function createNotifyEffects(deps: {
  notifier: Notifier;
  audit: AuditLog;
  clock: Clock;
  builders: Readonly<Record<string, NotificationBuilder>>;
  /** Installs the app for a user the bot cannot reach, and has the send tried again; unset, it fails. */
  reach?: ReachByInstall;
}): Record<string, EffectHandler<HasMessages>> {
  const build = (item: WorkflowItem<HasMessages>, kind: string, userId: string) => {
    const builder = deps.builders[kind];
    if (!builder) throw new Error(`No notification builder for '${kind}'`);
    return builder(item, userId, deps.clock.now());
  };
  return {
    [NotifyEffect.send]: {
      runs: 'last',
      run: async (ctx) => {
        const { item, entry } = ctx;
        const { key, userId, kind } = entry.payload as { key: string; userId: string; kind: string };
        if (item.data.messages?.[key]) return; // sent before a crash, and recorded: do not send twice
        const eventId = `notification:${item.id}:${key}`;
        const notification = build(item, kind, userId);
        // A retry may follow a crash between the send and the item's write: the card is in the chat
        // then, its id on record (below), so it is brought up to date in place rather than sent again.
        let sent = entry.attempts > 1 ? await sentBefore(deps.audit, item.id, eventId) : undefined;
        if (sent) await deps.notifier.update(sent, notification);
        else {
          try {
            sent = await deps.notifier.send(userId, notification);
          } catch (err) {
            throw err instanceof NotReachableError && deps.reach ? await deps.reach.recover(ctx, err) : err;
          }
          // At once, not with the batch's events: the smallest window in which a crash loses the id. That
          // window cannot be closed: Teams assigns activity ids (botbuilder drops an id the bot sets, per
          // the Activity spec's A2031), the connector dedupes nothing and cannot list a chat's messages
          // (Bot Connector API reference), so a retry cannot find a card whose id was never recorded.
          await deps.audit.append({
            id: eventId,
            at: deps.clock.now(),
            type: 'notification.sent',
            itemId: item.id,
            summary: `Sent ${kind} to ${userId}`,
            source: { card: kind, activityId: sent.activityId, conversationId: sent.conversationId },
            details: { userId, kind },
          });
        }
        const message: ItemMessage = { ...sent, kind };
        return (fresh) => ({ data: { ...fresh.data, messages: { ...fresh.data.messages, [key]: message } } });
      },
    },
    [NotifyEffect.refresh]: {
      // ctx.item was read when the effect was claimed, so it shows the latest decision, not a stale one.
      run: async ({ item, entry }) => {
        const prefix = String(entry.payload.prefix);
        for (const [key, m] of Object.entries(item.data.messages ?? {})) {
          if (key.startsWith(prefix)) await deps.notifier.update(m, build(item, m.kind, m.userId));
        }
      },
    },
  };
}

/** The message a `notification.sent` event recorded, when one was sent under that event id. */
async function sentBefore(
  audit: AuditLog,
  itemId: string,
  eventId: string,
): Promise<SentMessage | undefined> {
  const events = await audit.list({ itemId, types: ['notification.sent'] });
  const event = events.find((e) => e.id === eventId);
  const userId = event?.details?.userId;
  const { activityId, conversationId } = event?.source ?? {};
  if (typeof userId !== 'string' || !activityId || !conversationId) return undefined;
  return { userId, conversationId, activityId };
}
