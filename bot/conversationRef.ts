import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { ConversationRef } from '../services/ports/conversationStore';

/**
 * The reference to keep for proactive messages: the conversation, not the message it came with, so
 * activityId is dropped (a proactive message is not a reply), and plain JSON so services stay botbuilder-free.
 */
export function toStoredRef(activity: Activity): ConversationRef {
  const { activityId: _ignored, ...reference } = TurnContext.getConversationReference(activity);
  return JSON.parse(JSON.stringify(reference)) as ConversationRef;
}

/** Turns a stored reference back into botbuilder's shape. */
export function fromStoredRef(ref: ConversationRef): Partial<ConversationReference> {
  return ref as Partial<ConversationReference>;
}

/** The conversation id inside a stored reference. */
export function conversationIdOf(ref: ConversationRef | undefined): string | undefined {
  const conversation = ref?.conversation as { id?: unknown } | undefined;
  return typeof conversation?.id === 'string' ? conversation.id : undefined;
}
