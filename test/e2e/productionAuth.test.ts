import { strict as assert } from 'node:assert';
import dns from 'node:dns';
import { Writable } from 'node:stream';
import pino from 'pino';
import sinon from 'sinon';
import { createApp, type App } from '../../bot/app';
import { unwiredVerb } from '../../bot/invoke/unwiredVerb';
import { productionWiring } from '../../bot/production';
import type { Wiring } from '../../bot/wiring';
import { startEmulator, type Emulator } from '../../emulator';
import { BOT_FRAMEWORK_ISSUER } from '../../emulator/identity/botFrameworkChannel';
import { SigningKey } from '../../emulator/identity/signingKey';
import { actionInvoke, installActivities } from '../../emulator/teams/activities';
import { cardOf, cardText } from '../../emulator/teams/cards';
import { TeamsChannel } from '../../emulator/teams/channel';
import { botFrameworkChannelAuth } from '../../emulator/teams/channelAuth';
import { loadConfig } from '../../services/config';
import { mongoTestDb, type MongoTestDb } from '../support/mongo';
import { completeSignInPage } from '../support/signIn';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);

describe('e2e: production wiring with real Bot Framework auth (MongoDB, emulated channel identity)', () => {
  let emu: Emulator;
  let db: MongoTestDb;
  let wiring: Wiring;
  let app: App;
  let channel: TeamsChannel;
  let lookup: sinon.SinonSpy;
  const logLines: string[] = [];

  before(async () => {
    // Every name resolved during the run: nothing may reach a Microsoft host (or any other).
    lookup = sinon.spy(dns, 'lookup');
    emu = await startEmulator();
    db = mongoTestDb('productionAuth');
    const config = loadConfig({
      MicrosoftAppId: emu.clientId,
      MicrosoftAppPassword: emu.clientSecret,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: emu.tenantId,
      MONGODB_URI: db.uri,
      MONGODB_DB: db.dbName,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'debug',
      OAuthUrl: emu.url,
      GRAPH_BASE_URL: emu.url,
      AUTHORITY_HOST: emu.url,
      EXCHANGE_BASE_URL: emu.url,
      ToBotFromChannelOpenIdMetadataUrl: emu.tokens.botFramework.openIdMetadataUrl,
      ToBotFromChannelTokenIssuer: BOT_FRAMEWORK_ISSUER,
      ToBotFromEmulatorOpenIdMetadataUrl: `${emu.url}/common/v2.0/.well-known/openid-configuration`,
      ToChannelFromBotLoginUrl: `${emu.url}/${emu.tenantId}`,
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    });
    assert.equal(config.mode, 'production');
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    const logger = pino({ level: 'debug' }, destination);
    wiring = await productionWiring(config, logger);
    app = createApp({
      config: { ...config, port: 0 },
      logger,
      store: wiring.store,
      flows: wiring.flows,
      readiness: wiring.readiness,
      missingVerbs: unwiredVerb(),
      onStopped: () => wiring.stop(),
    });
    const { url } = await app.start();
    channel = await TeamsChannel.start({
      botAppId: emu.clientId,
      auth: botFrameworkChannelAuth(emu, emu.clientId),
    });
    channel.connect(`${url}/api/messages`);
  });

  after(async () => {
    lookup?.restore();
    await app?.stop();
    await channel?.stop();
    await emu?.stop();
    await db?.drop();
  });

  const adele = () => channel.user('AdeleV');
  const token = (aud: string, opts: { key?: SigningKey; serviceUrl?: string } = {}) =>
    `Bearer ${emu.tokens.botFramework.channelToken(aud, opts.serviceUrl ?? channel.serviceUrl, { key: opts.key })}`;

  async function storedConversations(): Promise<number> {
    return (await db.client()).db(db.dbName).collection('conversations').countDocuments();
  }

  it('answers 401 to an activity without Authorization, and stores nothing', async () => {
    const [update, install] = installActivities(channel.envelope, adele());
    assert.equal((await channel.post(update, null)).status, 401);
    assert.equal((await channel.post(install, null)).status, 401);
    assert.equal(await storedConversations(), 0);
    assert.equal(channel.recorder.all().length, 0);
  });

  it('answers 401 to a channel token signed by a key that is not in the JWKS', async () => {
    const activity = installActivities(channel.envelope, adele())[0];
    const answer = await channel.post(activity, token(emu.clientId, { key: new SigningKey() }));
    assert.equal(answer.status, 401);
    assert.equal(await storedConversations(), 0);
  });

  it('answers 401 to a properly signed token for another audience, or for another serviceUrl', async () => {
    const activity = installActivities(channel.envelope, adele())[0];
    assert.equal((await channel.post(activity, token('9f0c7a52-1b3e-4d8a-a6c1-3e5f7b9d2c40'))).status, 401);
    const elsewhere = token(emu.clientId, { serviceUrl: 'http://127.0.0.1:9/' });
    assert.equal((await channel.post(activity, elsewhere)).status, 401);
    assert.equal(await storedConversations(), 0);
    assert.equal(channel.recorder.all().length, 0);
  });

  it('handles the install with a valid channel token: reference in MongoDB, welcome sent with the bot token', async () => {
    const answers = await channel.install('AdeleV');
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200],
    );
    const welcome = await channel.waitFor((r) => r.alias === 'AdeleV' && r.op === 'reply');
    assert.match(cardText(cardOf(welcome)), /Welcome to Gatekeeper, Adele Vance/);
    // The connector answered, so it accepted the bot's outbound token; it refused nothing.
    assert.deepEqual(channel.refusals, []);
    const doc = await (
      await db.client()
    )
      .db(db.dbName)
      .collection<{ _id: string }>('conversations')
      .findOne({ _id: adele().aadObjectId });
    assert.ok(doc, 'the conversation reference is stored in MongoDB');
    assert.equal((doc as { tenantId?: string }).tenantId, adele().tenantId);
    const tokenCalls = emu.requestLog.count({
      api: 'identity',
      method: 'POST',
      path: `/${emu.tenantId}/oauth2/v2.0/token`,
      status: 200,
    });
    assert.ok(tokenCalls > 0, 'the bot got its connector token from the emulated authority');
    const keyCalls = emu.requestLog.count({ api: 'botFramework', path: /keys$/, status: 200 });
    assert.ok(keyCalls > 0, "the bot read the channel's keys from the stand-in's OpenID metadata");
  });

  it('answers help with the help card', async () => {
    const mark = channel.recorder.mark();
    const answer = await channel.send('AdeleV', 'help');
    assert.equal(answer.status, 200);
    const reply = await channel.waitFor((r) => r.alias === 'AdeleV', 5000, mark);
    assert.match(cardText(cardOf(reply)), /What I can do/);
    assert.deepEqual(channel.refusals, []);
  });

  it('signs a user in through the sign-in link: Teams hands over the magic code in signin/verifyState', async () => {
    const mark = channel.recorder.mark();
    await channel.send('AdeleV', 'my requests');
    const prompt = await channel.waitFor(
      (r) => r.alias === 'AdeleV' && JSON.stringify(r.activity ?? {}).includes('oauth'),
      5000,
      mark,
    );
    const attachment = (prompt.activity?.attachments as { content: { buttons: { value: string }[] } }[])[0]!;
    const { code } = await completeSignInPage(attachment.content.buttons[0]!.value);
    const verify = (state: string) => ({
      ...actionInvoke(channel.envelope, adele(), 'x', {}),
      name: 'signin/verifyState',
      value: { state },
    });
    assert.equal((await channel.post(verify('000000' === code ? '111111' : '000000'))).status, 412);
    assert.equal((await channel.post(verify(code))).status, 200);
    const after = channel.recorder.mark();
    await channel.send('AdeleV', 'my requests');
    const reply = await channel.waitFor((r) => r.alias === 'AdeleV', 5000, after);
    assert.doesNotMatch(JSON.stringify(reply.activity), /oauth/i, 'signed in now: no sign-in prompt');
  });

  it('has a connector that refuses calls without the bot token, or with a token for another audience', async () => {
    const url = `${channel.serviceUrl}v3/conversations/${encodeURIComponent(adele().conversationId)}/activities`;
    const post = (headers: Record<string, string>) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
    assert.equal((await post({})).status, 401);
    const graphToken = emu.tokens.issuer.appToken(
      emu.tokens.issuer.apps.get(emu.clientId)!,
      'https://graph.microsoft.com',
    );
    assert.equal((await post({ authorization: `Bearer ${graphToken}` })).status, 401);
    assert.equal(channel.refusals.length, 2);
  });

  it('resolved no host name but loopback ones during the run', () => {
    const hosts = new Set(lookup.getCalls().map((c) => String(c.args[0])));
    for (const host of hosts) assert.ok(LOOPBACK.has(host), `looked up ${host}`);
  });
});
