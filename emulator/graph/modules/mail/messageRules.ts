import type { FixtureMailboxes } from '../../../tenant/fixture';
import type { EmulatedUser } from '../../routing';

type Row = Record<string, unknown>;

const RECIPIENT_ACTIONS = ['forwardTo', 'redirectTo', 'forwardAsAttachmentTo'];

function recipient(address: string): Row {
  return { emailAddress: { name: address, address } };
}

/** Graph's messageRule for a fixture rule: address lists become recipients, folders become ids. */
export function messageRule(rule: FixtureMailboxes['inboxRules'][number], index: number): Row {
  const actions: Row = { stopProcessingRules: false };
  for (const [key, value] of Object.entries(rule.actions)) {
    if (RECIPIENT_ACTIONS.includes(key) && Array.isArray(value))
      actions[key] = value.map((a) => recipient(String(a)));
    else if (key === 'moveToFolder' || key === 'copyToFolder')
      actions[key] = Buffer.from(`folder:${String(value)}`).toString('base64');
    else actions[key] = value;
  }
  return {
    id: Buffer.from(`rule:${rule.alias}:${index}`).toString('base64'),
    displayName: rule.displayName,
    sequence: index + 1,
    isEnabled: rule.isEnabled,
    hasError: false,
    isReadOnly: false,
    conditions: rule.conditions ?? {},
    exceptions: {},
    actions,
  };
}

type FixtureRule = FixtureMailboxes['inboxRules'][number];

/**
 * The rules by owner, rebuilt when tests add or remove rules: a generated tenant of 50,000 users has
 * thousands of rules, and scanning them all for every mailbox made the emulator, not the bot, the
 * benchmark's bottleneck.
 */
const indexes = new WeakMap<FixtureRule[], { length: number; byAlias: Map<string, FixtureRule[]> }>();

function rulesByAlias(rules: FixtureRule[]): Map<string, FixtureRule[]> {
  const known = indexes.get(rules);
  if (known && known.length === rules.length) return known.byAlias;
  const byAlias = new Map<string, FixtureRule[]>();
  for (const r of rules) {
    const key = r.alias.toLowerCase();
    byAlias.set(key, [...(byAlias.get(key) ?? []), r]);
  }
  indexes.set(rules, { length: rules.length, byAlias });
  return byAlias;
}

/** A user's inbox rules, in sequence order. */
export function rulesOf(mailboxes: FixtureMailboxes | undefined, user: EmulatedUser): Row[] {
  const mine = rulesByAlias(mailboxes?.inboxRules ?? []).get(user.alias.toLowerCase()) ?? [];
  return mine.map((r, i) => messageRule(r, i));
}

/** Mailbox settings as Graph answers them for a plain user mailbox. */
export function mailboxSettings(user: EmulatedUser): Row {
  return {
    archiveFolder: Buffer.from(`folder:${user.alias}:Archive`).toString('base64'),
    timeZone: 'UTC',
    dateFormat: 'yyyy-MM-dd',
    timeFormat: 'HH:mm',
    userPurpose: 'user',
    delegateMeetingMessageDeliveryOptions: 'sendToDelegateOnly',
    automaticRepliesSetting: {
      status: 'disabled',
      externalAudience: 'all',
      internalReplyMessage: '',
      externalReplyMessage: '',
      scheduledStartDateTime: { dateTime: '2026-01-01T00:00:00.0000000', timeZone: 'UTC' },
      scheduledEndDateTime: { dateTime: '2026-01-02T00:00:00.0000000', timeZone: 'UTC' },
    },
    language: { locale: 'en-US', displayName: 'English (United States)' },
    workingHours: {
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      startTime: '08:00:00.0000000',
      endTime: '17:00:00.0000000',
      timeZone: { name: 'UTC' },
    },
  };
}
