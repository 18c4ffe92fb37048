import type { Clock } from '../../services/clock';

/**
 * The contract between the emulator's HTTP core (server, tokens, OData mechanics) and the modules that
 * serve Graph resources (directory, mail, security, entitlement management, PIM, access reviews).
 * A module is plain functions over its own state; the core does auth, errors, paging and $batch.
 */

/** Who is calling, read from the bearer token the way Graph does. */
export interface Caller {
  kind: 'app' | 'user';
  tenantId: string;
  appId: string;
  /** Entra object id of the signed-in user (delegated tokens only). */
  userId?: string;
  /** Delegated permissions (`scp`, split on spaces). */
  scopes: string[];
  /** Application permissions (`roles`). */
  roles: string[];
  /** Authentication methods (`amr`), e.g. ['pwd', 'mfa']. */
  amr: string[];
  /** Authentication context class references satisfied (`acrs`). */
  acrs: string[];
}

export type GraphVersion = 'v1.0' | 'beta';

export interface GraphRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  version: GraphVersion;
  /** Path after the version, without the query string, e.g. /users/123. */
  path: string;
  /** Values of the `:name` segments of the route's path. */
  params: Record<string, string>;
  /** The raw query string parameters ($filter, $top, …). */
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: unknown;
  caller: Caller;
  /**
   * Absolute origin and version the caller used, e.g. `https://localhost:8443/v1.0` (set by the core),
   * for building `@odata.nextLink` and `@odata.context`.
   */
  baseUrl?: string;
}

export interface GraphResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Any handler may throw this; the core turns it into Graph's error body with request-id and date. */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra members of `error`, e.g. { details: [...] }. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'GraphHttpError';
  }
}

/**
 * Which permissions let a caller through: a delegated caller needs one of `delegated` in its scopes, an
 * app-only caller one of `application` in its roles. An empty or missing list means that kind of caller
 * is refused (403), as Graph refuses app-only calls to delegated-only functions.
 */
export interface Permissions {
  delegated?: string[];
  application?: string[];
}

export interface RouteDef {
  method: GraphRequest['method'];
  /** Path with `:name` segments, e.g. '/identityGovernance/entitlementManagement/accessPackages/:id'. */
  path: string;
  /** Defaults to ['v1.0']. */
  versions?: GraphVersion[];
  permissions: Permissions;
  handler(req: GraphRequest): GraphResult | Promise<GraphResult>;
}

/** Read access to the emulated directory, for modules that need users, managers and groups. */
export interface DirectoryView {
  userById(id: string): EmulatedUser | undefined;
  userByAlias(alias: string): EmulatedUser | undefined;
  users(): EmulatedUser[];
  groupById(id: string): EmulatedGroup | undefined;
  groupByName(displayName: string): EmulatedGroup | undefined;
  /** Ids of the group's direct members. */
  groupMemberIds(groupId: string): string[];
  groupOwnerIds(groupId: string): string[];
  /** Adds a member (entitlement delivery); no-op when already a member. */
  addGroupMember(groupId: string, userId: string): void;
  removeGroupMember(groupId: string, userId: string): void;
}

export interface EmulatedUser {
  id: string;
  alias: string;
  displayName: string;
  userPrincipalName: string;
  mail: string;
  jobTitle?: string;
  department?: string;
  userType: 'Member' | 'Guest';
  accountEnabled: boolean;
  managerId?: string;
  /** undefined = never signed in. */
  lastSignInDateTime?: string;
}

export interface EmulatedGroup {
  id: string;
  displayName: string;
  mailNickname: string;
  isTeam: boolean;
}

/** Which directory roles users hold now (permanent assignments and PIM activations). */
export interface DirectoryRoleView {
  /** Role definition (template) ids the principal holds now. */
  activeRoleIds(principalId: string): string[];
  holdsAny(principalId: string, roleDefinitionIds: readonly string[]): boolean;
  /** Adds a source of active roles (PIM adds its activations). */
  addSource(source: (principalId: string, now: Date) => string[]): void;
}

/** What every module is given when the emulator starts. */
export interface ModuleContext {
  clock: Clock;
  directory: DirectoryView;
  /** Directory role assignments: delegated calls to admin APIs need the user's role, not only a scope. */
  roles: DirectoryRoleView;
  /**
   * How long Graph takes to process what it accepted (ms, on the clock): requests are answered first
   * (`submitted`, `Granted`) and approved, delivered or provisioned this long after. 0 when unset.
   */
  processingDelayMs?: () => number;
  /** The demo tenant fixture (or a generated one), as parsed JSON. */
  fixture: TenantFixture;
  newId(): string;
  /**
   * The tenant's directory audit log (`/auditLogs/directoryAudits`): modules record what they do
   * (PIM activations, entitlement grants). Set by the emulator core; optional for unit tests.
   */
  auditLog?: AuditSink;
}

/** One event for `/auditLogs/directoryAudits`; the sink fills id, correlationId and a missing time. */
export interface DirectoryAuditInput {
  category: string;
  activityDisplayName: string;
  result?: 'success' | 'failure' | 'timeout';
  resultReason?: string;
  activityDateTime?: string;
  loggedByService?: string;
  operationType?: string;
  initiatedBy?: {
    user?: { id: string; userPrincipalName?: string; displayName?: string };
    app?: { appId: string; displayName?: string };
  };
  targetResources?: {
    id: string;
    displayName?: string;
    type?: string;
    modifiedProperties?: { displayName: string; oldValue?: string | null; newValue?: string | null }[];
  }[];
  additionalDetails?: { key: string; value: string }[];
}

/** Where modules append directory audit events. */
export interface AuditSink {
  append(event: DirectoryAuditInput): void;
}

/** The demo tenant file's shape, loosely: modules read the parts they own. */
export type TenantFixture = { tenant: { id: string; displayName: string } } & Record<string, unknown>;

export interface GraphModule {
  name: string;
  routes(ctx: ModuleContext): RouteDef[];
}
