import { odataCollection } from '../../odata';
import type { GraphModule, Permissions, RouteDef } from '../../routing';
import type { DirectoryAuditLog } from './directoryAudits';
import { signIns } from './signIns';

const READ: Permissions = { delegated: ['AuditLog.Read.All'], application: ['AuditLog.Read.All'] };
const BOTH: RouteDef['versions'] = ['v1.0', 'beta'];

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
          handler: (req) =>
            odataCollection(req, signIns(ctx.directory), {
              context: 'auditLogs/signIns',
              maxPageSize: 1000,
              defaultPageSize: 1000,
            }),
        },
        {
          method: 'GET',
          path: '/auditLogs/directoryAudits',
          versions: BOTH,
          permissions: READ,
          handler: (req) =>
            odataCollection(req, log.events(), {
              context: 'auditLogs/directoryAudits',
              maxPageSize: 1000,
              defaultPageSize: 1000,
            }),
        },
      ];
    },
  };
}
