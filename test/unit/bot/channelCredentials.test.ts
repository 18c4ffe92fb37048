import { strict as assert } from 'node:assert';
import { ClientSecretCredential } from '@azure/identity';
import jwt from 'jsonwebtoken';
import sinon from 'sinon';
import { ClientSecretCredentialsFactory } from '../../../bot/channelCredentials';
import { useEmulator } from '../../support/emulator';

describe('ClientSecretCredentialsFactory', () => {
  const { emu } = useEmulator();
  const factory = () =>
    new ClientSecretCredentialsFactory(emu().clientId, emu().clientSecret, `${emu().url}/${emu().tenantId}`);

  it('gets the bot a Bot Framework token for its own app id from the configured authority', async () => {
    const before = emu().requestLog.count({ api: 'identity', method: 'POST' });
    const credentials = (await factory().createCredentials(
      emu().clientId,
      'https://api.botframework.com',
      `${emu().url}/${emu().tenantId}`,
    )) as unknown as { getToken(): Promise<string> };
    const claims = jwt.decode(await credentials.getToken()) as { aud: string; appid: string };
    assert.equal(claims.aud, 'https://api.botframework.com');
    assert.equal(claims.appid, emu().clientId);
    assert.equal(emu().requestLog.count({ api: 'identity', method: 'POST' }), before + 1);
  });

  it('keeps the token for the next turns: MSAL is asked once, not at every connector call', async () => {
    const msal = sinon.spy(ClientSecretCredential.prototype, 'getToken');
    try {
      const f = factory();
      const credentials = () =>
        f.createCredentials(emu().clientId, 'https://api.botframework.com', `${emu().url}/${emu().tenantId}`);
      const before = emu().requestLog.count({ api: 'identity', method: 'POST' });
      const first = await ((await credentials()) as unknown as { getToken(): Promise<string> }).getToken();
      const second = await ((await credentials()) as unknown as { getToken(): Promise<string> }).getToken();
      assert.equal(second, first);
      assert.equal(emu().requestLog.count({ api: 'identity', method: 'POST' }), before + 1);
      assert.equal(msal.callCount, 1);
    } finally {
      msal.restore();
    }
  });

  it('refuses another app id, and never disables auth', async () => {
    const f = factory();
    assert.equal(await f.isAuthenticationDisabled(), false);
    assert.equal(await f.isValidAppId('someone-else'), false);
    await assert.rejects(
      f.createCredentials('someone-else', 'https://api.botframework.com', `${emu().url}/x`),
      /Invalid appId/,
    );
  });

  it("fails with the authority's error when the secret is wrong", async () => {
    const f = new ClientSecretCredentialsFactory(emu().clientId, 'wrong', `${emu().url}/${emu().tenantId}`);
    const credentials = (await f.createCredentials(
      emu().clientId,
      'https://api.botframework.com',
      `${emu().url}/${emu().tenantId}`,
    )) as unknown as { getToken(): Promise<string> };
    await assert.rejects(credentials.getToken(), /7000215|invalid_client|Invalid client secret/);
  });
});
