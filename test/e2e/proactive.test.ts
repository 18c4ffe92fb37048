import { strict as assert } from 'node:assert';
import { cardOf, cardText } from '../../emulator/teams/cards';
import { NotReachableError } from '../../services/ports/notifier';
import { startTestApp, type TestApp } from '../support/app';

describe('e2e: proactive notifications', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.stop();
  });

  it('sends a card to the chat the user installed the app in, then updates it in place', async () => {
    await t.channel.install('LeeG');
    const lee = t.channel.user('LeeG');
    const mark = t.channel.recorder.mark();
    const sent = await t.app.notifier.send(lee.aadObjectId, {
      kind: 'notice',
      data: { title: 'Access granted', text: 'You now have Sales Toolkit.' },
    });
    assert.equal(sent.conversationId, lee.conversationId);
    const delivered = await t.channel.waitFor((r) => r.activityId === sent.activityId, 5000, mark);
    assert.equal(delivered.alias, 'LeeG');
    assert.match(cardText(cardOf(delivered)), /Access granted/);

    await t.app.notifier.update(sent, {
      kind: 'notice',
      data: { title: 'Access removed', text: 'It expired.' },
    });
    const updated = await t.channel.waitFor((r) => r.op === 'update', 5000, mark);
    assert.equal(updated.activityId, sent.activityId);
    assert.match(cardText(cardOf(updated)), /Access removed/);
    assert.doesNotMatch(cardText(cardOf(updated)), /Access granted/);
  });

  it('throws NotReachableError for a user who never installed the app', async () => {
    const err = await t.app.notifier
      .send(t.channel.user('PattiF').aadObjectId, { kind: 'notice', data: { title: 'x', text: 'y' } })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(err instanceof NotReachableError);
    assert.equal(t.channel.recorder.all().length, 0);
  });

  it('throws NotReachableError once the user removed the app (Teams answers 403)', async () => {
    await t.channel.install('LeeG');
    await t.channel.uninstall('LeeG');
    await assert.rejects(
      t.app.notifier.send(t.channel.user('LeeG').aadObjectId, {
        kind: 'notice',
        data: { title: 'x', text: 'y' },
      }),
      NotReachableError,
    );
  });

  it('refuses a notification kind without a renderer, and bad data for a known kind, before sending', async () => {
    await t.channel.install('LeeG');
    const mark = t.channel.recorder.mark();
    const lee = t.channel.user('LeeG').aadObjectId;
    await assert.rejects(
      t.app.notifier.send(lee, { kind: 'nope', data: {} }),
      /No card for notification kind nope/,
    );
    await assert.rejects(t.app.notifier.send(lee, { kind: 'notice', data: { title: 1 } }));
    const huge = {
      title: 'Too much',
      text: 'x',
      facts: Array.from({ length: 600 }, (_, i) => ({ title: `f${i}`, value: 'v'.repeat(40) })),
    };
    await assert.rejects(
      t.app.notifier.send(lee, { kind: 'notice', data: huge }),
      /notice card is \d+ bytes/,
    );
    assert.equal(t.channel.recorder.mark(), mark);
  });
});

describe('e2e: health and readiness', () => {
  let t: TestApp;
  let exchangeUp = true;
  afterEach(async () => {
    await t?.stop();
  });

  it('is alive and ready when the store and the other checks answer', async () => {
    t = await startTestApp({ readiness: [{ name: 'exchange', check: async () => undefined }] });
    const health = await fetch(`${t.url}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const ready = await fetch(`${t.url}/readyz`);
    assert.equal(ready.status, 200);
    // 'graph' is the demo wiring's own check: the emulator answers over HTTPS.
    assert.deepEqual(await ready.json(), {
      status: 'ready',
      checks: { store: 'ok', graph: 'ok', exchange: 'ok' },
    });
  });

  it('serves the privacy and terms pages the manifest links to by default', async () => {
    t = await startTestApp();
    for (const [path, heading] of [
      ['/privacy', 'Gatekeeper: privacy'],
      ['/terms', 'Gatekeeper: terms of use'],
    ]) {
      const page = await fetch(`${t.url}${path}`);
      assert.equal(page.status, 200, path);
      assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
      assert.ok((await page.text()).includes(`<h1>${heading}</h1>`), path);
    }
  });

  it('answers 503 when the emulated Graph is down', async () => {
    t = await startTestApp();
    await t.emulator.stop();
    t.emulator.stop = async () => undefined; // already stopped: app.stop() must not stop it twice
    const ready = await fetch(`${t.url}/readyz`);
    assert.equal(ready.status, 503);
    const body = (await ready.json()) as { checks: Record<string, string> };
    assert.equal(body.checks.store, 'ok');
    assert.notEqual(body.checks.graph, 'ok');
  });

  it('answers 503 naming the check that failed', async () => {
    t = await startTestApp({
      readiness: [
        {
          name: 'exchange',
          check: async () => {
            if (!exchangeUp) throw new Error('connect ECONNREFUSED 127.0.0.1:1');
          },
        },
      ],
    });
    exchangeUp = false;
    const ready = await fetch(`${t.url}/readyz`);
    assert.equal(ready.status, 503);
    const body = (await ready.json()) as { status: string; checks: Record<string, string> };
    assert.equal(body.status, 'unavailable');
    assert.equal(body.checks.store, 'ok');
    assert.equal(body.checks.graph, 'ok');
    assert.match(body.checks.exchange!, /ECONNREFUSED/);
  });
});
