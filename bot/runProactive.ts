import type { CloudAdapter, TurnContext } from 'botbuilder';
import { fromStoredRef } from './conversationRef';

/**
 * Runs logic in a proactive turn and returns what it threw (undefined when it succeeded). CloudAdapter
 * hands errors thrown inside a turn to onTurnError instead of rejecting, but a proactive caller (the
 * notifier, a retried side effect) must see the failure to retry it or give up.
 */
export async function runProactive(
  adapter: CloudAdapter,
  appId: string,
  reference: Record<string, unknown>,
  logic: (context: TurnContext) => Promise<void>,
): Promise<unknown> {
  let failure: unknown;
  await adapter.continueConversationAsync(appId, fromStoredRef(reference), async (context) => {
    try {
      await logic(context);
    } catch (err) {
      failure = err ?? new Error('proactive turn failed');
    }
  });
  return failure;
}
