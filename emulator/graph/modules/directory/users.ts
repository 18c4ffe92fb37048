import type { TenantDirectory } from '../../../tenant/directory';
import { accessDenied } from '../../auth';
import { odataCollection, odataEntity, readExpand, readSelect } from '../../odata';
import { GraphHttpError, type EmulatedUser, type GraphRequest, type RouteDef } from '../../routing';
import { asSeenBy, basicOnly } from './basicProfile';
import { isPermitted } from '../../auth';
import { READ_MANAGER, READ_ME, READ_USERS, SIGN_IN_ACTIVITY } from './permissions';
import { USER_DEFAULT_SELECT, groupAsDirectoryObject, userAsDirectoryObject, userResource } from './shapes';

const BOTH: RouteDef['versions'] = ['v1.0', 'beta'];

/** Graph's 404 for a directory object that does not exist. */
export function notFound(key: string): GraphHttpError {
  return new GraphHttpError(
    404,
    'Request_ResourceNotFound',
    `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

/** signInActivity is returned only when selected, and only with AuditLog.Read.All. */
function wantsSignIn(req: GraphRequest): boolean {
  const wants =
    (readSelect(req) ?? []).includes('signInActivity') ||
    /signInActivity/.test(req.query.get('$filter') ?? '');
  if (!wants) return false;
  const granted = req.caller.kind === 'user' ? req.caller.scopes : req.caller.roles;
  if (!granted.includes(SIGN_IN_ACTIVITY)) throw accessDenied();
  return true;
}

/**
 * Routes for `/users`, `/users/{id | userPrincipalName}`, `/me`, managers and direct reports. A delegated
 * caller with only `User.ReadBasic.All` sees other users' basic profile, and not their manager, reports
 * or memberships (permissions reference: User.ReadBasic.All vs User.Read.All).
 */
export function userRoutes(dir: TenantDirectory, domain: string): RouteDef[] {
  const find = (key: string): EmulatedUser => {
    const user = dir.userByIdOrUpn(key);
    if (!user) throw notFound(key);
    return user;
  };
  const me = (req: GraphRequest): EmulatedUser => find(req.caller.userId ?? '');
  /** `$expand=manager` is the one user navigation Gatekeeper needs; others are refused like Graph. */
  const expandOf = (req: GraphRequest) => {
    const asked = readExpand(req);
    const unknown = asked.find((e) => e !== 'manager');
    if (unknown)
      throw new GraphHttpError(
        400,
        'BadRequest',
        `Could not find a property named '${unknown}' on type 'microsoft.graph.user'.`,
      );
    if (asked.length === 0) return undefined;
    // user-list-manager.md: `$expand=manager` needs what /manager needs, on /me too.
    if (!isPermitted(READ_MANAGER, req.caller)) throw accessDenied();
    return (row: Record<string, unknown>) => {
      const m = dir.userById(String(row.id))?.managerId;
      const manager = m ? dir.userById(m) : undefined;
      return manager ? { manager: userAsDirectoryObject(manager) } : {};
    };
  };
  const one = (req: GraphRequest, u: EmulatedUser) =>
    odataEntity(
      req,
      asSeenBy(req, userResource(u, wantsSignIn(req))),
      'users',
      USER_DEFAULT_SELECT,
      expandOf(req),
    );
  /** Relations of another user (manager, reports, groups) are beyond the basic profile. */
  const related = (req: GraphRequest, u: EmulatedUser) => {
    if (basicOnly(req, u.id)) throw accessDenied();
    return u;
  };
  const manager = (u: EmulatedUser) => {
    const m = u.managerId && dir.userById(u.managerId);
    if (!m) throw notFound('manager');
    return { status: 200, body: userAsDirectoryObject(m) };
  };
  const list = (req: GraphRequest, rows: Record<string, unknown>[], context: string) =>
    odataCollection(
      req,
      rows.map((row) => asSeenBy(req, row)),
      {
        context,
        directoryObjects: true,
        defaultPageSize: 100,
        maxPageSize: 999,
        defaultSelect: USER_DEFAULT_SELECT,
        expand: expandOf(req),
      },
    );
  return [
    {
      method: 'GET',
      path: '/users',
      versions: BOTH,
      permissions: READ_USERS,
      handler: (req) => {
        const withSignIn = wantsSignIn(req);
        return list(
          req,
          dir.users().map((u) => userResource(u, withSignIn)),
          'users',
        );
      },
    },
    {
      method: 'GET',
      path: '/users/:id',
      versions: BOTH,
      permissions: READ_USERS,
      handler: (req) => one(req, find(req.params.id!)),
    },
    { method: 'GET', path: '/me', versions: BOTH, permissions: READ_ME, handler: (req) => one(req, me(req)) },
    {
      method: 'GET',
      path: '/users/:id/manager',
      versions: BOTH,
      permissions: READ_MANAGER,
      handler: (req) => manager(find(req.params.id!)),
    },
    {
      method: 'GET',
      path: '/me/manager',
      versions: BOTH,
      // Delegated only, and User.Read.All at least (user-list-manager.md).
      permissions: { delegated: READ_MANAGER.delegated },
      handler: (req) => manager(me(req)),
    },
    {
      method: 'GET',
      path: '/users/:id/directReports',
      versions: BOTH,
      permissions: READ_USERS,
      handler: (req) => {
        // user-list-directreports.md: User.Read and User.ReadBasic.All suffice (the basic profile of each).
        const rows = dir
          .directReportIds(find(req.params.id!).id)
          .map((id) => userAsDirectoryObject(dir.userById(id)!));
        return list(req, rows, 'directoryObjects');
      },
    },
    {
      method: 'GET',
      path: '/users/:id/memberOf',
      versions: BOTH,
      permissions: READ_USERS,
      handler: (req) => {
        const rows = dir
          .groupsOf(related(req, find(req.params.id!)).id)
          .map((g) => groupAsDirectoryObject(g, domain));
        return odataCollection(req, rows, { context: 'directoryObjects', directoryObjects: true });
      },
    },
  ];
}
