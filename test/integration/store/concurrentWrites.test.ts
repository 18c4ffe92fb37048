import { strict as assert } from 'node:assert';
import { MongoClient } from 'mongodb';
import { mongoTestDb, type MongoTestDb } from '../../support/mongo';

/** More clients than a test or benchmark opens at once (see FERRETDB_PG_POOL). */
const CLIENTS = 4;
const WRITES_PER_CONNECTION = 3;
/** A server that makes progress answers these in well under a second; one that is stuck never does. */
const STUCK_AFTER_MS = 15_000;

/**
 * The server of the run, as every test and benchmark reaches it (MONGODB_URI as given): concurrent
 * conditional writes on every connection the clients may open all finish. FerretDB 1.24's PostgreSQL
 * handler holds one pooled PostgreSQL connection per findAndModify while it waits for another; with the
 * driver's 100 connections over its 50 it hung for good, which is how the 1,000-click benchmark stalled.
 */
describe('integration: concurrent writes on every connection the store clients open', function () {
  this.timeout(60_000);
  let db: MongoTestDb;
  const clients: MongoClient[] = [];

  before(async () => {
    db = mongoTestDb('concurrent_writes');
    // Each client opens all its connections before the writes start (warm, as after a busy minute), so
    // the writes reach the server at once rather than as the pool grows.
    const poolSize = new MongoClient(db.uri).options.maxPoolSize;
    for (let i = 0; i < CLIENTS; i++) {
      const client = new MongoClient(db.uri, { minPoolSize: poolSize, maxConnecting: poolSize });
      let ready = 0;
      const warm = new Promise<void>((resolve) =>
        client.on('connectionReady', () => ++ready === poolSize && resolve()),
      );
      await client.connect();
      await warm;
      clients.push(client);
    }
  });
  after(async () => {
    for (const client of clients) await client.close();
    await db?.drop();
  });

  it('finishes a findOneAndUpdate on each connection of each client, all at once', async () => {
    const poolSize = clients[0]!.options.maxPoolSize;
    const per = poolSize * WRITES_PER_CONNECTION;
    const items = (c: number) => clients[c]!.db(db.dbName).collection<{ _id: string; v: number }>('items');
    for (let c = 0; c < CLIENTS; c++)
      await items(c).insertMany(Array.from({ length: per }, (_, i) => ({ _id: `c${c}-${i}`, v: 0 })));
    const writes = clients.flatMap((_, c) =>
      Array.from({ length: per }, (__, i) =>
        items(c).findOneAndUpdate(
          { _id: `c${c}-${i}`, v: 0 },
          { $inc: { v: 1 } },
          { returnDocument: 'after' },
        ),
      ),
    );
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${writes.length} concurrent writes unfinished after ${STUCK_AFTER_MS} ms`)),
        STUCK_AFTER_MS,
      );
    });
    try {
      const done = await Promise.race([Promise.all(writes), stuck]);
      assert.equal(done.filter((d) => d?.v === 1).length, CLIENTS * per);
    } finally {
      clearTimeout(timer);
    }
  });
});
