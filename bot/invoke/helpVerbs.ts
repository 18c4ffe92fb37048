import { z } from 'zod';
import { helpCard } from '../helpCard';
import { defineHandler, type VerbModule } from './handler';

/** The verbs of the welcome and help cards. */
export function createHelpVerbs(): VerbModule {
  return {
    'help.show': defineHandler(z.object({}).loose(), async () => helpCard()),
  };
}
