import type { GraphRequest } from '../../routing';

/** The properties `User.ReadBasic.All` reads of other users (permissions reference; `photo` not emulated). */
export const BASIC_PROFILE = ['id', 'displayName', 'givenName', 'mail', 'surname', 'userPrincipalName'];

/** Permissions that read every user's full profile (delegated). */
const FULL_PROFILE = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];

/**
 * Whether a delegated caller sees only other users' basic profile: their token carries
 * `User.ReadBasic.All` but nothing that reads full profiles. Their own profile stays whole (User.Read).
 */
export function basicOnly(req: GraphRequest, userId?: string): boolean {
  if (req.caller.kind !== 'user') return false;
  if (userId !== undefined && userId === req.caller.userId) return false;
  return !FULL_PROFILE.some((p) => req.caller.scopes.includes(p));
}

type Row = Record<string, unknown>;

/** A user row as this caller may read it: the basic profile only, unless it is their own or they read all. */
export function asSeenBy(req: GraphRequest, row: Row): Row {
  if (!basicOnly(req, String(row.id))) return row;
  return Object.fromEntries(
    Object.entries(row).filter(([k]) => k.startsWith('@odata.') || BASIC_PROFILE.includes(k)),
  );
}
