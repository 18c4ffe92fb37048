import type { TenantFixture } from '../graph/routing';
import type { CoreFixture, FixtureGroup, FixtureUser } from './fixture';
import { Prng } from './prng';
import { generateMailboxes } from './generateMailboxes';

/** How big a generated tenant is. */
export interface GenerateOptions {
  /** Users added to the demo tenant's own. */
  users: number;
  /** Groups added to the demo tenant's own (default: users / 25). */
  groups?: number;
  seed?: number;
}

const FIRST = [
  'Ava',
  'Ben',
  'Chloe',
  'Dev',
  'Emma',
  'Femi',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kira',
  'Liam',
  'Maya',
  'Noah',
  'Olga',
  'Pavel',
  'Quinn',
  'Rosa',
  'Sven',
  'Tara',
  'Umar',
  'Vera',
  'Wei',
  'Yara',
  'Zoe',
];
const LAST = [
  'Adams',
  'Brown',
  'Chen',
  'Diaz',
  'Evans',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Moreau',
  'Nowak',
  'Okafor',
  'Patel',
  'Rossi',
  'Silva',
  'Tanaka',
  'Uddin',
];
const DEPARTMENTS = [
  'Sales',
  'Marketing',
  'Finance',
  'HR',
  'Engineering',
  'Operations',
  'Legal',
  'Retail',
  'R&D',
  'IT',
];
const TITLES = ['Analyst', 'Engineer', 'Manager', 'Specialist', 'Coordinator', 'Consultant', 'Director'];

function users(rng: Prng, n: number, managers: string[]): FixtureUser[] {
  const out: FixtureUser[] = [];
  for (let i = 0; i < n; i++) {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const guest = rng.chance(0.03);
    const alias = `${first}${last[0]}${i}`;
    const domain = guest ? 'fabrikam.com' : 'contoso.com';
    const upn = guest
      ? `${first.toLowerCase()}.${last.toLowerCase()}${i}@fabrikam.com`
      : `${alias}@${domain}`;
    // Managers come from earlier users, so the hierarchy has no cycles.
    const pool = [...managers, ...out.slice(0, Math.max(1, out.length >> 3)).map((u) => u.alias)];
    out.push({
      id: rng.uuid(),
      alias,
      displayName: guest ? `${first} ${last} (Fabrikam)` : `${first} ${last}`,
      userPrincipalName: upn,
      mail: upn,
      jobTitle: rng.pick(TITLES),
      department: guest ? 'External' : rng.pick(DEPARTMENTS),
      userType: guest ? 'Guest' : 'Member',
      accountEnabled: !rng.chance(0.02),
      managerAlias: guest ? undefined : rng.pick(pool),
      lastSignInDaysAgo: rng.chance(0.05) ? null : rng.int(200),
    });
  }
  return out;
}

function groups(rng: Prng, n: number, members: FixtureUser[]): FixtureGroup[] {
  return Array.from({ length: n }, (_, i) => {
    const size = 3 + rng.int(40);
    const memberAliases = [...new Set(Array.from({ length: size }, () => rng.pick(members).alias))];
    return {
      id: rng.uuid(),
      displayName: `${rng.pick(DEPARTMENTS)} Project ${i}`,
      mailNickname: `project${i}`,
      isTeam: rng.chance(0.5),
      memberAliases,
      ownerAliases: [memberAliases[0]!],
    };
  });
}

/**
 * A large tenant for benchmarks: the demo tenant (so every governance scenario still resolves) plus
 * `users` generated users with groups, inbox rules, forwarding, delegates and audit gaps. Deterministic:
 * the same options give the same fixture.
 */
export function generateTenant(demo: TenantFixture, opts: GenerateOptions): TenantFixture {
  const rng = new Prng(opts.seed ?? 42);
  const base = structuredClone(demo) as unknown as CoreFixture & Record<string, unknown>;
  const extra = users(
    rng,
    opts.users,
    base.users.filter((u) => u.userType === 'Member').map((u) => u.alias),
  );
  const all = [...base.users, ...extra];
  const extraGroups = groups(
    rng,
    opts.groups ?? Math.ceil(opts.users / 25),
    all.filter((u) => u.userType === 'Member'),
  );
  return {
    ...base,
    users: all,
    groups: [...base.groups, ...extraGroups],
    mailboxes: generateMailboxes(rng, base.mailboxes, extra),
  } as unknown as TenantFixture;
}
