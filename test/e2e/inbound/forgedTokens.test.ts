import { strict as assert } from 'node:assert';
import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import sinon from 'sinon';
import { startEmulator, type Emulator } from '../../../emulator';
import { BOT_FRAMEWORK_ISSUER } from '../../../emulator/identity/botFrameworkChannel';
import { SigningKey } from '../../../emulator/identity/signingKey';
import { installActivities, messageActivity } from '../../../emulator/teams/activities';
import { startAuthApp, type AuthApp } from './prodApp';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const REFUSED = 'inbound request refused: authentication failed';

describe('e2e: forged and broken channel tokens (production auth)', () => {
  let emu: Emulator;
  let t: AuthApp;
  let foreignKey: SigningKey;

  before(async () => {
    foreignKey = new SigningKey();
    emu = await startEmulator();
    t = await startAuthApp(emu);
  });
  after(async () => {
    await t?.stop();
    await emu?.stop();
  });

  /** Tokens an attacker (or a broken clock) could send, each with the channel's real key id. */
  function forgeries(): Record<string, string | null> {
    const channelKey = emu.tokens.botFramework.key;
    const now = Math.floor(Date.now() / 1000);
    const claims = { serviceurl: t.channel.serviceUrl, iss: BOT_FRAMEWORK_ISSUER, aud: emu.clientId };
    const signed = (payload: object, key = channelKey.privateKeyPem) =>
      `Bearer ${jwt.sign(payload, key, { algorithm: 'RS256', keyid: channelKey.kid })}`;
    const header = (alg: string) => b64({ alg, typ: 'JWT', kid: channelKey.kid });
    const body = b64({ ...claims, nbf: now - 60, exp: now + 3600 });
    const hmac = createHmac('sha256', channelKey.publicKeyPem)
      .update(`${header('HS256')}.${body}`)
      .digest('base64url');
    return {
      'wrong signature with the real key id': signed(
        { ...claims, exp: now + 3600 },
        foreignKey.privateKeyPem,
      ),
      'not yet valid': signed({ ...claims, nbf: now + 3600, exp: now + 7200 }),
      expired: signed({ ...claims, iat: now - 7200, exp: now - 3600 }),
      'alg none': `Bearer ${header('none')}.${body}.`,
      'HS256 signed with the public key': `Bearer ${header('HS256')}.${body}.${hmac}`,
      'garbage token': 'Bearer garbage',
      'three garbage parts': 'Bearer a.b.c',
      'JWT-looking garbage': `Bearer ${header('RS256')}.${body}.!!!`,
      'Basic credentials': `Basic ${Buffer.from('user:pass').toString('base64')}`,
      'missing Authorization': null,
    };
  }

  it('accepts the real channel token (so the refusals below are about the token)', async () => {
    const answers = await t.channel.install('AdeleV');
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200],
    );
  });

  for (const name of [
    'wrong signature with the real key id',
    'not yet valid',
    'expired',
    'alg none',
    'HS256 signed with the public key',
    'garbage token',
    'three garbage parts',
    'JWT-looking garbage',
    'Basic credentials',
    'missing Authorization',
  ]) {
    it(`answers 401 with an empty body to: ${name}; one structured warning, nothing on the console`, async () => {
      const authorization = forgeries()[name]!;
      const before = t.logs().length;
      const mark = t.channel.recorder.mark();
      const printed: string[] = [];
      const capture = (chunk: unknown) => void printed.push(String(chunk));
      const out = sinon.stub(process.stdout, 'write').callsFake((c) => (capture(c), true));
      const err = sinon.stub(process.stderr, 'write').callsFake((c) => (capture(c), true));
      let answer: Response;
      try {
        answer = await fetch(`${t.url}/api/messages`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(authorization === null ? {} : { authorization }),
          },
          body: JSON.stringify(messageActivity(t.channel.envelope, t.channel.user('AdeleV'), 'help')),
        });
      } finally {
        out.restore();
        err.restore();
      }
      assert.equal(answer.status, 401);
      assert.equal(await answer.text(), '');
      assert.deepEqual(printed, [], 'nothing printed to stdout or stderr');
      const lines = t.logs().slice(before);
      const refusals = lines.filter((l) => l.msg === REFUSED);
      assert.equal(refusals.length, 1, JSON.stringify(lines));
      assert.equal(refusals[0]!.level, 40, 'a warning');
      assert.match(String(refusals[0]!.reason), /^[a-zA-Z]+$/);
      const logged = JSON.stringify(lines);
      assert.doesNotMatch(logged, /BEGIN|PUBLIC KEY|\n\s+at /);
      if (authorization) assert.ok(!logged.includes(authorization.slice(7)), 'the token is not logged');
      assert.equal(t.channel.recorder.all().length, mark, 'the bot sent nothing');
    });
  }

  it('names why in the log: expired, not yet valid, bad signature, bad algorithm', async () => {
    const f = forgeries();
    const reasons: string[] = [];
    for (const name of ['expired', 'not yet valid', 'wrong signature with the real key id', 'alg none']) {
      const before = t.logs().length;
      await t.channel.post(installActivities(t.channel.envelope, t.channel.user('AdeleV'))[0], f[name]);
      reasons.push(
        String(
          t
            .logs()
            .slice(before)
            .find((l) => l.msg === REFUSED)?.reason,
        ),
      );
    }
    assert.deepEqual(reasons, ['expired', 'notYetValid', 'badSignature', 'badAlgorithm']);
  });
});

describe('e2e: the channel keys cannot be read (production auth)', () => {
  let emu: Emulator;
  let t: AuthApp;
  before(async () => {
    emu = await startEmulator();
    // Port 9 on loopback: nothing listens there, so the OpenID metadata fetch is refused.
    t = await startAuthApp(emu, 'http://127.0.0.1:9/botframework/v1/.well-known/openidconfiguration');
  });
  after(async () => {
    await t?.stop();
    await emu?.stop();
  });

  it('answers 503 (try again later), not 401, and logs why', async () => {
    const [update] = installActivities(t.channel.envelope, t.channel.user('AdeleV'));
    const answer = await t.channel.post(update);
    assert.equal(answer.status, 503);
    const refusal = t.logs().find((l) => l.msg === REFUSED);
    assert.equal(refusal?.reason, 'keysUnavailable');
  });
});
