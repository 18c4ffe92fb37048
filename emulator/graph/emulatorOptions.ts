import demoTenant from '../fixtures/demo-tenant.json';
import type { Clock } from '../../services/clock';
import type { Logger } from '../../services/logger';
import type { AppRegistration } from '../identity/apps';
import type { BotFrameworkChannelIdentity } from '../identity/botFrameworkChannel';
import type { TokenIssuer, UserAssertionOptions } from '../identity/tokenIssuer';
import type { UserTokenStore } from '../identity/userTokenStore';
import type { TenantDirectory } from '../tenant/directory';
import type { DirectoryRoles } from '../tenant/directoryRoles';
import type { DevTls } from '../tls/devCa';
import type { Knobs } from './knobs';
import type { DirectoryAuditLog } from './modules/audit/directoryAudits';
import type { TeamsAppCatalog } from './modules/teamwork/teamsAppCatalog';
import type { RequestLog } from './requestLog';
import type { GraphModule, TenantFixture } from './routing';

/** How to start the emulator; everything has a demo default. */
export interface EmulatorOptions {
  fixture?: TenantFixture;
  clock?: Clock;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Graph modules besides the core ones; defaults to the governance modules. */
  modules?: GraphModule[];
  logger?: Logger;
  /** The Gatekeeper app registration's client id and secret. */
  clientId?: string;
  clientSecret?: string;
  /** The app Teams SSO tokens are issued to (default: clientId). */
  botAppId?: string;
  tls?: DevTls;
}

/** A running emulator and its controls. */
export interface Emulator {
  /** https://localhost:PORT — Graph base, authority host, token service and Exchange admin API. */
  url: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
  knobs: Knobs;
  requestLog: RequestLog;
  directory: TenantDirectory;
  /** Directory role assignments (Isaiah Langer is Identity Governance Administrator); tests add more. */
  roles: DirectoryRoles;
  auditLog: DirectoryAuditLog;
  /** The Teams app catalog and users' installed apps; `onInstalled` hears of installs (to play Teams). */
  teamsApps: TeamsAppCatalog;
  tokens: {
    /** A Teams-SSO-style user token for the bot's app, as Teams hands it over (not stored anywhere). */
    userAssertion(aliasOrId: string, opts?: UserAssertionOptions): string;
    /**
     * The user signs in for the bot's OAuth connection, as at the sign-in page: the token service then
     * holds a token for them (returned). Nobody is signed in until this, a sign-in or an SSO exchange.
     */
    signIn(aliasOrId: string, connectionName: string, opts?: UserAssertionOptions): string;
    /** The user signs out (of one connection, or all): GetToken answers 404 until they sign in again. */
    signOut(aliasOrId: string, connectionName?: string): void;
    /** What the token service holds. */
    userTokens: UserTokenStore;
    /** Registers (or replaces) an app, e.g. one with fewer permissions. */
    registerApp(app: AppRegistration): void;
    issuer: TokenIssuer;
    /** The Bot Framework channel's signing identity (channel JWTs, its OpenID metadata and keys). */
    botFramework: BotFrameworkChannelIdentity;
  };
}

/** The demo tenant fixture shipped with the emulator: a fresh copy, so no run sees another's changes. */
export function loadDemoFixture(): TenantFixture {
  // Imported (not read from disk) so tsc emits it next to the build output.
  return structuredClone(demoTenant) as unknown as TenantFixture;
}
