import { strict as assert } from 'node:assert';
import type { CommandStartedEvent } from 'mongodb';
import { cardOf } from '../../../emulator/teams/cards';
import { connectMongoStore } from '../../../services/adapters/mongo';
import { INDEXES } from '../../../services/adapters/mongo/indexes';
import { unservedQueries } from '../../support/indexedQueries';
import { mongoTestDb } from '../../support/mongo';
import { actionData, invokeCard, startAccessApp, textOf } from './accessApp';

const COVID = '46cc8ae5-eb71-5420-a089-2738882cfd8a';
const DAY_MS = 24 * 60 * 60_000;

/**
 * The access journey over MongoDB with the driver's command monitoring on: every query the adapters
 * send, the pollers' included, must be served by an index declared in services/adapters/mongo/indexes.ts.
 */
describe('e2e access over MongoDB: every query is served by a declared index', () => {
  let db: ReturnType<typeof mongoTestDb>;
  const commands: CommandStartedEvent[] = [];
  let app: Awaited<ReturnType<typeof startAccessApp>>;
  before(async () => {
    db = mongoTestDb('e2e_indexes');
    app = await startAccessApp({
      storeFactory: () =>
        connectMongoStore({ uri: db.uri, dbName: db.dbName, onCommand: (e) => void commands.push(e) }),
    });
    for (const alias of ['AdeleV', 'MeganB', 'LeeG', 'HenriettaM']) await app.t.channel.install(alias);
  });
  after(async () => {
    await app?.stop();
    await db?.drop();
  });

  it('request, approve, deny, lists, timers, the reconcile round and the expiry scan use indexes only', async () => {
    const { channel } = app.t;
    const ask = async (alias: string) => {
      const mark = channel.recorder.mark();
      const form = invokeCard(await channel.invoke(alias, 'access.open', { packageId: COVID }));
      const submit = actionData(form, 'access.submit')[0]!;
      await channel.invoke(alias, 'access.submit', { ...submit, justification: `${alias} joins` });
      return channel.waitFor(
        (r) => r.alias === 'MeganB' && r.op !== 'update' && /asks/.test(textOf(r)),
        10_000,
        mark,
      );
    };
    const decide = async (card: Awaited<ReturnType<typeof ask>>, decision: 'approve' | 'deny') => {
      const data = actionData(cardOf(card), 'approval.decide').find((d) => d.decision === decision)!;
      await channel.invoke(
        'MeganB',
        'approval.decide',
        { ...data, reason: 'checked' },
        { replyToId: card.activityId },
      );
    };
    await channel.send('AdeleV', 'request access');
    await decide(await ask('AdeleV'), 'approve');
    await decide(await ask('HenriettaM'), 'deny');
    await channel.send('AdeleV', 'my requests');
    await channel.send('MeganB', 'approvals');
    await channel.send('AdeleV', 'my access');
    // A day on: the pollers, the timers, the reconcile round and the expiry scan all run.
    app.clock.advance(DAY_MS);
    await app.wf().runDue();
    await app.wf().outbox.settled();

    const seen = new Set(commands.map((c) => `${c.commandName} ${String(c.command[c.commandName])}`));
    for (const expected of ['find workflows', 'findAndModify workflows', 'find jobs', 'insert audit'])
      assert.ok(seen.has(expected), `the journey sent ${expected} (saw: ${[...seen].join(', ')})`);
    assert.deepEqual(unservedQueries(commands, INDEXES), []);
  });
});
