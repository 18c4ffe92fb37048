import { strict as assert } from 'node:assert';
import { actionData, invokeCard, startAccessApp, statusMatching } from './accessApp';

const SALES_TOOLKIT = 'd43818e7-814d-5823-b9d0-8c579b9fc04e';

describe('e2e access: audit trail', () => {
  let app: Awaited<ReturnType<typeof startAccessApp>>;
  before(async () => {
    app = await startAccessApp();
    await app.t.channel.install('AdeleV');
    app.t.emulator.knobs.processingDelayMs = Number(process.env.PD ?? 0);
  });
  after(async () => {
    await app.stop();
  });

  it('explore', async () => {
    const { channel } = app.t;
    const form = invokeCard(await channel.invoke('AdeleV', 'access.open', { packageId: SALES_TOOLKIT }));
    const status = invokeCard(await channel.invoke('AdeleV', 'access.submit', { ...actionData(form, 'access.submit')[0]! }));
    const itemId = String(actionData(status, 'access.status')[0]!.itemId);
    for (let i = 0; i < 20; i++) { app.clock.advance(5_000); await new Promise((r) => setTimeout(r, 100)); }
    const item = await app.store.workflows.get(itemId);
    console.log(item?.state, JSON.stringify(item?.outbox.map((e) => [e.id, !!e.doneAt])));
    console.log((await app.store.audit.list({ itemId })).map((e) => `${e.type} ${e.id}`));
    assert.ok(statusMatching);
  });
});
