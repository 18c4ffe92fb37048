import { ROLE } from '../../../tenant/directoryRoles';
import { accessDenied } from '../../auth';
import { odataCollection } from '../../odata';
import type { GraphModule, GraphRequest, ModuleContext, Permissions, RouteDef } from '../../routing';
import type { DirectoryAuditLog } from './directoryAudits';
import { signIns } from './signIns';

const READ: Permissions = { delegated: ['AuditLog.Read.All'], application: ['AuditLog.Read.All'] };
const BOTH: RouteDef['versions'] = ['v1.0', 'beta'];

/**
 * Roles that read the audit and sign-in logs. In delegated calls the signed-in user must hold one, besides
 * the scope (directoryaudit-list.md, include rbac-directoryaudit-apis: Reports Reader, Security Reader,
 * Security Administrator; signin-list.md adds Global Administrator, Global Reader, Security Operator).
 */
const LOG_READERS = [
  ROLE.globalAdministrator,
  ROLE.globalReader,
  ROLE.reportsReader,
  ROLE.securityAdministrator,
  ROLE.securityOperator,
  ROLE.securityReader,
];

/** 403 to a signed-in user without a log reader role (u: Graph's code for this refusal is not documented). */
function requireLogReader(req: GraphRequest, ctx: ModuleContext): void {
  if (req.caller.kind === 'app') return;
  if (!req.caller.userId || !ctx.roles.holdsAny(req.caller.userId, LOG_READERS)) throw accessDenied();
}

/** `/auditLogs/signIns` and `/auditLogs/directoryAudits` (newest first, `$filter`, `$top` ≤ 1000). */
export function auditModule(log: DirectoryAuditLog): GraphModule {
  return {
    name: 'audit',
    routes(ctx) {
      return [
        {
          method: 'GET',
          path: '/auditLogs/signIns',
          versions: BOTH,
          permissions: READ,
          handler: (req) => {
            requireLogReader(req, ctx);
            return odataCollection(req, signIns(ctx.directory), {
              context: 'auditLogs/signIns',
              maxPageSize: 1000,
              defaultPageSize: 1000,
            });
          },
        },
        {
          method: 'GET',
          path: '/auditLogs/directoryAudits',
          versions: BOTH,
          permissions: READ,
          handler: (req) => {
            requireLogReader(req, ctx);
            return odataCollection(req, log.events(), {
              context: 'auditLogs/directoryAudits',
              maxPageSize: 1000,
              defaultPageSize: 1000,
            });
          },
        },
      ];
    },
  };
}
