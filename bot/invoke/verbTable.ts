import { VERBS, type Verb } from '../../cards/verbs';
import type { VerbHandler, VerbModule, VerbTable } from './handler';

/**
 * Merges the verb modules of every flow into the one routing table. Fails at start, not at the first
 * click, when two modules claim the same verb or a verb the cards use has no handler, unless a
 * `fallback` is given for the missing ones (tests that run the bot with only some flows wired).
 */
export function composeVerbTables(modules: VerbModule[], fallback?: VerbHandler): VerbTable {
  const table: Partial<Record<Verb, VerbHandler>> = {};
  for (const module of modules) {
    for (const [verb, handler] of Object.entries(module) as [Verb, VerbHandler | undefined][]) {
      if (!handler) continue;
      if (table[verb]) throw new Error(`Verb ${verb} is handled twice`);
      table[verb] = handler;
    }
  }
  const missing = VERBS.filter((v) => !table[v]);
  if (missing.length > 0 && !fallback) throw new Error(`No handler for verb(s): ${missing.join(', ')}`);
  for (const verb of missing) table[verb] = fallback;
  return table as VerbTable;
}
