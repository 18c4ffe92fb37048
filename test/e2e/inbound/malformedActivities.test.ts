import { strict as assert } from 'node:assert';
import { messageActivity, type TeamsActivity } from '../../../emulator/teams/activities';
import { startTestApp, type TestApp } from '../../support/app';

type Case = [name: string, body: (valid: TeamsActivity) => unknown, reason: RegExp];

/** Bodies that are not activities the bot can handle: each gets a 400 saying what is wrong. */
const CASES: Case[] = [
  ['a JSON array', () => [], /must be a JSON object/],
  ['a JSON string', () => 'help', /must be a JSON object/],
  ['JSON null', () => null, /must be a JSON object/],
  ['no type', (a) => ({ ...a, type: undefined }), /type: .*expected string, received undefined/],
  ['an empty type', (a) => ({ ...a, type: '' }), /type: /],
  ['a numeric type', (a) => ({ ...a, type: 5 }), /type: .*expected string, received number/],
  ['an object as type', (a) => ({ ...a, type: { x: 1 } }), /type: .*received object/],
  ['a numeric serviceUrl', (a) => ({ ...a, serviceUrl: 5 }), /serviceUrl: .*expected string/],
  ['an object as serviceUrl', (a) => ({ ...a, serviceUrl: {} }), /serviceUrl: .*expected string/],
  ['no serviceUrl', (a) => ({ ...a, serviceUrl: undefined }), /serviceUrl: /],
  ['no conversation id', (a) => ({ ...a, conversation: {} }), /conversation\.id: /],
  ['a string as from', (a) => ({ ...a, from: 'someone' }), /from: .*expected object/],
  ['no recipient', (a) => ({ ...a, recipient: undefined }), /recipient: /],
  ['a numeric text', (a) => ({ ...a, text: 42 }), /text: .*expected string/],
  ['entities that are not a list', (a) => ({ ...a, entities: 'x' }), /entities: .*expected array/],
  ['a member that is null', (a) => ({ ...a, membersAdded: [null] }), /membersAdded\.0: /],
];

describe('e2e: malformed activities get a 400 with a reason (demo mode)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await t.channel.install('AdeleV');
  });
  after(async () => {
    await t?.stop();
  });

  const valid = () => messageActivity(t.channel.envelope, t.channel.user('AdeleV'), 'help');
  const post = (body: string, contentType = 'application/json') =>
    fetch(`${t.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });

  for (const [name, build, reason] of CASES) {
    it(`refuses ${name}`, async () => {
      const mark = t.channel.recorder.mark();
      const answer = await post(JSON.stringify(build(valid())));
      assert.equal(answer.status, 400);
      const body = (await answer.json()) as { code: string; message: string };
      assert.equal(body.code, 'BadActivity');
      assert.match(body.message, reason);
      assert.equal(t.channel.recorder.all().length, mark, 'no turn ran');
    });
  }

  it('refuses invalid JSON and a body that is not JSON, with a reason', async () => {
    const broken = await post('{"type": "message",');
    assert.equal(broken.status, 400);
    assert.match(((await broken.json()) as { message: string }).message, /JSON/);
    const text = await post('help', 'text/plain');
    assert.equal(text.status, 400);
    assert.match(((await text.json()) as { message: string }).message, /JSON object/);
  });

  it('does not echo the values it refused', async () => {
    const answer = await post(JSON.stringify({ ...valid(), serviceUrl: { secret: 'hunter2' } }));
    assert.doesNotMatch(await answer.text(), /hunter2/);
  });

  it('answers 501 to an invoke the bot does not offer, even a malformed one, without a turn error', async () => {
    for (const name of ['fileConsent/invoke', 'composeExtension/query', 'task/fetch', 'no/such/invoke']) {
      const answer = await post(JSON.stringify({ ...valid(), type: 'invoke', name, value: undefined }));
      assert.equal(answer.status, 501, name);
    }
    assert.deepEqual(
      t.logs().filter((l) => l.msg === 'turn failed'),
      [],
    );
  });

  it('still answers a well-formed activity, and an unknown invoke with 501', async () => {
    assert.equal((await post(JSON.stringify(valid()))).status, 200);
    const invoke = { ...valid(), type: 'invoke', name: 'composeExtension/unknownThing', value: {} };
    assert.equal((await post(JSON.stringify(invoke))).status, 501);
  });
});

describe('e2e: demo mode replies only to a loopback serviceUrl', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await t.channel.install('AdeleV');
  });
  after(async () => {
    await t?.stop();
  });

  const send = (serviceUrl: unknown) =>
    fetch(`${t.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...messageActivity(t.channel.envelope, t.channel.user('AdeleV'), 'help'),
        serviceUrl,
      }),
    });

  for (const serviceUrl of [
    'https://smba.trafficmanager.net/amer/',
    'http://169.254.169.254/',
    'http://127.0.0.1.nip.io/',
    'http://127.0.0.1@evil.example/',
    'http://10.0.0.1:3978/',
    'file:///etc/passwd',
    'not a url',
    '',
  ]) {
    it(`refuses ${JSON.stringify(serviceUrl)} with a 400, and sends nothing`, async () => {
      const mark = t.channel.recorder.mark();
      const answer = await send(serviceUrl);
      assert.equal(answer.status, 400);
      assert.match(await answer.text(), /serviceUrl/);
      assert.equal(t.channel.recorder.all().length, mark);
    });
  }

  it('answers on the channel’s own loopback serviceUrl, also written as localhost', async () => {
    const mark = t.channel.recorder.mark();
    assert.equal((await send(t.channel.serviceUrl)).status, 200);
    await t.channel.waitFor((r) => r.alias === 'AdeleV', 5000, mark);
    const byName = t.channel.serviceUrl.replace('127.0.0.1', 'localhost');
    assert.equal((await send(byName)).status, 200);
  });
});
