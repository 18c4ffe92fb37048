import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/render';
import type { Logger } from '../services/logger';
import type { Actor } from './actor';

/** What a user can ask for by typing; later flows attach a handler to their intent. */
export type Intent =
  'requestAccess' | 'myRequests' | 'myAccess' | 'activateRole' | 'reviews' | 'approvals' | 'help';

/** One line of the command table: the intent, the phrases that mean it, and how the help card describes it. */
export interface Command {
  intent: Intent;
  /** Shown on the help card and in the manifest's command list. */
  keyword: string;
  description: string;
  /** Other phrases that mean the same, lower case. */
  synonyms: string[];
}

/** The bot's text commands, in the order the help card lists them. */
export const COMMANDS: readonly Command[] = [
  {
    intent: 'requestAccess',
    keyword: 'request access',
    description: 'Find an access package and ask for it',
    synonyms: ['request', 'get access', 'access packages'],
  },
  {
    intent: 'myRequests',
    keyword: 'my requests',
    description: 'Follow the requests you made',
    synonyms: ['requests', 'status'],
  },
  {
    intent: 'myAccess',
    keyword: 'my access',
    description: 'See your access and extend it before it expires',
    synonyms: ['access', 'extend'],
  },
  {
    intent: 'activateRole',
    keyword: 'activate role',
    description: 'Activate an eligible admin role just in time',
    synonyms: ['activate', 'pim', 'roles', 'elevate'],
  },
  {
    intent: 'reviews',
    keyword: 'reviews',
    description: 'Complete the access reviews assigned to you',
    synonyms: ['review', 'access reviews'],
  },
  {
    intent: 'approvals',
    keyword: 'approvals',
    description: 'Decide the requests waiting for your approval',
    synonyms: ['approve', 'approval', 'pending'],
  },
  {
    intent: 'help',
    keyword: 'help',
    description: 'Show this list',
    synonyms: ['?', 'hi', 'hello', 'start', 'menu'],
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

/** Lower case, no mention markup, no punctuation at the ends, single spaces. */
export function normalise(text: string): string {
  return text
    .replace(/<at>.*?<\/at>/gi, ' ')
    .toLowerCase()
    .replace(/^[\s.!,]+|[\s.!,]+$/g, '')
    .replace(/\s+/g, ' ');
}

/** Finds the intent a text starts with, longest phrase first ("my requests" before "requests"). */
export function matchIntent(text: string): { intent: Intent; rest: string } | undefined {
  const clean = normalise(text);
  const phrases = COMMANDS.flatMap((c) => [c.keyword, ...c.synonyms].map((p) => ({ p, intent: c.intent })));
  phrases.sort((a, b) => b.p.length - a.p.length);
  for (const { p, intent } of phrases) {
    if (clean === p || clean.startsWith(`${p} `)) return { intent, rest: clean.slice(p.length).trim() };
  }
  return undefined;
}
