import type { Config } from '../../config';
import type { Logger } from '../../logger';
import type { GraphGatewayOptions } from './options';

/**
 * The gateway's settings from the validated Config (production): the bot's own app registration acts
 * on Graph, on-behalf-of users and app-only. Demo mode takes the emulator's values instead.
 */
export function graphOptionsFromConfig(config: Config, logger: Logger): GraphGatewayOptions {
  const { appId, appPassword, tenantId } = config.bot;
  const missing = [!appId && 'MicrosoftAppId', !tenantId && 'MicrosoftAppTenantId'].filter(Boolean);
  if (!config.graph.useManagedIdentity && !config.graph.certificatePath && !appPassword) {
    missing.push('MicrosoftAppPassword or AZURE_CLIENT_CERTIFICATE_PATH');
  }
  if (missing.length > 0) throw new Error(`Graph gateway needs ${missing.join(', ')}`);
  return {
    baseUrl: config.graph.baseUrl,
    authorityHost: config.graph.authorityHost,
    exchangeBaseUrl: config.graph.exchangeBaseUrl,
    tenantId: tenantId!,
    clientId: appId!,
    // A certificate, when given, is preferred to the secret (it cannot leak through a config dump).
    clientSecret: config.graph.certificatePath ? undefined : appPassword,
    certificatePath: config.graph.certificatePath,
    useManagedIdentity: config.graph.useManagedIdentity,
    teamsAppId: config.bot.teamsAppId,
    logger,
  };
}
