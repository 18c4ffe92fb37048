import { z } from 'zod';

const httpsUrl = z.url({ protocol: /^https$/, error: 'expected an https:// URL' });

/** The ids and names the packaged manifest needs, validated like the bot's own settings. */
const ManifestEnv = z.object({
  TEAMS_APP_ID: z.guid(),
  /** The bot's Entra app id; the Agents Toolkit calls it BOT_ID. */
  MicrosoftAppId: z.guid().optional(),
  BOT_ID: z.guid().optional(),
  AAD_APP_ID: z.guid().optional(),
  BOT_DOMAIN: z
    .string()
    .regex(
      /^[a-z0-9.-]+(:\d+)?$/i,
      'expected a host name without scheme or path, e.g. gatekeeper.contoso.com',
    ),
  APP_VERSION: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/, 'expected major.minor.patch')
    .optional(),
  DEVELOPER_NAME: z.string().min(1).max(32).optional(),
  WEBSITE_URL: httpsUrl.optional(),
  PRIVACY_URL: httpsUrl.optional(),
  TERMS_URL: httpsUrl.optional(),
  SSO_APP_ID_URI: z.string().startsWith('api://', 'expected an Application ID URI (api://…)').optional(),
});

/** Values substituted into manifest.template.json's ${{NAME}} placeholders. */
export interface ManifestValues {
  TEAMS_APP_ID: string;
  BOT_ID: string;
  AAD_APP_ID: string;
  BOT_DOMAIN: string;
  APP_VERSION: string;
  DEVELOPER_NAME: string;
  WEBSITE_URL: string;
  PRIVACY_URL: string;
  TERMS_URL: string;
  SSO_APP_ID_URI: string;
}

/** Reads the packaging settings; throws one error naming every bad one. */
export function manifestValues(env: NodeJS.ProcessEnv, defaults: { version: string }): ManifestValues {
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v));
  const parsed = ManifestEnv.safeParse(given);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const botId = parsed.data?.BOT_ID ?? parsed.data?.MicrosoftAppId;
  if (!given.BOT_ID && !given.MicrosoftAppId) problems.push('MicrosoftAppId (or BOT_ID): required');
  if (!parsed.success || !botId || problems.length > 0)
    throw new Error(`Invalid manifest settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  const e = parsed.data;
  // Teams SSO for a bot uses the bot's own Entra registration unless told otherwise.
  const aadAppId = e.AAD_APP_ID ?? botId;
  const site = `https://${e.BOT_DOMAIN}`;
  return {
    TEAMS_APP_ID: e.TEAMS_APP_ID,
    BOT_ID: botId,
    AAD_APP_ID: aadAppId,
    BOT_DOMAIN: e.BOT_DOMAIN,
    APP_VERSION: e.APP_VERSION ?? defaults.version,
    DEVELOPER_NAME: e.DEVELOPER_NAME ?? 'Gatekeeper',
    WEBSITE_URL: e.WEBSITE_URL ?? site,
    PRIVACY_URL: e.PRIVACY_URL ?? `${site}/privacy`,
    TERMS_URL: e.TERMS_URL ?? `${site}/terms`,
    // A bot without a tab: api://botid-{app id} (Teams docs, "Update app manifest for SSO").
    SSO_APP_ID_URI: e.SSO_APP_ID_URI ?? `api://botid-${aadAppId}`,
  };
}
