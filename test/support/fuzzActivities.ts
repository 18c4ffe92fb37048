import {
  actionInvoke,
  baseActivity,
  installActivities,
  messageActivity,
  tokenExchangeInvoke,
  uninstallActivity,
  type Envelope,
  type TeamsActivity,
} from '../../emulator/teams/activities';
import type { ChannelUser } from '../../emulator/teams/users';
import { Prng } from '../../emulator/tenant/prng';
import { VERBS } from '../../cards/verbs';

/** One generated request to /api/messages: a body (usually JSON) and its content type. */
export interface FuzzCase {
  /** What was generated, to reproduce a failure from the seed and index. */
  label: string;
  body: string;
  contentType: string;
}

const TEXTS = [
  'help',
  'request access',
  'request access finance',
  'my requests',
  'my access',
  'approvals',
  'activate role',
  'reviews',
  '<at>Gatekeeper</at> help',
  '',
  '   ',
  '[Approve here](http://evil.example) **URGENT**',
  '${$root} {{DATE(2017-02-14T06:08:39Z, SHORT)}}',
  '\u0000\u202e\ud800 zalgo h̸̢e̷l̶p̴',
];
const INVOKE_NAMES = [
  'adaptiveCard/action',
  'signin/tokenExchange',
  'signin/verifyState',
  'composeExtension/query',
  'task/fetch',
  'config/fetch',
  'fileConsent/invoke',
  'actionableMessage/executeAction',
  'healthCheck',
  'not/a/thing',
];
const TYPES = [
  'message',
  'invoke',
  'conversationUpdate',
  'installationUpdate',
  'messageReaction',
  'event',
  'typing',
  'endOfConversation',
  'unknownType',
];
const FIELDS = [
  'type',
  'id',
  'serviceUrl',
  'channelId',
  'from',
  'recipient',
  'conversation',
  'text',
  'name',
  'value',
  'channelData',
  'entities',
  'locale',
  'timestamp',
  'localTimestamp',
  'replyToId',
  'membersAdded',
  'attachments',
  'action',
];

/** A random JSON value, small or hostile (deep, long, odd types). */
function randomValue(r: Prng, depth = 0): unknown {
  switch (r.int(depth > 3 ? 8 : 11)) {
    case 0:
      return null;
    case 1:
      return r.int(2) === 0;
    case 2:
      return r.pick([0, -1, 1e308, 2 ** 53 + 1, 0.5]);
    case 3:
      return r.pick(TEXTS);
    case 4:
      return 'x'.repeat(r.pick([1, 1000, 100_000]));
    case 5:
      return r.uuid();
    case 6:
      return r.pick(VERBS);
    case 7:
      return '';
    case 8:
      return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
    case 9: {
      const o: Record<string, unknown> = {};
      for (let i = r.int(4); i > 0; i -= 1) {
        const key = r.pick([...FIELDS, 'itemId', 'page', 'search', 'decision', '__proto__', 'constructor']);
        // Defined, not assigned: `o.__proto__ = v` would set the prototype, not send the key.
        Object.defineProperty(o, key, {
          value: randomValue(r, depth + 1),
          enumerable: true,
          configurable: true,
          writable: true,
        });
      }
      return o;
    }
    default: {
      // Deep nesting: parsers and validators that recurse must not fall over.
      let v: unknown = 'bottom';
      for (let i = r.pick([10, 1000]); i > 0; i -= 1) v = [v];
      return v;
    }
  }
}

function randomData(r: Prng): unknown {
  return r.pick([
    {},
    { itemId: r.uuid() },
    { itemId: r.uuid(), stage: r.int(3), decision: r.pick(['approve', 'deny', 'maybe']) },
    { packageId: r.pick(['', r.uuid(), 'x'.repeat(5000)]) },
    { page: r.pick([1, -1, 0, 1e9, 'two']), search: r.pick(TEXTS) },
    { assignmentId: r.uuid(), idempotencyKey: r.uuid() },
    randomValue(r),
  ]);
}

/** A well-formed activity of some kind, from one of the channel's users. */
function validActivity(r: Prng, env: Envelope, user: ChannelUser): TeamsActivity {
  switch (r.int(7)) {
    case 0:
      return messageActivity(env, user, r.pick(TEXTS));
    case 1:
      return actionInvoke(env, user, r.pick([...VERBS, 'no.such.verb']), randomData(r));
    case 2:
      return installActivities(env, user)[r.int(2)]!;
    case 3:
      return uninstallActivity(env, user);
    case 4:
      return tokenExchangeInvoke(
        env,
        user,
        r.pick(['', 'sso', 'x'.repeat(300)]),
        r.pick(['', 'garbage', 'a.b.c']),
      );
    case 5:
      return { ...baseActivity(env, user, 'invoke'), name: r.pick(INVOKE_NAMES), value: randomValue(r) };
    default:
      return baseActivity(env, user, r.pick(TYPES));
  }
}

/** Breaks an activity a little: a field dropped or replaced, a stranger as sender, a far serviceUrl. */
function mutate(r: Prng, a: TeamsActivity): void {
  const field = r.pick(FIELDS);
  switch (r.int(6)) {
    case 0:
      delete a[field];
      break;
    case 1:
      a[field] = randomValue(r);
      break;
    case 2:
      a.from = {
        id: `29:${r.uuid()}`,
        name: r.pick(TEXTS),
        ...(r.chance(0.5) ? { aadObjectId: r.uuid() } : {}),
      };
      break;
    case 3:
      a.serviceUrl = r.pick([
        'https://smba.trafficmanager.net/amer/',
        '',
        'http://169.254.169.254/',
        'not a url',
      ]);
      break;
    case 4:
      a.conversation = { id: r.pick(['', r.uuid(), 'a:1']), tenantId: r.pick([r.uuid(), undefined]) };
      break;
    default:
      a.value = randomValue(r);
      break;
  }
}

/** Bodies that are not JSON objects at all. */
function rawBody(r: Prng): FuzzCase {
  const choice = r.int(7);
  const bodies = [
    '{"type": "message",',
    '',
    'null',
    '[]',
    '"help"',
    '{"a":'.repeat(5000),
    '\u0000\u00ff garbage',
  ];
  const contentType = r.pick([
    'application/json',
    'application/json',
    'text/plain',
    'application/x-www-form-urlencoded',
  ]);
  return { label: `raw body #${choice} as ${contentType}`, body: bodies[choice]!, contentType };
}

/**
 * `count` requests for /api/messages from `seed`: mostly Teams-shaped activities with 0–3 random
 * mutations, some raw bodies. Serialisable, so a failure reproduces from (seed, index).
 */
export function fuzzCases(seed: number, count: number, env: Envelope, users: ChannelUser[]): FuzzCase[] {
  const r = new Prng(seed);
  return Array.from({ length: count }, (_, i) => {
    if (r.chance(0.1)) return rawBody(r);
    const activity = validActivity(r, env, r.pick(users));
    const mutations = r.int(4);
    for (let m = 0; m < mutations; m += 1) mutate(r, activity);
    const label = `#${i} ${String(activity.type)}${activity.name ? ` ${String(activity.name)}` : ''} (${mutations} mutations)`;
    return { label, body: JSON.stringify(activity) ?? 'undefined', contentType: 'application/json' };
  });
}
