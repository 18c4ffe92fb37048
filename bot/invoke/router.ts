import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from '../../cards/render';
import { isVerb } from '../../cards/verbs';
import type { Logger } from '../../services/logger';
import { actorOf } from '../actor';
import { errorCardFor, isUserFacingError } from '../errorCard';
import { SignInRequiredError } from '../../services/ports/graphErrors';
import type { SsoTokens } from '../sso/ssoTokens';
import type { VerbTable } from './handler';
import { InvokeError } from './invokeError';

/** The part of an adaptiveCard/action invoke value the router relies on. */
const InvokeValue = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1),
    data: z.unknown().optional(),
  }),
});

/** Wraps a card the way Teams expects an Action.Execute answer. */
export function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card };
}

/** Summarises zod issues by path without echoing values. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || 'data'}: ${i.message}`)
    .join('; ');
}

/**
 * Routes every adaptiveCard/action invoke through the verb table. Bad input (no user, unknown verb, data
 * that fails its schema) and domain errors become an error card in a 200 response: Teams then shows
 * our message in place of the card, where a 4xx would only show its own generic failure text.
 */
export class InvokeRouter {
  constructor(
    private readonly table: VerbTable,
    private readonly sso: SsoTokens,
  ) {}

  /** Answers the invoke with a card; rethrows only unexpected errors (they reach onTurnError). */
  async route(context: TurnContext, log: Logger): Promise<AdaptiveCardInvokeResponse> {
    try {
      return cardResponse(await this.dispatch(context, log));
    } catch (err) {
      if (err instanceof SignInRequiredError) return this.sso.loginRequest(context);
      if (!isUserFacingError(err)) throw err;
      log.warn(
        { code: err.code, status: (err as { status?: number }).status },
        `invoke refused: ${err.message}`,
      );
      return cardResponse(errorCardFor(err, context.activity.id));
    }
  }

  private async dispatch(context: TurnContext, log: Logger): Promise<AdaptiveCard> {
    const actor = actorOf(context.activity);
    const value = InvokeValue.safeParse(context.activity.value);
    if (!value.success) {
      throw new InvokeError(
        400,
        'badRequest',
        `This card action is malformed (${describeIssues(value.error)}).`,
      );
    }
    const { verb, data } = value.data.action;
    if (!isVerb(verb)) {
      throw new InvokeError(
        400,
        'unknownVerb',
        'This button is not supported any more. Type help to start again.',
      );
    }
    const handler = this.table[verb];
    const parsed = handler.schema.safeParse(data ?? {});
    if (!parsed.success) {
      throw new InvokeError(
        400,
        'invalidData',
        `Some of the card's values are not valid: ${describeIssues(parsed.error)}.`,
      );
    }
    const verbLog = log.child({ verb });
    verbLog.info('invoke');
    const userToken = () => this.sso.require(context);
    return handler.handle({ actor, data: parsed.data, context, log: verbLog, userToken });
  }
}
