import { z } from 'zod';
import type { Intent } from '../commands';
import { helpCard } from '../helpCard';
import { defineHandler, type VerbModule } from './handler';

/** The verbs of the welcome and help cards. */
export function createHelpVerbs(available: ReadonlySet<Intent> = new Set()): VerbModule {
  return {
    'help.show': defineHandler(z.object({}).loose(), async () => helpCard({ available })),
  };
}
