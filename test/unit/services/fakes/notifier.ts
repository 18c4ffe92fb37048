import type { Notification, Notifier, SentMessage } from '../../../../services/ports/notifier';
import { NotReachableError } from '../../../../services/ports/notifier';

/** Records what users were sent and how messages were updated; `unreachable` users throw. */
export class FakeNotifier implements Notifier {
  readonly sent: { userId: string; notification: Notification; message: SentMessage }[] = [];
  readonly updates: { message: SentMessage; notification: Notification }[] = [];
  readonly unreachable = new Set<string>();
  private n = 0;
  async send(userId: string, notification: Notification): Promise<SentMessage> {
    if (this.unreachable.has(userId)) throw new NotReachableError(userId);
    const message = { userId, conversationId: `conv-${userId}`, activityId: `act-${++this.n}` };
    this.sent.push({ userId, notification: structuredClone(notification), message });
    return message;
  }
  async update(message: SentMessage, notification: Notification): Promise<void> {
    this.updates.push({ message, notification: structuredClone(notification) });
  }
  kinds(userId: string): string[] {
    return this.sent.filter((s) => s.userId === userId).map((s) => s.notification.kind);
  }
}
