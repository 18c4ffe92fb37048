import { createHash } from 'node:crypto';

/** A demo-tenant user as Teams sees them. */
export interface ChannelUser {
  alias: string;
  /** Entra object id (activity.from.aadObjectId). */
  aadObjectId: string;
  /** Teams' own user id, 29:… */
  id: string;
  name: string;
  userPrincipalName: string;
  email: string;
  tenantId: string;
  /** The 1:1 conversation id with the bot: stable per user, as in Teams (a reinstall keeps it). */
  conversationId: string;
  /** The user's own IANA zone, sent in clientInfo; the channel's default when unset. */
  timeZone?: string;
}

/** A user of the tenant fixture, as far as Teams identities need it. */
export interface FixtureUser {
  id: string;
  alias: string;
  displayName: string;
  userPrincipalName: string;
  mail?: string;
}

/** A tenant fixture with users, as in emulator/fixtures/demo-tenant.json. */
export interface ChannelFixture {
  tenant: { id: string };
  users: FixtureUser[];
}

function opaque(prefix: string, seed: string): string {
  return `${prefix}${createHash('sha256').update(seed).digest('base64url').slice(0, 40)}`;
}

/** Maps fixture users to Teams identities, with ids shaped like Teams' (29:…, a:…). */
export function channelUsers(fixture: ChannelFixture): ChannelUser[] {
  return fixture.users.map((u) => ({
    alias: u.alias,
    aadObjectId: u.id,
    id: opaque('29:1', `user:${u.id}`),
    name: u.displayName,
    userPrincipalName: u.userPrincipalName,
    email: u.mail ?? u.userPrincipalName,
    tenantId: fixture.tenant.id,
    conversationId: opaque('a:1', `conversation:${u.id}`),
  }));
}
