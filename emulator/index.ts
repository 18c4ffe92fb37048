export { startEmulator, loadDemoFixture, type Emulator, type EmulatorOptions } from './graph/server';
export { createDirectory, TenantDirectory } from './tenant/directory';
export { generateTenant, type GenerateOptions } from './tenant/generate';
export { DirectoryRoles, ROLE } from './tenant/directoryRoles';
export { loadDevTls, ensureDevTls, devTlsDir, type DevTls } from './tls/devCa';
export { gatekeeperApp, type RegisteredApp } from './identity/apps';
export type { Knobs, ThrottleSettings, FaultSpec } from './graph/knobs';
export type { RequestLog, LoggedRequest, RequestFilter } from './graph/requestLog';
export {
  GATEKEEPER_APP,
  type TeamsAppCatalog,
  type CatalogApp,
  type UserInstallation,
} from './graph/modules/teamwork/teamsAppCatalog';
