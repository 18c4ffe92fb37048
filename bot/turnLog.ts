import type { TurnContext } from 'botbuilder';
import type { Logger } from '../services/logger';

const TURN_LOG = Symbol('gatekeeper.turnLog');

/** Attaches a child logger naming the activity, conversation and user (ids only, never tokens). */
export function attachTurnLog(context: TurnContext, base: Logger, requestId?: string): Logger {
  const a = context.activity;
  const log = base.child({
    requestId,
    activityId: a.id,
    activityType: a.type,
    conversationId: a.conversation?.id,
    userId: a.from?.aadObjectId,
  });
  context.turnState.set(TURN_LOG, log);
  return log;
}

/** The turn's logger; falls back to the given one for turns that did not come through the server. */
export function turnLog(context: TurnContext, fallback: Logger): Logger {
  return (context.turnState.get(TURN_LOG) as Logger | undefined) ?? fallback;
}
