import { strict as assert } from 'node:assert';
import type { CommandStartedEvent } from 'mongodb';
import type { Recorded } from '../../../emulator/teams/channel';
import { connectMongoStore } from '../../../services/adapters/mongo';
import { INDEXES } from '../../../services/adapters/mongo/indexes';
import { unservedQueries } from '../../support/indexedQueries';
import { mongoTestDb } from '../../support/mongo';
import { textOf } from '../access/accessApp';
import { startDigestApp } from './digestApp';

const isDigest = (r: Recorded) => r.op !== 'update' && /Weekly audit digest/.test(textOf(r));

/**
 * Two bot instances on one MongoDB, as two replicas behind a load balancer: both schedule the weekly
 * run and poll for it; one collects and each recipient gets one digest. Every query the digest's
 * adapters send must be served by an index declared in services/adapters/mongo/indexes.ts.
 */
describe('e2e digest over MongoDB: two bot instances send one digest', () => {
  let db: ReturnType<typeof mongoTestDb>;
  const commands: CommandStartedEvent[] = [];
  let app: Awaited<ReturnType<typeof startDigestApp>>;
  before(async () => {
    db = mongoTestDb('e2e_digest');
    app = await startDigestApp({
      replicas: 2,
      storeFactory: () =>
        connectMongoStore({ uri: db.uri, dbName: db.dbName, onCommand: (e) => void commands.push(e) }),
    });
    for (const alias of ['IsaiahL', 'PattiF']) await app.channel.install(alias);
  });
  after(async () => {
    await app?.stop();
    await db?.drop();
  });

  it('Isaiah and Patti each get one digest; only one replica collected it', async () => {
    app.emulator.requestLog.clear();
    const mark = app.channel.recorder.mark();
    app.clock.set(new Date('2026-11-30T08:00:00Z'));
    await app.channel.waitFor((r) => r.alias === 'IsaiahL' && isDigest(r), 20_000, mark);
    await app.channel.waitFor((r) => r.alias === 'PattiF' && isDigest(r), 20_000, mark);
    // Both replicas keep polling a while longer: nothing more is sent.
    await new Promise((r) => setTimeout(r, 1_000));
    for (const alias of ['IsaiahL', 'PattiF'])
      assert.equal(app.channel.sentTo(alias).filter(isDigest).length, 1, `${alias} got exactly one`);
    assert.equal(
      app.emulator.requestLog.count({ method: 'GET', path: '/v1.0/security/secureScores' }),
      1,
      'collected once',
    );
    const runs = await app.store().digest.runs.recentWeekly(5);
    assert.deepEqual(
      runs.map((r) => [r.id, r.state]),
      [['week:2026-11-30T08:00:00.000Z', 'complete']],
    );
  });

  it('every digest query is served by a declared index', () => {
    const digestCommands = commands.filter((c) => /^digest/.test(String(c.command[c.commandName])));
    const seen = new Set(digestCommands.map((c) => `${c.commandName} ${String(c.command[c.commandName])}`));
    for (const expected of ['find digestRuns', 'find digestFindings', 'find digestItems', 'find digestJobs'])
      assert.ok(seen.has(expected), `sent ${expected} (saw: ${[...seen].join(', ')})`);
    assert.deepEqual(unservedQueries(digestCommands, INDEXES), []);
  });

  it("never touches the shared runner's collections (its outbox and scheduler would claim digest work)", () => {
    // Only the digest flow runs here: any read or write of `workflows` or `jobs` would be the digest's
    // (the store creates every collection's indexes when it connects).
    const shared = commands.filter(
      (c) =>
        c.commandName !== 'createIndexes' && ['workflows', 'jobs'].includes(String(c.command[c.commandName])),
    );
    assert.deepEqual(
      shared.map((c) => `${c.commandName} ${String(c.command[c.commandName])}`),
      [],
    );
    assert.ok(commands.some((c) => c.commandName === 'findAndModify' || c.commandName === 'update'));
  });
});
