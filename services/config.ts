import { z } from 'zod';
import { WeeklySchedule } from './digest/weeklySchedule';

/**
 * Every setting Gatekeeper reads, parsed once at start. Nothing else reads process.env.
 * No MicrosoftAppId means demo mode: loopback only, Graph emulator and in-memory store.
 */
const csvNumbers = z
  .string()
  .regex(/^\d+(,\d+)*$/, 'expected comma-separated whole numbers, e.g. "7,1"')
  .transform((s) => s.split(',').map(Number));

const url = z.url({ protocol: /^https?$/ });

/**
 * Hours after which approvers of a PIM activation who have not decided are reminded: "1,4", or "off".
 * Entra gives them 24 hours, fixed (approvalStageTimeOutInDays: 1), so each must be under 24.
 */
const reminderHours = z.string().transform((s, ctx): number[] => {
  if (s.toLowerCase() === 'off') return [];
  const hours = /^\d+(,\d+)*$/.test(s) ? s.split(',').map(Number) : [];
  const problem = !hours.length
    ? 'expected "off" or comma-separated whole hours, e.g. "1,4"'
    : hours.some((h) => h < 1 || h > 23)
      ? 'each hour must be 1 to 23 (approvers have 24 hours)'
      : undefined;
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
  return [...new Set(hours)].sort((a, b) => a - b);
});

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  HOST: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  MicrosoftAppId: z.guid().optional(),
  MicrosoftAppPassword: z.string().min(1).optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  MicrosoftAppTenantId: z.guid().optional(),
  OAuthUrl: url.optional(),
  // Bot Framework endpoints (botbuilder's own names): unset means Microsoft's public cloud.
  ToBotFromChannelOpenIdMetadataUrl: url.optional(),
  ToBotFromChannelTokenIssuer: z.string().min(1).optional(),
  ToBotFromEmulatorOpenIdMetadataUrl: url.optional(),
  ToChannelFromBotLoginUrl: url.optional(),
  ToChannelFromBotOAuthScope: z.string().min(1).optional(),
  ValidateAuthority: z.enum(['true', 'false']).optional(),
  SSO_CONNECTION_NAME: z.string().min(1).default('graph'),
  STEP_UP_CONNECTION_NAME: z.string().min(1).optional(),
  TEAMS_APP_ID: z.guid().optional(),

  GRAPH_BASE_URL: url.default('https://graph.microsoft.com'),
  AUTHORITY_HOST: url.default('https://login.microsoftonline.com'),
  EXCHANGE_BASE_URL: url.default('https://outlook.office365.com'),
  AZURE_CLIENT_CERTIFICATE_PATH: z.string().min(1).optional(),
  AZURE_USE_MANAGED_IDENTITY: z.enum(['true', 'false']).default('false'),

  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'expected a mongodb:// or mongodb+srv:// URI')
    .optional(),
  MONGODB_DB: z.string().min(1).default('gatekeeper'),

  EXPIRY_WARNING_DAYS: csvNumbers.default([7, 1]),
  APPROVAL_RECONCILE_MINUTES: z.coerce.number().int().min(1).max(1440).default(5),
  PIM_APPROVAL_REMINDER_HOURS: reminderHours.default([1, 4]),
  REVIEW_REMINDER_DAYS: csvNumbers.default([3, 1]),
  REVIEW_POLL_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  DEMO_EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(3979),

  DIGEST_SCHEDULE: z.string().default('0 8 * * MON'),
  DIGEST_TIME_ZONE: z.string().default('UTC'),
  DIGEST_RECIPIENTS: z.string().optional(),
  DIGEST_RECIPIENT_GROUP: z.guid().optional(),
  DIGEST_RECIPIENT_ROLES: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.guid('a directory role template id (e.g. 194ae4cb-b126-40b2-bd5b-6091b380977d)'))),
  DIGEST_LINK_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  PUBLIC_URL: url.optional(),
});

/** Settings that depend on each other; checked on the raw values so they are reported with all others. */
function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const sso = env.SSO_CONNECTION_NAME ?? 'graph';
  const stepUp = env.STEP_UP_CONNECTION_NAME?.toLowerCase() === sso.toLowerCase();
  const shared = stepUp
    ? ['STEP_UP_CONNECTION_NAME: must name a second OAuth connection, not the SSO one']
    : [];
  const schedule = digestScheduleProblem(env.DIGEST_SCHEDULE, env.DIGEST_TIME_ZONE);
  if (!env.MicrosoftAppId) return [...schedule, ...shared];
  const appType = env.MicrosoftAppType ?? 'SingleTenant';
  const problems: string[] = [...shared];
  if (appType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
    problems.push('MicrosoftAppPassword: required when MicrosoftAppId is set');
  }
  // Even a multi-tenant bot reads and writes Graph in one home tenant, so the id is always needed.
  if (!env.MicrosoftAppTenantId) {
    problems.push(
      `MicrosoftAppTenantId: required when MicrosoftAppId is set (the tenant Graph is called in)`,
    );
  }
  if (!env.MONGODB_URI) problems.push('MONGODB_URI: required outside demo mode');
  // Replicas must sign and check CSV links with one key; a per-process random one would not do.
  if (
    (env.DIGEST_RECIPIENTS || env.DIGEST_RECIPIENT_GROUP || env.DIGEST_RECIPIENT_ROLES) &&
    !env.DIGEST_LINK_SECRET
  )
    problems.push('DIGEST_LINK_SECRET: required when digest recipients are set (signs the CSV links)');
  return [...schedule, ...problems];
}

function digestScheduleProblem(expression = '0 8 * * MON', timeZone = 'UTC'): string[] {
  try {
    new WeeklySchedule(expression, timeZone);
    return [];
  } catch (err) {
    return [`DIGEST_SCHEDULE / DIGEST_TIME_ZONE: ${err instanceof Error ? err.message : String(err)}`];
  }
}

export type Env = z.infer<typeof EnvSchema>;

/** Where the bot validates inbound channel JWTs and gets its outbound token; only the ones set. */
export interface BotFrameworkEndpoints {
  readonly ToBotFromChannelOpenIdMetadataUrl?: string;
  readonly ToBotFromChannelTokenIssuer?: string;
  readonly ToBotFromEmulatorOpenIdMetadataUrl?: string;
  readonly ToChannelFromBotLoginUrl?: string;
  readonly ToChannelFromBotOAuthScope?: string;
  readonly ValidateAuthority?: boolean;
}

export interface Config {
  readonly mode: 'demo' | 'production';
  readonly host: string;
  readonly port: number;
  readonly logLevel: Env['LOG_LEVEL'];
  readonly bot: {
    readonly appId?: string;
    readonly appPassword?: string;
    readonly appType: Env['MicrosoftAppType'];
    readonly tenantId?: string;
    readonly oauthUrl?: string;
    readonly ssoConnectionName: string;
    /**
     * The OAuth connection whose sign-in Conditional Access protects with MFA (or an authentication
     * context): PIM activations that need MFA ask for it in chat. Unset: they are sent to the portal.
     */
    readonly stepUpConnectionName?: string;
    /**
     * The Teams app's id (manifest `id`): the bot installs that app for users it cannot reach yet.
     * Unset: cards to people who never opened the bot are not delivered.
     */
    readonly teamsAppId?: string;
    /** Bot Framework endpoints a deployment (or a test) overrides; empty means the public cloud. */
    readonly endpoints: BotFrameworkEndpoints;
  };
  readonly graph: {
    readonly baseUrl: string;
    readonly authorityHost: string;
    readonly exchangeBaseUrl: string;
    readonly certificatePath?: string;
    readonly useManagedIdentity: boolean;
  };
  readonly mongo?: { readonly uri: string; readonly dbName: string };
  readonly expiryWarningDays: readonly number[];
  /** How often requests waiting for approval are compared with Graph (My Access, the Entra admin center). */
  readonly approvalReconcileMinutes: number;
  /** Hours after an activation starts waiting for approval when approvers who have not decided are reminded. */
  readonly pimApprovalReminderHours: readonly number[];
  /** Days before an access review ends at which reviewers with people left are reminded. */
  readonly reviewReminderDays: readonly number[];
  /** How often Graph is polled for access reviews that started or completed. */
  readonly reviewPollMinutes: number;
  readonly demoEmulatorPort: number;
  /** The weekly audit digest. */
  readonly digest: {
    /** Cron expression that fires once a week, e.g. "0 8 * * MON". */
    readonly schedule: string;
    readonly timeZone: string;
    /** Users (UPN or object id) who get it. */
    readonly recipients: readonly string[];
    /** A group whose members get it. */
    readonly recipientGroupId?: string;
    /** Directory role template ids whose holders (active or eligible) get it. */
    readonly recipientRoleIds: readonly string[];
    /** Signs CSV links (HMAC-SHA256); demo mode makes one per process when unset. */
    readonly linkSecret?: string;
  };
  /** Where users' browsers reach the bot's HTTP server (CSV links); defaults to the listening address. */
  readonly publicUrl?: string;
}

/** Thrown when settings are wrong; the message names every bad setting at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment into a frozen Config, or throws one ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  // Empty strings mean "unset", as in an .env file with `KEY=`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  // Never echo the offending value: it may be a secret.
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`)),
    ...crossFieldProblems(cleaned),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const demo = !e.MicrosoftAppId;
  const config: Config = {
    mode: demo ? 'demo' : 'production',
    host: e.HOST ?? (demo ? '127.0.0.1' : '0.0.0.0'),
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
      oauthUrl: e.OAuthUrl,
      ssoConnectionName: e.SSO_CONNECTION_NAME,
      stepUpConnectionName: e.STEP_UP_CONNECTION_NAME,
      teamsAppId: e.TEAMS_APP_ID,
      endpoints: botFrameworkEndpoints(e),
    },
    graph: {
      baseUrl: e.GRAPH_BASE_URL,
      authorityHost: e.AUTHORITY_HOST,
      exchangeBaseUrl: e.EXCHANGE_BASE_URL,
      certificatePath: e.AZURE_CLIENT_CERTIFICATE_PATH,
      useManagedIdentity: e.AZURE_USE_MANAGED_IDENTITY === 'true',
    },
    mongo: e.MONGODB_URI ? { uri: e.MONGODB_URI, dbName: e.MONGODB_DB } : undefined,
    expiryWarningDays: e.EXPIRY_WARNING_DAYS,
    approvalReconcileMinutes: e.APPROVAL_RECONCILE_MINUTES,
    pimApprovalReminderHours: e.PIM_APPROVAL_REMINDER_HOURS,
    reviewReminderDays: e.REVIEW_REMINDER_DAYS,
    reviewPollMinutes: e.REVIEW_POLL_MINUTES,
    demoEmulatorPort: e.DEMO_EMULATOR_PORT,
    digest: {
      schedule: e.DIGEST_SCHEDULE,
      timeZone: e.DIGEST_TIME_ZONE,
      recipients: (e.DIGEST_RECIPIENTS ?? '')
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
      recipientGroupId: e.DIGEST_RECIPIENT_GROUP,
      recipientRoleIds: e.DIGEST_RECIPIENT_ROLES,
      linkSecret: e.DIGEST_LINK_SECRET,
    },
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
  };
  return deepFreeze(config);
}

function botFrameworkEndpoints(e: Env): BotFrameworkEndpoints {
  const endpoints = {
    ToBotFromChannelOpenIdMetadataUrl: e.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromChannelTokenIssuer: e.ToBotFromChannelTokenIssuer,
    ToBotFromEmulatorOpenIdMetadataUrl: e.ToBotFromEmulatorOpenIdMetadataUrl,
    ToChannelFromBotLoginUrl: e.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: e.ToChannelFromBotOAuthScope,
    ValidateAuthority: e.ValidateAuthority === undefined ? undefined : e.ValidateAuthority === 'true',
  };
  return Object.fromEntries(Object.entries(endpoints).filter(([, v]) => v !== undefined));
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
