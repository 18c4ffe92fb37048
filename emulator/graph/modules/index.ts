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

/** The modules the core owns: directory, mail, security and audit logs. */
export function coreModules(deps: {
  directory: TenantDirectory;
  auditLog: DirectoryAuditLog;
}): GraphModule[] {
  return [
    directoryModule(deps.directory),
    mailModule(deps.directory),
    securityModule,
    auditModule(deps.auditLog),
  ];
}

/** Identity governance: entitlement management, PIM and access reviews. */
export function governanceModules(): GraphModule[] {
  return [entitlementModule, pimModule, reviewsModule];
}
