import { z } from 'zod';

/** The ids and names the packaged manifest needs, validated like the bot's own settings. */
const ManifestEnv = z.object({
  TEAMS_APP_ID: z.guid(),
  MicrosoftAppId: z.guid(),
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
});

/** Values substituted into manifest.template.json. */
export interface ManifestValues {
  TEAMS_APP_ID: string;
  BOT_ID: string;
  AAD_APP_ID: string;
  BOT_DOMAIN: string;
  APP_VERSION: string;
  ACCENT_COLOR: string;
}

/** Reads the packaging settings; throws one error naming every bad one. */
export function manifestValues(
  env: NodeJS.ProcessEnv,
  defaults: { version: string; accent: string },
): ManifestValues {
  const parsed = ManifestEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v)));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid manifest settings:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  return {
    TEAMS_APP_ID: e.TEAMS_APP_ID,
    BOT_ID: e.MicrosoftAppId,
    // Teams SSO for a bot uses the bot's own Entra registration unless told otherwise.
    AAD_APP_ID: e.AAD_APP_ID ?? e.MicrosoftAppId,
    BOT_DOMAIN: e.BOT_DOMAIN,
    APP_VERSION: e.APP_VERSION ?? defaults.version,
    ACCENT_COLOR: defaults.accent,
  };
}
