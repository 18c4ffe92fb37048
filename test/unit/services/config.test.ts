import { strict as assert } from 'node:assert';
import { ConfigError, loadConfig } from '../../../services/config';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = '82af6c37-3451-5e51-94ea-7d0d633a16c5';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.problems;
  }
  assert.fail('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs demo mode on loopback when no MicrosoftAppId is set', () => {
    const config = loadConfig({});
    assert.equal(config.mode, 'demo');
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 3978);
    assert.equal(config.mongo, undefined);
    assert.deepEqual(config.expiryWarningDays, [7, 1]);
  });

  it('treats empty strings as unset, as an .env file with KEY= does', () => {
    assert.equal(loadConfig({ MicrosoftAppId: '', MONGODB_URI: '' }).mode, 'demo');
  });

  it('reads a complete production configuration', () => {
    const config = loadConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 's3cret',
      MicrosoftAppTenantId: TENANT,
      MONGODB_URI: 'mongodb://db.internal:27017',
      EXPIRY_WARNING_DAYS: '14,3,1',
      PORT: '8080',
    });
    assert.equal(config.mode, 'production');
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.port, 8080);
    assert.deepEqual(config.mongo, { uri: 'mongodb://db.internal:27017', dbName: 'gatekeeper' });
    assert.deepEqual(config.expiryWarningDays, [14, 3, 1]);
    assert.ok(Object.isFrozen(config) && Object.isFrozen(config.bot));
  });

  it('names every bad setting in one error, including missing companions', () => {
    const problems = problemsOf({
      MicrosoftAppId: APP_ID,
      PORT: 'eighty',
      GRAPH_BASE_URL: 'not a url',
      EXPIRY_WARNING_DAYS: '7;1',
    });
    const keys = problems.map((p) => p.split(':')[0]).sort();
    assert.deepEqual(keys, [
      'EXPIRY_WARNING_DAYS',
      'GRAPH_BASE_URL',
      'MONGODB_URI',
      'MicrosoftAppPassword',
      'MicrosoftAppTenantId',
      'PORT',
    ]);
  });

  it('never echoes a value in its message, since values may be secrets', () => {
    const err = (() => {
      try {
        return loadConfig({
          MicrosoftAppId: 'not-a-guid-but-maybe-a-secret',
          MONGODB_URI: 'redis://pw@host',
        });
      } catch (e) {
        return e as Error;
      }
    })();
    assert.ok(err instanceof ConfigError);
    assert.doesNotMatch(err.message, /maybe-a-secret|pw@host/);
  });

  it('asks a multi-tenant bot for its home tenant too, since Graph is called there', () => {
    const problems = problemsOf({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'x',
      MicrosoftAppType: 'MultiTenant',
      MONGODB_URI: 'mongodb+srv://cluster.example',
    });
    assert.deepEqual(
      problems.map((p) => p.split(':')[0]),
      ['MicrosoftAppTenantId'],
    );
    const config = loadConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'x',
      MicrosoftAppType: 'MultiTenant',
      MicrosoftAppTenantId: TENANT,
      MONGODB_URI: 'mongodb+srv://cluster.example',
    });
    assert.equal(config.bot.appType, 'MultiTenant');
  });
  it("reads TEAMS_APP_ID, the Teams app's manifest id the bot installs for users, and names a bad one", () => {
    const production = {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'x',
      MicrosoftAppTenantId: TENANT,
      MONGODB_URI: 'mongodb://db.internal:27017',
    };
    assert.equal(loadConfig(production).bot.teamsAppId, undefined);
    const teamsAppId = '9d4c5a1e-2b7f-4e3a-8c6d-1f0e2a3b4c5d';
    assert.equal(loadConfig({ ...production, TEAMS_APP_ID: teamsAppId }).bot.teamsAppId, teamsAppId);
    assert.deepEqual(
      problemsOf({ ...production, TEAMS_APP_ID: 'gatekeeper' }).map((p) => p.split(':')[0]),
      ['TEAMS_APP_ID'],
    );
  });

  describe('Bot Framework endpoints', () => {
    const production = {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 's3cret',
      MicrosoftAppTenantId: TENANT,
      MONGODB_URI: 'mongodb://db.internal:27017',
    };

    it('leaves them empty when unset, so botbuilder uses the public cloud', () => {
      assert.deepEqual(loadConfig(production).bot.endpoints, {});
    });

    it("passes on the ones set, under botbuilder's names", () => {
      const config = loadConfig({
        ...production,
        ToBotFromChannelOpenIdMetadataUrl: 'https://login.example/v1/.well-known/openidconfiguration',
        ToBotFromChannelTokenIssuer: 'https://api.example',
        ToChannelFromBotLoginUrl: 'https://login.example/tenant',
        ToChannelFromBotOAuthScope: 'https://api.example',
        ValidateAuthority: 'false',
      });
      assert.deepEqual(config.bot.endpoints, {
        ToBotFromChannelOpenIdMetadataUrl: 'https://login.example/v1/.well-known/openidconfiguration',
        ToBotFromChannelTokenIssuer: 'https://api.example',
        ToChannelFromBotLoginUrl: 'https://login.example/tenant',
        ToChannelFromBotOAuthScope: 'https://api.example',
        ValidateAuthority: false,
      });
    });

    it('names malformed ones without requiring any', () => {
      const problems = problemsOf({
        ...production,
        ToBotFromChannelOpenIdMetadataUrl: 'not a url',
        ToChannelFromBotLoginUrl: 'ftp://login.example/t',
        ValidateAuthority: 'yes',
      });
      assert.deepEqual(problems.map((p) => p.split(':')[0]).sort(), [
        'ToBotFromChannelOpenIdMetadataUrl',
        'ToChannelFromBotLoginUrl',
        'ValidateAuthority',
      ]);
    });
  });
});
