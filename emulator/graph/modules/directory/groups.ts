import type { TenantDirectory } from '../../../tenant/directory';
import { odataCollection, odataEntity } from '../../odata';
import type { EmulatedGroup, GraphRequest, RouteDef } from '../../routing';
import { READ_GROUPS } from './permissions';
import { groupAsDirectoryObject, groupResource, userAsDirectoryObject } from './shapes';
import { notFound } from './users';

const BOTH: RouteDef['versions'] = ['v1.0', 'beta'];

/** Routes for `/groups`, a group, and its members, owners and transitive members. */
export function groupRoutes(dir: TenantDirectory, domain: string): RouteDef[] {
  const find = (id: string): EmulatedGroup => {
    const g = dir.groupById(id);
    if (!g) throw notFound(id);
    return g;
  };
  /** Members of nested groups, each object once (groups count as members too, as in Graph). */
  const transitive = (groupId: string, seen = new Set<string>()): Record<string, unknown>[] => {
    const out: Record<string, unknown>[] = [];
    for (const id of dir.groupMemberIds(groupId)) {
      if (seen.has(id)) continue;
      seen.add(id);
      const user = dir.userById(id);
      const group = user ? undefined : dir.groupById(id);
      if (user) out.push(userAsDirectoryObject(user));
      if (group) out.push(groupAsDirectoryObject(group, domain), ...transitive(group.id, seen));
    }
    return out;
  };
  const objects = (ids: string[]) =>
    ids.flatMap((id) => {
      const user = dir.userById(id);
      const group = user ? undefined : dir.groupById(id);
      return user ? [userAsDirectoryObject(user)] : group ? [groupAsDirectoryObject(group, domain)] : [];
    });
  const list = (req: GraphRequest, rows: Record<string, unknown>[], context: string) =>
    odataCollection(req, rows, { context, directoryObjects: true, defaultPageSize: 100, maxPageSize: 999 });
  return [
    {
      method: 'GET',
      path: '/groups',
      versions: BOTH,
      permissions: READ_GROUPS,
      handler: (req) =>
        list(
          req,
          dir.allGroups().map((g) => groupResource(g, domain)),
          'groups',
        ),
    },
    {
      method: 'GET',
      path: '/groups/:id',
      versions: BOTH,
      permissions: READ_GROUPS,
      handler: (req) => odataEntity(req, groupResource(find(req.params.id!), domain), 'groups'),
    },
    {
      method: 'GET',
      path: '/groups/:id/members',
      versions: BOTH,
      permissions: READ_GROUPS,
      handler: (req) => list(req, objects(dir.groupMemberIds(find(req.params.id!).id)), 'directoryObjects'),
    },
    {
      method: 'GET',
      path: '/groups/:id/owners',
      versions: BOTH,
      permissions: READ_GROUPS,
      handler: (req) => list(req, objects(dir.groupOwnerIds(find(req.params.id!).id)), 'directoryObjects'),
    },
    {
      method: 'GET',
      path: '/groups/:id/transitiveMembers',
      versions: BOTH,
      permissions: READ_GROUPS,
      handler: (req) => list(req, transitive(find(req.params.id!).id), 'directoryObjects'),
    },
  ];
}
