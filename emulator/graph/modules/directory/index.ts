import type { TenantDirectory } from '../../../tenant/directory';
import type { GraphModule } from '../../routing';
import { domainRoutes } from './domains';
import { groupRoutes } from './groups';
import { roleAssignmentRoutes } from './roleAssignments';
import { userRoutes } from './users';

/** Users, managers, groups, domains and directory role assignments of the emulated directory. */
export function directoryModule(dir: TenantDirectory): GraphModule {
  return {
    name: 'directory',
    routes(ctx) {
      const verified = (ctx.fixture.tenant as { verifiedDomains?: string[] }).verifiedDomains ?? [
        'contoso.com',
      ];
      const domain = verified[0] ?? 'contoso.com';
      return [
        ...userRoutes(dir, domain),
        ...groupRoutes(dir, domain),
        ...domainRoutes(verified),
        ...roleAssignmentRoutes(dir, ctx.roles, domain),
      ];
    },
  };
}
