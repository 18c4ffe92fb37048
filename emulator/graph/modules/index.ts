import type { TenantDirectory } from '../../tenant/directory';
import type { GraphModule } from '../routing';
import { auditModule } from './audit';
import type { DirectoryAuditLog } from './audit/directoryAudits';
import { directoryModule } from './directory';
import { entitlementModule } from './entitlement';
import { mailModule } from './mail';
import { pimModule } from './pim';
import { reviewsModule } from './reviews';
import { securityModule } from './security';
import { teamworkModule } from './teamwork';
import type { TeamsAppCatalog } from './teamwork/teamsAppCatalog';

/** The modules the core owns: directory, mail, security, audit logs and Teams apps. */
export function coreModules(deps: {
  directory: TenantDirectory;
  auditLog: DirectoryAuditLog;
  teamsApps: TeamsAppCatalog;
}): GraphModule[] {
  return [
    directoryModule(deps.directory),
    mailModule(deps.directory),
    securityModule,
    auditModule(deps.auditLog),
    teamworkModule(deps.teamsApps, deps.directory),
  ];
}

/** Identity governance: entitlement management, PIM and access reviews. */
export function governanceModules(): GraphModule[] {
  return [entitlementModule, pimModule, reviewsModule];
}
