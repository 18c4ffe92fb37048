import { renderHelpCard } from '../cards/help';
import type { AdaptiveCard } from '../cards/render';
import { COMMANDS, type Intent } from './commands';

/** What the help card needs to know besides the command table. */
export interface HelpCardOptions {
  /** Intents a flow answers; the others are listed as coming soon, with no button. */
  available: ReadonlySet<Intent>;
  /** Text the bot did not understand, echoed back. */
  unknownText?: string;
  /** A known command no flow answers yet: the card says plainly that it is coming. */
  asked?: Intent;
}

/** The commands the help and welcome cards offer. */
const LISTED = COMMANDS.filter((c) => c.onHelpCard !== false);

/**
 * The help card built from the command table and the flows that answer it, so it only offers what
 * works: a flow that adds a handler for an intent (PIM's `activateRole`, `reviews`) switches its
 * button on, with no change here.
 */
export function helpCard(opts: HelpCardOptions): AdaptiveCard {
  const works = (intent: Intent) => intent === 'help' || opts.available.has(intent);
  const asked = opts.asked && COMMANDS.find((c) => c.intent === opts.asked);
  return renderHelpCard({
    commands: LISTED.filter((c) => c.intent !== 'help' && works(c.intent)).map(
      ({ keyword, description }) => ({ keyword, description }),
    ),
    comingSoon: LISTED.filter((c) => !works(c.intent)).map(({ keyword, description }) => ({
      keyword,
      description,
    })),
    unknownText: opts.unknownText?.slice(0, 200),
    notice: asked ? `${asked.feature} is not available in Teams yet: it is coming soon.` : undefined,
  });
}

/** The welcome card's part: what works (as buttons) and what is coming, from the same table. */
export function welcomeCommands(available: ReadonlySet<Intent>) {
  const works = LISTED.filter((c) => c.intent !== 'help' && available.has(c.intent));
  return {
    commands: works.map(({ keyword, description }) => ({ keyword, description })),
    comingSoon: LISTED.filter((c) => c.intent !== 'help' && !available.has(c.intent)).map((c) => c.feature),
  };
}

/** The intents a message table answers. */
export function availableIntents(messages: Partial<Record<Intent, unknown>>): ReadonlySet<Intent> {
  return new Set(Object.keys(messages) as Intent[]);
}
