import { strict as assert } from 'node:assert';
import { cardText } from '../../../emulator/teams/cards';
import { actionData, invokeCard, startAccessApp, textOf } from './accessApp';

const COVID = '46cc8ae5-eb71-5420-a089-2738882cfd8a';
const PROCESSING_MS = 30_000;

describe('e2e access: Graph answers "submitted" and processes the request afterwards', () => {
  let app: Awaited<ReturnType<typeof startAccessApp>>;
  before(async () => {
    app = await startAccessApp();
    for (const alias of ['AdeleV', 'MeganB', 'LeeG']) await app.t.channel.install(alias);
    // entitlementmanagement-post-assignmentrequests.md: 201 with state submitted, status Accepted; the
    // approval (and delivery) come later. Here Graph takes 30 s of the shared clock to get there.
    app.t.emulator.knobs.processingDelayMs = PROCESSING_MS;
  });
  after(async () => {
    await app.stop();
  });

  /** Waits until the bot's second look at the request in Graph (its first follow-up) has run. */
  async function lookedAgain(itemId: string) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const item = await app.store.workflows.get(itemId);
      if (item?.outbox.some((e) => e.id === 'sync:submitted#1' && e.doneAt)) return;
      if (Date.now() > deadline) throw new Error('the bot never looked at Graph again');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('shows Submitted, asks no approver and reads no approval until Graph has started it, then moves on', async () => {
    const { channel, emulator } = app.t;
    const form = invokeCard(await channel.invoke('AdeleV', 'access.open', { packageId: COVID }));
    const mark = channel.recorder.mark();
    const logged = emulator.requestLog.all().length;
    const status = invokeCard(
      await channel.invoke('AdeleV', 'access.submit', {
        ...actionData(form, 'access.submit')[0]!,
        justification: 'Vaccine logistics',
      }),
    );
    assert.match(cardText(status), /Submitted/);
    assert.match(cardText(status), /processing it/);

    // Before Graph processes it: no approver is asked, and nobody reads the approval (it does not exist).
    const itemId = String(actionData(status, 'access.status')[0]!.itemId);
    app.clock.advance(PROCESSING_MS - 5_000);
    await lookedAgain(itemId); // the bot looked at Graph again (10 s after the submit): still submitted
    assert.match(
      cardText(invokeCard(await channel.invoke('AdeleV', 'access.status', { itemId }))),
      /Submitted/,
    );
    assert.ok(
      !channel.recorder
        .all()
        .slice(mark)
        .some((r) => /asks for/.test(textOf(r))),
      'no approver card yet',
    );
    const approvalReads = emulator.requestLog
      .all()
      .slice(logged)
      .filter((e) => e.path.includes('accessPackageAssignmentApprovals'));
    assert.deepEqual(approvalReads, []);

    // Graph has started the approval: the bot, looking again (10 s, then 20 s later), follows; the
    // approvers get their cards and Adele's card moves on.
    app.clock.advance(25_000);
    const megans = await channel.waitFor(
      (r) => r.alias === 'MeganB' && /asks for/.test(textOf(r)),
      10_000,
      mark,
    );
    assert.match(textOf(megans), /Adele Vance asks for COVID-19 Response Team/);
    await channel.waitFor(
      (r) =>
        r.alias === 'AdeleV' &&
        /Waiting for approval/.test(textOf(r)) &&
        /Megan Bowen or Lee Gu/.test(textOf(r)),
      10_000,
      mark,
    );
    assert.match(
      cardText(invokeCard(await channel.invoke('AdeleV', 'access.status', { itemId }))),
      /Megan Bowen or Lee Gu decides/,
    );
  });
});
