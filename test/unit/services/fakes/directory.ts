import type { DirectoryGateway, DirectoryUser } from '../../../../services/ports/directory';
import { NotFoundError } from '../../../../services/ports/graphErrors';

/** People of the demo tenant that the tests use, with their managers. */
export const people = {
  patti: { id: 'patti', displayName: 'Patti Fernandez', department: 'Executive Management' },
  lee: { id: 'lee', displayName: 'Lee Gu', department: 'Manufacturing' },
  miriam: { id: 'miriam', displayName: 'Miriam Graham', department: 'Sales & Marketing' },
  megan: { id: 'megan', displayName: 'Megan Bowen', department: 'Marketing' },
  adele: { id: 'adele', displayName: 'Adele Vance', department: 'Retail' },
  nestor: { id: 'nestor', displayName: 'Nestor Wilke', department: 'Operations' },
  sam: { id: 'sam', displayName: 'Sam Taylor', department: 'External' },
};
const managers: Record<string, keyof typeof people> = {
  adele: 'megan',
  megan: 'miriam',
  miriam: 'patti',
  lee: 'patti',
  nestor: 'patti',
};

/** An in-process DirectoryGateway over `people`. */
export class FakeDirectory implements DirectoryGateway {
  readonly groups = new Map<string, string[]>();
  calls = 0;
  async getUser(userId: string): Promise<DirectoryUser> {
    this.calls++;
    const p = (people as Record<string, { id: string; displayName: string; department: string }>)[userId];
    if (!p) throw new NotFoundError(`no user ${userId}`);
    const m = managers[userId];
    const manager = m ? { id: people[m].id, displayName: people[m].displayName } : undefined;
    return { ...p, userPrincipalName: `${p.id}@contoso.com`, manager };
  }
  async getUsers(ids: string[]) {
    const out = new Map<string, DirectoryUser>();
    for (const id of ids) {
      try {
        out.set(id, await this.getUser(id));
      } catch {
        /* absent */
      }
    }
    return out;
  }
  async groupMembers(groupId: string) {
    const ids = this.groups.get(groupId);
    if (!ids) throw new NotFoundError(`no group ${groupId}`);
    return [...(await this.getUsers(ids)).values()];
  }
  /** Holders by role id (tests fill it). */
  readonly roles = new Map<string, string[]>();
  async roleHolders(roleId: string) {
    return [...(await this.getUsers(this.roles.get(roleId) ?? [])).values()];
  }
}
