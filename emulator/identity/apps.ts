import { createHash } from 'node:crypto';

/** An app registration the emulated authority knows: its secret and the permissions consented to it. */
export interface RegisteredApp {
  clientId: string;
  clientSecret: string;
  displayName: string;
  /**
   * Object id of the app's service principal in this tenant: the `oid` and `sub` of its app-only tokens
   * (Entra's access token claims reference: for app tokens `oid` is the service principal's object id).
   */
  servicePrincipalId: string;
  /** Application permissions on Microsoft Graph (`roles` of app-only Graph tokens). */
  graphRoles: string[];
  /** Application permissions on Exchange Online (`roles` of app-only Exchange tokens). */
  exchangeRoles: string[];
  /** Delegated Graph permissions consented for users (`scp` of on-behalf-of tokens). */
  delegatedScopes: string[];
}

/** Application permissions Gatekeeper's own registration holds (what its admin consent grants). */
export const GATEKEEPER_GRAPH_ROLES = [
  'User.Read.All',
  'Group.Read.All',
  'GroupMember.Read.All',
  'Directory.Read.All',
  'EntitlementManagement.ReadWrite.All',
  'RoleManagement.ReadWrite.Directory',
  'RoleEligibilitySchedule.ReadWrite.Directory',
  'RoleAssignmentSchedule.ReadWrite.Directory',
  'RoleManagementPolicy.Read.Directory',
  'AccessReview.ReadWrite.All',
  'SecurityEvents.Read.All',
  'MailboxSettings.Read',
  // The digest's verified domains (GET /domains).
  'Domain.Read.All',
  'AuditLog.Read.All',
  'TeamsAppInstallation.ReadWriteSelfForUser.All',
  // Finding the app's catalog id by its manifest id (appCatalogs/teamsApps) needs this one.
  'AppCatalog.Read.All',
];

/** Delegated permissions users consent to (the actions users take as themselves). */
export const GATEKEEPER_DELEGATED_SCOPES = [
  'User.Read',
  'User.ReadBasic.All',
  'EntitlementManagement.ReadWrite.All',
  'RoleManagement.ReadWrite.Directory',
  'RoleEligibilitySchedule.ReadWrite.Directory',
  'RoleAssignmentSchedule.ReadWrite.Directory',
  'RoleManagementPolicy.Read.Directory',
  'AccessReview.ReadWrite.All',
];

/** A stable object id for an app's service principal, distinct from its client id (as in a tenant). */
export function servicePrincipalIdOf(clientId: string): string {
  const h = createHash('sha256').update(`servicePrincipal:${clientId.toLowerCase()}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The "Gatekeeper" registration with its consented permissions. */
export function gatekeeperApp(clientId: string, clientSecret: string): RegisteredApp {
  return {
    clientId,
    clientSecret,
    displayName: 'Gatekeeper',
    servicePrincipalId: servicePrincipalIdOf(clientId),
    graphRoles: [...GATEKEEPER_GRAPH_ROLES],
    exchangeRoles: ['Exchange.ManageAsApp'],
    delegatedScopes: [...GATEKEEPER_DELEGATED_SCOPES],
  };
}

/** An app to register; its service principal gets an object id of its own when none is given. */
export type AppRegistration = Omit<RegisteredApp, 'servicePrincipalId'> & { servicePrincipalId?: string };

/** The apps registered in the emulated tenant, by client id. */
export class AppRegistry {
  private readonly apps = new Map<string, RegisteredApp>();
  constructor(apps: AppRegistration[] = []) {
    for (const app of apps) this.register(app);
  }
  /** Adds or replaces an app (tests register apps with fewer permissions). */
  register(app: AppRegistration): void {
    const servicePrincipalId = app.servicePrincipalId ?? servicePrincipalIdOf(app.clientId);
    this.apps.set(app.clientId.toLowerCase(), { ...app, servicePrincipalId });
  }
  get(clientId: string): RegisteredApp | undefined {
    return this.apps.get(clientId.toLowerCase());
  }
}
