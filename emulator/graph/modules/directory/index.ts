import type { TenantDirectory } from '../../../tenant/directory';
import type { GraphModule } from '../../routing';
import { groupRoutes } from './groups';
import { userRoutes } from './users';

/** Users, managers and groups of the emulated directory. */
export function directoryModule(dir: TenantDirectory): GraphModule {
  return {
    name: 'directory',
    routes(ctx) {
      const domain =
        (ctx.fixture.tenant as { verifiedDomains?: string[] }).verifiedDomains?.[0] ?? 'contoso.com';
      return [...userRoutes(dir, domain), ...groupRoutes(dir, domain)];
    },
  };
}
