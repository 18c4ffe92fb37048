import type { TurnContext } from 'botbuilder';
import type { z } from 'zod';
import type { AdaptiveCard } from '../../cards/render';
import type { Verb } from '../../cards/verbs';
import type { Logger } from '../../services/logger';
import type { Actor } from '../actor';

/** What a verb handler receives: the authenticated actor and the card data, already validated. */
export interface InvokeInput<TData> {
  actor: Actor;
  data: TData;
  context: TurnContext;
  log: Logger;
  /** The actor's SSO token, to act as them; throws SignInRequiredError (answered with a sign-in prompt). */
  userToken(): Promise<string>;
}

/** One verb: the zod schema its data must match, and the function that answers with a card. */
export interface VerbHandler<TData = unknown> {
  schema: z.ZodType<TData>;
  handle(input: InvokeInput<TData>): Promise<AdaptiveCard>;
}

/** The one routing table every Action.Execute goes through. */
export type VerbTable = Record<Verb, VerbHandler>;

/** Verbs one flow module contributes; composeVerbTables merges the modules into a VerbTable. */
export type VerbModule = Partial<VerbTable>;

/** Pairs a schema with its handler so the handler's `data` is typed from the schema. */
export function defineHandler<S extends z.ZodType>(
  schema: S,
  handle: (input: InvokeInput<z.output<S>>) => Promise<AdaptiveCard>,
): VerbHandler {
  return { schema, handle } as VerbHandler;
}
