import type { DirectoryGateway, DirectoryUser } from '../../ports/directory';
import { NotFoundError } from '../../ports/graphErrors';
import type { GraphClientFactory } from './clientFactory';
import { str, type Json } from './json';
import { literal, seg, withQuery } from './odata';

const SELECT =
  'id,displayName,userPrincipalName,mail,jobTitle,department,userType,accountEnabled,signInActivity';
const MEMBER_SELECT = 'id,displayName,userPrincipalName,mail,jobTitle,department,userType,accountEnabled';

/** Maps a Graph user (`signInActivity` selected) and their manager, if any, to the domain. */
export function toUser(u: Json, manager?: Json): DirectoryUser {
  const signIn = (u.signInActivity ?? {}) as Json;
  return {
    id: String(u.id),
    displayName: String(u.displayName ?? ''),
    userPrincipalName: String(u.userPrincipalName ?? ''),
    mail: str(u.mail),
    jobTitle: str(u.jobTitle),
    department: str(u.department),
    userType: u.userType === 'Guest' ? 'Guest' : u.userType === 'Member' ? 'Member' : undefined,
    accountEnabled: typeof u.accountEnabled === 'boolean' ? u.accountEnabled : undefined,
    manager: manager?.id
      ? { id: String(manager.id), displayName: String(manager.displayName ?? '') }
      : undefined,
    lastSignInDateTime: str(signIn.lastSignInDateTime) ?? str(signIn.lastSuccessfulSignInDateTime),
  };
}

/** Users and groups over Microsoft Graph, app-only. */
export class GraphDirectoryGateway implements DirectoryGateway {
  constructor(private readonly graph: GraphClientFactory) {}

  async getUser(userId: string): Promise<DirectoryUser> {
    const user = (await this.getUsers([userId])).get(userId);
    if (!user) throw new NotFoundError(`User ${userId} does not exist`, 'Request_ResourceNotFound');
    return user;
  }

  async getUsers(userIds: string[]): Promise<Map<string, DirectoryUser>> {
    // User and manager travel in the same $batch: one round trip, and a missing manager is a plain 404.
    const keys = [...new Set(userIds)].flatMap((id) => [`user:${id}`, `manager:${id}`]);
    const found = await this.graph.app().batchEach(
      'get users',
      keys,
      (key) => {
        const [kind, id] = split(key);
        const path = kind === 'user' ? `/users/${seg(id)}` : `/users/${seg(id)}/manager`;
        return {
          method: 'GET',
          url: withQuery(path, { $select: kind === 'user' ? SELECT : 'id,displayName' }),
        };
      },
      (body) => body as Json,
    );
    const out = new Map<string, DirectoryUser>();
    for (const id of userIds) {
      const user = found.get(`user:${id}`);
      if (user) out.set(id, toUser(user, found.get(`manager:${id}`)));
    }
    return out;
  }

  async groupMembers(groupId: string): Promise<DirectoryUser[]> {
    const path = withQuery(`/groups/${seg(groupId)}/members`, { $select: MEMBER_SELECT, $top: 999 });
    const members = await this.graph.app().getAll<Json>('group members', path);
    // Members may be users, groups, devices or service principals; only users matter here.
    return members
      .filter((m) => !m['@odata.type'] || m['@odata.type'] === '#microsoft.graph.user')
      .map((m) => toUser(m));
  }

  async roleHolders(roleDefinitionId: string): Promise<DirectoryUser[]> {
    // Both lists take RoleManagement.Read.Directory (rbacapplication-list-roleassignments and
    // rbacapplication-list-roleeligibilityschedules, Permissions). Eligible holders count: with PIM, an
    // admin is only active for hours, and a weekly list must not depend on who happened to be active.
    const query = { $filter: `roleDefinitionId eq ${literal(roleDefinitionId)}`, $expand: 'principal' };
    const app = this.graph.app();
    const lists = await Promise.all(
      ['roleAssignments', 'roleEligibilitySchedules'].map((name) =>
        app.getAll<Json>('role holders', withQuery(`/roleManagement/directory/${name}`, query)),
      ),
    );
    const principals = lists.flat().flatMap((a) => (a.principal ? [a.principal as Json] : []));
    const groups = principals.filter((p) => p['@odata.type'] === '#microsoft.graph.group');
    // Role-assignable groups cannot be nested: their direct members are the holders.
    const members = await Promise.all(groups.map((g) => this.groupMembers(String(g.id))));
    const users = principals
      .filter((p) => p['@odata.type'] === '#microsoft.graph.user')
      .map((p) => toUser(p));
    const byId = new Map<string, DirectoryUser>();
    for (const u of [...users, ...members.flat()]) byId.set(u.id, u);
    return [...byId.values()];
  }
}

function split(key: string): [string, string] {
  const i = key.indexOf(':');
  return [key.slice(0, i), key.slice(i + 1)];
}
