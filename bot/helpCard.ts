import { renderHelpCard } from '../cards/help';
import type { AdaptiveCard } from '../cards/render';
import { COMMANDS } from './commands';

/** The help card built from the command table, so it always lists what the bot understands. */
export function helpCard(unknownText?: string): AdaptiveCard {
  const commands = COMMANDS.map(({ keyword, description }) => ({ keyword, description }));
  return renderHelpCard({ commands, unknownText: unknownText?.slice(0, 200) });
}
