import { strict as assert } from 'node:assert';
import { cardOf, cardText } from '../../../emulator/teams/cards';
import { createMemoryStore } from '../../../services/adapters/memory';
import type { Store } from '../../../services/ports/store';
import { mongoTestDb } from '../../support/mongo';
import { actionData, invokeCard, startAccessApp, textOf } from './accessApp';

const COVID = '46cc8ae5-eb71-5420-a089-2738882cfd8a';

/** Where the bots keep their state, and how each new bot gets at it. */
interface StoreKind {
  name: string;
  /** Whether each bot opens a store of its own, closed when that bot stops. */
  storePerBot: boolean;
  open(): { storeFactory?: () => Promise<Store>; dispose(): Promise<void> };
}

const kinds: StoreKind[] = [
  // One store object outlives every bot: the bot itself keeps nothing in memory.
  // (Named here, so that E2E_STORE=mongodb, which moves the default store, leaves this kind in memory.)
  {
    name: 'in memory',
    storePerBot: false,
    open: () => {
      const store = createMemoryStore();
      return { storeFactory: () => Promise.resolve(store), dispose: async () => undefined };
    },
  },
  // The real wire protocol: each bot opens a new MongoClient on the same database, as a new process
  // would, after the old bot closed its own.
  {
    name: 'over MongoDB, a new connection per bot',
    storePerBot: true,
    open: () => {
      const db = mongoTestDb('e2e_restart');
      return { storeFactory: () => db.connect(), dispose: () => db.drop() };
    },
  },
];

for (const kind of kinds)
  describe(`e2e access: a bot restart mid-flow loses nothing (${kind.name})`, () => {
    let app: Awaited<ReturnType<typeof startAccessApp>>;
    let stores: ReturnType<StoreKind['open']> | undefined;
    before(async () => {
      stores = kind.open();
      app = await startAccessApp({ storeFactory: stores.storeFactory });
      for (const alias of ['AdeleV', 'MeganB', 'LeeG']) await app.t.channel.install(alias);
    });
    /** Restarts the bot; checks it opened a new store, and the old one is closed, when the kind says so. */
    const restart = async () => {
      const before = app.store;
      await app.restart();
      assert.equal(app.store !== before, kind.storePerBot, 'a store of its own per bot');
      const oldAnswers = await before.ping().then(
        () => true,
        () => false,
      );
      assert.equal(oldAnswers, !kind.storePerBot, "the old bot's own store is closed");
    };
    after(async () => {
      // Stopping the bot closes its store; then the database goes.
      await app?.stop();
      await stores?.dispose();
    });

    it('Graph throttles the submit, the bot restarts, the new bot submits once and the approval goes on', async () => {
      const { channel, emulator } = app.t;
      const form = invokeCard(await channel.invoke('AdeleV', 'access.open', { packageId: COVID }));
      const submit = { ...actionData(form, 'access.submit')[0]!, justification: 'Joining the response' };
      // Retry-After beyond the client's own retry budget: the outbox keeps the submit for later.
      emulator.knobs.failNext(1, { status: 429, path: /assignmentRequests$/, retryAfter: 120 });
      const first = invokeCard(await channel.invoke('AdeleV', 'access.submit', submit));
      assert.match(cardText(first), /Submitted/);
      assert.match(cardText(first), /I will retry by myself/);

      await restart();
      const mark = channel.recorder.mark();
      app.clock.advance(121_000);
      const megan = await channel.waitFor(
        (r) => r.alias === 'MeganB' && /Adele Vance asks/.test(textOf(r)),
        10_000,
        mark,
      );
      await channel.waitFor((r) => r.alias === 'LeeG' && /Adele Vance asks/.test(textOf(r)), 10_000, mark);

      await restart();
      const decide = actionData(cardOf(megan), 'approval.decide').find((d) => d.decision === 'approve')!;
      const m2 = channel.recorder.mark();
      assert.match(
        cardText(
          invokeCard(
            await channel.invoke(
              'MeganB',
              'approval.decide',
              { ...decide, reason: 'ok' },
              { replyToId: megan.activityId },
            ),
          ),
        ),
        /Approved by you/,
      );
      await channel.waitFor((r) => r.alias === 'AdeleV' && /was approved/.test(textOf(r)), 10_000, m2);

      const adele = {
        userId: channel.user('AdeleV').aadObjectId,
        assertion: emulator.tokens.userAssertion('AdeleV'),
      };
      assert.equal(
        (await app.gateways.entitlement.myRequests(adele)).filter((r) => r.accessPackage?.id === COVID)
          .length,
        1,
        'one Graph request',
      );
      assert.equal(
        channel.sentTo('MeganB').filter((r) => r.op !== 'update' && /Adele Vance asks/.test(textOf(r)))
          .length,
        1,
        'one card each',
      );
      // What the last bot reads from its store (for MongoDB, a third connection) is the one request, decided.
      const items = await app.store.workflows.find({ kind: 'accessRequest' });
      assert.equal(items.length, 1, 'one stored request');
      assert.match(items[0]!.state, /^deliver(ing|ed)$/);
    });
  });
