import type { FixtureMailboxes, FixtureUser } from './fixture';
import type { Prng } from './prng';

const EXTERNAL = ['gmail.com', 'outlook.com', 'protonmail.com', 'yahoo.com'];

/** Mailbox findings for generated members: forwarding rules, SMTP forwarding, delegates, audit gaps. */
export function generateMailboxes(
  rng: Prng,
  base: FixtureMailboxes | undefined,
  people: FixtureUser[],
): FixtureMailboxes {
  const out: FixtureMailboxes = structuredClone(
    base ?? { inboxRules: [], smtpForwarding: [], delegates: [], auditDisabled: [] },
  );
  for (const u of people.filter((p) => p.userType === 'Member')) {
    const home = `${u.alias.toLowerCase()}@${rng.pick(EXTERNAL)}`;
    if (rng.chance(0.05))
      out.inboxRules.push({
        alias: u.alias,
        displayName: 'Forward home',
        isEnabled: rng.chance(0.8),
        actions: { forwardTo: [home] },
      });
    if (rng.chance(0.05))
      out.inboxRules.push({
        alias: u.alias,
        displayName: 'Newsletters',
        isEnabled: true,
        actions: { moveToFolder: 'Newsletters' },
      });
    if (rng.chance(0.01))
      out.smtpForwarding.push({
        alias: u.alias,
        forwardingSmtpAddress: home,
        deliverToMailboxAndForward: rng.chance(0.5),
      });
    if (rng.chance(0.02))
      out.delegates.push({
        mailboxAlias: u.alias,
        delegateAlias: rng.pick(people).alias,
        rights: rng.chance(0.5) ? ['FullAccess'] : ['SendAs'],
      });
    if (rng.chance(0.03)) out.auditDisabled.push(u.alias);
  }
  return out;
}
