import { strict as assert } from 'node:assert';
import demoTenant from '../../../emulator/fixtures/demo-tenant.json';
import { channelUsers, type ChannelFixture } from '../../../emulator/teams/users';
import { startDemoApp, type DemoApp } from '../../support/demoApp';
import { fuzzCases } from '../../support/fuzzActivities';

const SEED = 9;
const COUNT = 300;
const IN_FLIGHT = 4;

// How fast it answers is measured by `npm run bench` (fuzz answers); this checks what it answers.
describe(`e2e: ${COUNT} malformed and odd activities (seed ${SEED}, demo mode)`, () => {
  let t: DemoApp;
  const answers: { label: string; status: number }[] = [];

  before(async function () {
    this.timeout(120_000);
    t = await startDemoApp();
    for (const alias of ['AdeleV', 'MeganB', 'LeeG']) await t.channel.install(alias);
    const users = channelUsers(demoTenant as ChannelFixture).slice(0, 6);
    const cases = fuzzCases(SEED, COUNT, t.channel.envelope, users);
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const c = cases[next++]!;
        const res = await fetch(`${t.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': c.contentType },
          body: c.body,
        });
        await res.arrayBuffer();
        answers.push({ label: c.label, status: res.status });
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  });
  after(async () => {
    await t?.stop();
  });

  it('answers every one, never with a 5xx but 501 (an invoke the bot does not handle)', () => {
    assert.equal(answers.length, COUNT);
    const bad = answers.filter((a) => a.status >= 500 && a.status !== 501);
    assert.deepEqual(bad, []);
    // The generator must reach the inside of the bot, not only the edge's 400s.
    const statuses = new Set(answers.map((a) => a.status));
    for (const s of [200, 400]) assert.ok(statuses.has(s), `some answers are ${s}: ${[...statuses].join()}`);
  });

  it('logs no request that failed outside a turn', () => {
    const failures = t.logs().filter((l) => l.msg === 'request failed outside a turn');
    assert.deepEqual(failures, []);
  });

  it('is still alive and useful afterwards: /healthz answers and help gets the help card', async () => {
    assert.equal((await fetch(`${t.url}/healthz`)).status, 200);
    const mark = t.channel.recorder.mark();
    assert.equal((await t.channel.send('AdeleV', 'help')).status, 200);
    await t.channel.waitFor((r) => r.alias === 'AdeleV', 5000, mark);
  });
});
