import type { Clock } from '../clock';
import type { DirectoryGateway } from '../ports/directory';

/** A digest recipient: an Entra user. */
export interface Recipient {
  id: string;
  displayName: string;
}

export interface RecipientSettings {
  /** UPNs or object ids. */
  users: readonly string[];
  /** A group whose direct user members are recipients. */
  groupId?: string;
  /** Directory role template ids (e.g. Security Administrator's) whose holders are recipients. */
  roleIds?: readonly string[];
}

/** How long a resolved list is reused: a turn asking "digest now" should not cost Graph calls each time. */
const CACHE_MS = 5 * 60_000;

/**
 * Who gets the digest, resolved app-only from the settings: the users named (by UPN or id), the
 * members of the group and the holders of the roles (active or eligible). Only they may ask for it, open it or download its files.
 */
export class DigestRecipients {
  private cached?: { at: number; list: Recipient[] };

  constructor(
    private readonly deps: { directory: DirectoryGateway; settings: RecipientSettings; clock: Clock },
  ) {}

  /** Everyone who gets the digest now (each once). */
  async resolve(): Promise<Recipient[]> {
    const now = this.deps.clock.now().getTime();
    if (this.cached && now - this.cached.at < CACHE_MS) return this.cached.list;
    const { directory, settings } = this.deps;
    const [named, members, holders] = await Promise.all([
      settings.users.length ? directory.getUsers([...settings.users]) : Promise.resolve(new Map()),
      settings.groupId ? directory.groupMembers(settings.groupId) : Promise.resolve([]),
      Promise.all((settings.roleIds ?? []).map((id) => directory.roleHolders(id))),
    ]);
    const byId = new Map<string, Recipient>();
    for (const u of [...named.values(), ...members, ...holders.flat()])
      byId.set(u.id, { id: u.id, displayName: u.displayName });
    const list = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
    this.cached = { at: now, list };
    return list;
  }

  async isRecipient(userId: string): Promise<boolean> {
    return (await this.resolve()).some((r) => r.id === userId);
  }
}
