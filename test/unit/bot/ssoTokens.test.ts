import { strict as assert } from 'node:assert';
import { CloudAdapter, TurnContext, type Activity } from 'botbuilder';
import { SignInRequiredError } from '../../../services/ports/graphErrors';
import { SsoTokens } from '../../../bot/sso/ssoTokens';
import type { TokenClient } from '../../../bot/sso/tokenClient';
import { invokeAction } from './invokeActivity';

/** A token service client that knows one exchangeable token and records calls. */
function fakeClient(): TokenClient & { calls: string[]; stored?: string } {
  return {
    calls: [],
    async getUserToken(userId, connectionName) {
      this.calls.push(`get ${userId} ${connectionName}`);
      return this.stored ? { token: this.stored, connectionName, expiration: '' } : undefined;
    },
    async exchangeToken(userId, connectionName, _channel, request) {
      this.calls.push(`exchange ${userId} ${request.token}`);
      if (request.token !== 'teams-token') throw Object.assign(new Error('bad'), { statusCode: 400 });
      this.stored = 'graph-user-token';
      return { token: this.stored, connectionName, expiration: '' };
    },
    async getSignInResource() {
      return {
        signInLink: 'https://token.example/signin',
        tokenExchangeResource: { id: 'ter', uri: 'api://x/botid-y' },
      };
    },
  };
}

function turnWith(client: TokenClient, activity: Partial<Activity>): TurnContext {
  const adapter = new CloudAdapter();
  const context = new TurnContext(adapter, activity);
  context.turnState.set(adapter.UserTokenClientKey, client);
  return context;
}

describe('SsoTokens', () => {
  it('exchanges the token a retried Action.Execute carries, and uses it', async () => {
    const client = fakeClient();
    const activity = invokeAction('help.show', {});
    (activity.value as Record<string, unknown>).authentication = {
      id: 'a',
      connectionName: 'graph',
      token: 'teams-token',
    };
    assert.equal(await new SsoTokens('graph', 'app').require(turnWith(client, activity)), 'graph-user-token');
    assert.deepEqual(client.calls, ['exchange 29:1adele teams-token']);
  });

  it('throws SignInRequiredError when the token service has nothing for the user', async () => {
    const client = fakeClient();
    await assert.rejects(
      new SsoTokens('graph', 'app').require(turnWith(client, invokeAction('help.show', {}))),
      SignInRequiredError,
    );
    assert.deepEqual(client.calls, ['get 29:1adele graph']);
  });

  it('builds the Universal Actions loginRequest with the sign-in link and exchange resource', async () => {
    const response = await new SsoTokens('graph', 'app').loginRequest(
      turnWith(fakeClient(), invokeAction('help.show', {})),
    );
    assert.deepEqual(response, {
      statusCode: 401,
      type: 'application/vnd.microsoft.activity.loginRequest',
      value: {
        text: 'Please sign in so I can act as you.',
        connectionName: 'graph',
        tokenExchangeResource: { id: 'ter', uri: 'api://x/botid-y' },
        buttons: [{ type: 'signin', title: 'Sign in', value: 'https://token.example/signin' }],
      },
    });
  });

  it('puts the exchange resource on the OAuth card, so Teams can sign in silently', async () => {
    const card = await new SsoTokens('graph', 'app').signInCard(
      turnWith(fakeClient(), invokeAction('help.show', {})),
    );
    assert.equal(card.contentType, 'application/vnd.microsoft.card.oauth');
    assert.deepEqual((card.content as { tokenExchangeResource: unknown }).tokenExchangeResource, {
      id: 'ter',
      uri: 'api://x/botid-y',
    });
  });

  it('asks the token service once for turns of one user in flight together, again once they are done', async () => {
    const client = fakeClient();
    client.stored = 'graph-user-token';
    const sso = new SsoTokens('graph', 'app');
    const lee = { id: '29:1lee', name: 'Lee', aadObjectId: 'lee-oid' };
    const turns = [
      turnWith(client, invokeAction('approval.decide', {})),
      turnWith(client, invokeAction('approval.decide', {})),
      turnWith(client, invokeAction('approval.decide', {}, lee)),
    ];
    const tokens = await Promise.all(turns.map((t) => sso.require(t)));
    assert.deepEqual(tokens, ['graph-user-token', 'graph-user-token', 'graph-user-token']);
    assert.deepEqual(client.calls, ['get 29:1adele graph', 'get 29:1lee graph']);
    // Signed out in the meantime: a later turn asks again and is told so.
    client.stored = undefined;
    await assert.rejects(sso.require(turnWith(client, invokeAction('help.show', {}))), SignInRequiredError);
    assert.equal(client.calls.length, 3);
  });

  it('does not keep a failed GetToken: the next turn asks again', async () => {
    const client = fakeClient();
    let fail = true;
    const get = client.getUserToken.bind(client);
    client.getUserToken = async (...args) => {
      if (fail) throw new Error('token service down');
      return get(...args);
    };
    client.stored = 'graph-user-token';
    const sso = new SsoTokens('graph', 'app');
    await assert.rejects(sso.require(turnWith(client, invokeAction('help.show', {}))), /token service down/);
    fail = false;
    assert.equal(await sso.require(turnWith(client, invokeAction('help.show', {}))), 'graph-user-token');
  });
});
