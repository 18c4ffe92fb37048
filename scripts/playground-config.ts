/**
 * Writes .m365agentsplayground.yml so Microsoft 365 Agents Playground chats as a demo-tenant user:
 *   npx tsx scripts/playground-config.ts MeganB
 * The Playground reads the file from the folder it starts in, once, at start. Its own default user is
 * not in the demo tenant, so every command that needs Graph would ask to sign in, which it cannot do.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import demoTenant from '../emulator/fixtures/demo-tenant.json';
import type { FixtureUser } from '../emulator/teams/users';

// The Playground refuses a config with fewer than five other users.
const OTHERS = ['AdeleV', 'MeganB', 'LeeG', 'AlexW', 'PattiF', 'MiriamG'];

/** One user as the Playground wants it; `id` is Teams' 29:… id, which the emulated token service keys on. */
function playgroundUser(u: FixtureUser, indent: string): string {
  const [given = u.displayName, ...rest] = u.displayName.split(' ');
  const fields: [string, string][] = [
    ['id', `29:${u.id}`],
    ['name', u.displayName],
    ['userPrincipleName', u.userPrincipalName], // sic: the Playground's spelling
    ['aadObjectId', u.id],
    ['givenName', given],
    ['surname', rest.join(' ')],
    ['email', u.mail ?? u.userPrincipalName],
  ];
  // JSON strings are valid YAML scalars, so every value is quoted safely.
  return fields.map(([k, v], i) => `${i === 0 ? '' : indent}${k}: ${JSON.stringify(v)}`).join('\n');
}

export function playgroundConfig(alias: string): string {
  const users = demoTenant.users as FixtureUser[];
  const me = users.find((u) => u.alias.toLowerCase() === alias.toLowerCase());
  if (!me) {
    throw new Error(`No demo user ${alias}; try one of ${users.map((u) => u.alias).join(', ')}`);
  }
  const others = OTHERS.filter((a) => a !== me.alias).map((a) => users.find((u) => u.alias === a)!);
  return [
    'version: "0.1.1"',
    `tenantId: ${JSON.stringify(demoTenant.tenant.id)}`,
    'bot:',
    '  id: "00000000-0000-0000-0000-00000000000011"',
    '  name: "Gatekeeper"',
    'currentUser:',
    `  ${playgroundUser(me, '  ')}`,
    'users:',
    ...others.map((u) => `  - ${playgroundUser(u, '    ')}`),
    // The Playground replaces these placeholders only in its built-in config: from a file every user
    // would share one literal id, and one person's cards would land in the next person's chat.
    'personalChat:',
    `  id: ${JSON.stringify(`a:playground-${me.id}`)}`,
    'groupChat:',
    `  id: ${JSON.stringify(`19:playground-${me.id}@thread.v2`)}`,
    '  name: "Group Chat"',
    'team:',
    '  id: "team-id"',
    '  name: "My Team"',
    '  aadGroupId: "00000000-0000-0000-0000-000000000031"',
    '  channels:',
    '    - id: "channel-announcements-id"',
    '      name: "Announcements"',
    '',
  ].join('\n');
}

if (require.main === module) {
  const alias = process.argv[2] ?? 'AdeleV';
  const path = join(process.cwd(), '.m365agentsplayground.yml');
  writeFileSync(path, playgroundConfig(alias));
  console.log(`Wrote ${path}: the Playground, started in this folder, chats as ${alias}.`);
}
