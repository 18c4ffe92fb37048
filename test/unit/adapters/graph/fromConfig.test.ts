import { strict as assert } from 'node:assert';
import pino from 'pino';
import { loadConfig } from '../../../../services/config';
import { graphOptionsFromConfig } from '../../../../services/adapters/graph/fromConfig';

const logger = pino({ level: 'silent' });
const production = {
  MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
  MicrosoftAppPassword: 'secret',
  MicrosoftAppTenantId: '82af6c37-3451-5e51-94ea-7d0d633a16c5',
  MONGODB_URI: 'mongodb://localhost:27017',
};

describe('graphOptionsFromConfig', () => {
  it('acts as the bot app registration in its tenant, on the configured clouds', () => {
    const options = graphOptionsFromConfig(
      loadConfig({ ...production, GRAPH_BASE_URL: 'https://graph.microsoft.us' }),
      logger,
    );
    assert.equal(options.clientId, production.MicrosoftAppId);
    assert.equal(options.tenantId, production.MicrosoftAppTenantId);
    assert.equal(options.clientSecret, 'secret');
    assert.equal(options.baseUrl, 'https://graph.microsoft.us');
    assert.equal(options.authorityHost, 'https://login.microsoftonline.com');
    assert.equal(options.teamsAppId, undefined);
  });

  it("passes on the Teams app's manifest id, so the bot can install its app for users", () => {
    const teamsAppId = '9d4c5a1e-2b7f-4e3a-8c6d-1f0e2a3b4c5d';
    const options = graphOptionsFromConfig(loadConfig({ ...production, TEAMS_APP_ID: teamsAppId }), logger);
    assert.equal(options.teamsAppId, teamsAppId);
  });

  it('prefers a certificate to the secret', () => {
    const options = graphOptionsFromConfig(
      loadConfig({ ...production, AZURE_CLIENT_CERTIFICATE_PATH: '/certs/app.pem' }),
      logger,
    );
    assert.equal(options.certificatePath, '/certs/app.pem');
    assert.equal(options.clientSecret, undefined);
  });

  it('names what is missing in demo mode settings', () => {
    assert.throws(
      () => graphOptionsFromConfig(loadConfig({}), logger),
      /MicrosoftAppId, MicrosoftAppTenantId/,
    );
  });
});
