import type { Activity } from 'botbuilder';
import { z } from 'zod';

// What the bot and botbuilder read from an inbound activity, per the Bot Framework Activity spec
// (botframework-sdk specs/botframework-activity): type (A1000), channelId, from.id (A2060),
// recipient.id (A2070), conversation.id (A2080) and serviceUrl (A2300) are required of channels.
// Unknown fields pass through untouched; optional fields may be null, as some channels send them.
const text = z.string().nullish();
const account = z.looseObject({ id: z.string().min(1), name: text, aadObjectId: text });
const optionalAccounts = z.array(account).nullish();

const InboundActivity = z.looseObject({
  type: z.string().min(1),
  id: text,
  serviceUrl: z.string().min(1),
  channelId: z.string().min(1),
  from: account,
  recipient: account,
  conversation: z.looseObject({ id: z.string().min(1), tenantId: text, conversationType: text }),
  name: text,
  text,
  textFormat: text,
  locale: text,
  replyToId: text,
  action: text,
  timestamp: text,
  localTimestamp: text,
  localTimezone: text,
  entities: z.array(z.looseObject({ type: z.string() })).nullish(),
  attachments: z.array(z.looseObject({})).nullish(),
  membersAdded: optionalAccounts,
  membersRemoved: optionalAccounts,
  channelData: z.looseObject({}).nullish(),
});

/** The outcome of reading a request body: a botbuilder Activity, or why it is not one. */
export type ReadActivity = { ok: true; activity: Activity } | { ok: false; reason: string };

/**
 * Checks that a parsed request body is an activity the bot can handle; the reason names the first
 * fields at fault without echoing their values. Timestamps become Dates, as botbuilder's own
 * validateAndFixActivity does on the path this replaces.
 */
export function readActivity(body: unknown): ReadActivity {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, reason: 'The request body must be a JSON object (a Bot Framework activity).' };
  }
  const parsed = InboundActivity.safeParse(body);
  if (!parsed.success) {
    const fields = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || 'activity'}: ${i.message}`)
      .join('; ');
    return { ok: false, reason: `Not a valid activity (${fields}).` };
  }
  const activity = { ...body } as Record<string, unknown>;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return { ok: true, activity: activity as unknown as Activity };
}
