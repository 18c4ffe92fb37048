import { odataCollection } from '../../odata';
import type { Permissions, RouteDef } from '../../routing';

/** List domains (Graph docs, "List domains", Permissions): Domain.Read.All or Directory.Read.All. */
const READ_DOMAINS: Permissions = {
  delegated: ['Domain.Read.All', 'Domain.ReadWrite.All', 'Directory.Read.All'],
  application: ['Domain.Read.All', 'Domain.ReadWrite.All', 'Directory.Read.All'],
};

/** `GET /domains`: the tenant's verified domains, the first one its default, as Graph lists them. */
export function domainRoutes(verified: readonly string[]): RouteDef[] {
  const rows = verified.map((id, i) => ({
    id,
    authenticationType: 'Managed',
    isAdminManaged: true,
    isDefault: i === 0,
    isInitial: false,
    isRoot: true,
    isVerified: true,
    supportedServices: ['Email', 'OfficeCommunicationsOnline'],
  }));
  return [
    {
      method: 'GET',
      path: '/domains',
      versions: ['v1.0', 'beta'],
      permissions: READ_DOMAINS,
      handler: (req) => odataCollection(req, rows, { context: 'domains' }),
    },
  ];
}
