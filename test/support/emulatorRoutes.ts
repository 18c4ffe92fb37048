import { randomUUID } from 'node:crypto';
import { loadDemoFixture } from '../../emulator';
import { DirectoryAuditLog } from '../../emulator/graph/modules/audit/directoryAudits';
import { coreModules, governanceModules } from '../../emulator/graph/modules';
import { TeamsAppCatalog } from '../../emulator/graph/modules/teamwork/teamsAppCatalog';
import { RouteTable } from '../../emulator/graph/routeTable';
import type { GraphVersion, Permissions, RouteDef } from '../../emulator/graph/routing';
import { createDirectory } from '../../emulator/tenant/directory';
import { seedDirectoryRoles } from '../../emulator/tenant/directoryRoles';
import { coreFixture } from '../../emulator/tenant/fixture';
import { systemClock } from '../../services/clock';

/**
 * The Graph emulator's routes, built as emulator/graph/server.ts builds them, to ask which permissions
 * Graph accepts for a call (each route names them from the Graph docs' Permissions section).
 */
export function emulatorRoutes(): (method: RouteDef['method'], path: string) => Permissions | undefined {
  const fixture = loadDemoFixture();
  const f = coreFixture(fixture);
  const clock = systemClock;
  const directory = createDirectory(fixture, clock);
  const auditLog = new DirectoryAuditLog(clock, directory, {
    activations: f.pim?.recentActivations ?? [],
    roles: f.pim?.roles ?? [],
  });
  const teamsApps = new TeamsAppCatalog(fixture, 'a0000000-0000-4000-8000-000000000002');
  const roles = seedDirectoryRoles(clock, (alias) => directory.userByAlias(alias));
  const ctx = { clock, directory, roles, fixture, newId: randomUUID, auditLog };
  const table = new RouteTable();
  for (const m of [...coreModules({ directory, auditLog, teamsApps }), ...governanceModules()])
    table.add(m.routes(ctx));
  return (method, path) => {
    const [, version, ...rest] = path.split('/');
    const match = table.match(method, version as GraphVersion, `/${rest.join('/')}`);
    return match.kind === 'found' ? match.route.permissions : undefined;
  };
}
