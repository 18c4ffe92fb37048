import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/render';
import type { Logger } from '../services/logger';
import type { Actor } from './actor';

/** What a user can ask for by typing; later flows attach a handler to their intent. */
export type Intent =
  'requestAccess' | 'myRequests' | 'myAccess' | 'activateRole' | 'reviews' | 'approvals' | 'digest' | 'help';

/** One line of the command table: the intent, the phrases that mean it, and how the help card describes it. */
export interface Command {
  intent: Intent;
  /** Shown on the help card and in the manifest's command list. */
  keyword: string;
  description: string;
  /** The feature, as the help card names it while no flow answers the intent ("… is coming soon"). */
  feature: string;
  /** Other phrases that mean the same, lower case. */
  synonyms: string[];
  /** False: left off the help and welcome cards, since most users would be refused (the digest). */
  onHelpCard?: false;
}

/** The bot's text commands, in the order the help card lists them. */
export const COMMANDS: readonly Command[] = [
  {
    intent: 'requestAccess',
    feature: 'Requesting access',
    keyword: 'request access',
    description: 'Find an access package and ask for it',
    synonyms: ['request', 'get access', 'access packages'],
  },
  {
    intent: 'myRequests',
    feature: 'Following your requests',
    keyword: 'my requests',
    description: 'Follow the requests you made',
    synonyms: [
      'requests',
      'status',
      'request status',
      'cancel',
      'cancel request',
      'cancel my request',
      'withdraw',
    ],
  },
  {
    intent: 'myAccess',
    feature: 'Seeing and extending your access',
    keyword: 'my access',
    description: 'See your access and extend it before it expires',
    synonyms: ['access', 'extend', 'extend access', 'renew', 'what do i have'],
  },
  {
    intent: 'activateRole',
    feature: 'Activating admin roles',
    keyword: 'activate role',
    description: 'Activate an eligible admin role just in time, or list yours (my roles)',
    synonyms: ['activate', 'my roles', 'pim', 'roles', 'elevate'],
  },
  {
    intent: 'reviews',
    feature: 'Completing access reviews',
    keyword: 'reviews',
    description: 'Complete the access reviews assigned to you',
    synonyms: ['my reviews', 'review', 'access reviews'],
  },
  {
    intent: 'approvals',
    feature: 'Deciding approvals',
    keyword: 'approvals',
    description: 'Decide the requests waiting for your approval',
    synonyms: ['approve', 'approval', 'pending', 'my approvals', 'decide'],
  },
  {
    intent: 'digest',
    feature: 'The weekly audit digest',
    keyword: 'digest now',
    description: 'Get the weekly audit digest now (digest recipients only)',
    synonyms: ['digest', 'audit digest'],
    // The digest goes to its recipients only; its own card and the manifest's command list name it.
    onHelpCard: false,
  },
  {
    intent: 'help',
    feature: 'Help',
    keyword: 'help',
    description: 'Show this list',
    // "What can you do?" is the welcome card's own button: typed, it must work too.
    synonyms: [
      '?',
      'hi',
      'hello',
      'hey',
      'start',
      'menu',
      'commands',
      'what can you do',
      'what can you do?',
      'what can i do',
      'what can i do?',
      'how does this work',
      'how does this work?',
    ],
  },
];

/** What a text handler receives. */
export interface MessageInput {
  actor: Actor;
  /** The text after the matched phrase, e.g. "finance" in "request access finance". */
  rest: string;
  context: TurnContext;
  log: Logger;
  /** The actor's SSO token, to act as them; throws SignInRequiredError (answered with a sign-in card). */
  userToken(): Promise<string>;
}

/** Answers a text command with a card. */
export type MessageHandler = (input: MessageInput) => Promise<AdaptiveCard>;

/** Text handlers by intent; an intent without one gets the help card. */
export type MessageTable = Partial<Record<Intent, MessageHandler>>;

/**
 * Commands are a few words (and a search term); a longer text is cut to this many characters before
 * parsing, so a pasted page costs nothing.
 */
export const MAX_COMMAND_CHARS = 1_000;

const PHRASES = COMMANDS.flatMap((c) => [c.keyword, ...c.synonyms].map((p) => ({ p, intent: c.intent })))
  // Longest first: "my requests" before "requests".
  .sort((a, b) => b.p.length - a.p.length);

const LINE_BREAK = /[\n\r\u2028\u2029]/g;
const END_PUNCTUATION = /[\s.!,]/;

function nextLineBreak(text: string, from: number): number {
  LINE_BREAK.lastIndex = from;
  return LINE_BREAK.exec(text)?.index ?? text.length;
}

/**
 * Replaces each Teams mention (`<at>…</at>` on one line, as `/<at>.*?<\/at>/` did) by a space. Written
 * out because that lazy regex rescans the rest of the text from every unclosed `<at>`: quadratic. Here
 * every search only moves forward (the next `</at>` and line break are kept until passed): linear.
 */
function withoutMentions(lower: string): string {
  let out = '';
  let from = 0;
  let close = -1;
  let lineBreak = -1;
  let open = lower.indexOf('<at>');
  while (open >= 0) {
    if (close < open + 4) close = lower.indexOf('</at>', open + 4);
    if (close < 0) break;
    if (lineBreak < open) lineBreak = nextLineBreak(lower, open);
    if (lineBreak < close) {
      // Every `<at>` before this line break would reach the same `</at>` across it: none is a mention.
      open = lower.indexOf('<at>', lineBreak);
      continue;
    }
    out += `${lower.slice(from, open)} `;
    from = close + 5;
    open = lower.indexOf('<at>', from);
  }
  return out + lower.slice(from);
}

/**
 * Lower case, no mention markup, no punctuation at the ends, single spaces. Linear in the text's length;
 * `maxChars` is there for the benchmark, which measures the parser on texts longer than the bot reads.
 */
export function normalise(text: string, maxChars = MAX_COMMAND_CHARS): string {
  const spaced = withoutMentions(text.slice(0, maxChars).toLowerCase()).replace(/\s+/g, ' ');
  let start = 0;
  let end = spaced.length;
  while (start < end && END_PUNCTUATION.test(spaced[start]!)) start += 1;
  while (end > start && END_PUNCTUATION.test(spaced[end - 1]!)) end -= 1;
  return spaced.slice(start, end);
}

/** Finds the intent a text starts with, longest phrase first ("my requests" before "requests"). */
export function matchIntent(text: string): { intent: Intent; rest: string } | undefined {
  const clean = normalise(text);
  for (const { p, intent } of PHRASES) {
    if (clean === p || clean.startsWith(`${p} `)) return { intent, rest: clean.slice(p.length).trim() };
  }
  return undefined;
}
