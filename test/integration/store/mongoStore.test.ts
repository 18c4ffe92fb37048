import { strict as assert } from 'node:assert';
import { connectMongoStore } from '../../../services/adapters/mongo';
import type { Store } from '../../../services/ports/store';
import { storeContract } from '../../contracts/store.contract';
import { at, newItem, newJob } from '../../contracts/storeFixtures';
import { mongoTestDb, type MongoTestDb } from '../../support/mongo';

describe('MongoDB store', function () {
  const databases = new Map<Store, MongoTestDb>();

  storeContract(
    'MongoDB',
    async () => {
      const db = mongoTestDb('contract');
      const store = await db.connect();
      databases.set(store, db);
      return store;
    },
    async (store) => {
      await store.close();
      await databases.get(store)?.drop();
      databases.delete(store);
    },
  );

  describe('on the server', function () {
    let db: MongoTestDb;
    let store: Store;

    beforeEach(async function () {
      db = mongoTestDb('adapter');
      store = await db.connect();
    });

    afterEach(async function () {
      await store.close();
      await db.drop();
    });

    it('keeps everything across a restart: a second connection reads what the first wrote', async function () {
      await store.workflows.create(newItem({ idempotencyKey: 'k' }));
      await store.jobs.schedule(newJob('req-1:remind', 10), at(0));
      await store.close();

      store = await db.connect();
      assert.equal((await store.workflows.get('req-1'))?.version, 1);
      assert.equal(
        (await store.workflows.create(newItem({ id: 'req-2', idempotencyKey: 'k' }))).created,
        false,
      );
      assert.equal((await store.workflows.update('req-1', 1, { state: 'approved', at: at(1) }))?.version, 2);
      assert.deepEqual(
        (await store.jobs.claimDue(at(10), 'w1', 60_000, 5)).map((j) => j.id),
        ['req-1:remind'],
      );
    });

    it('stores documents with _id and schemaVersion 1, and leaves no revision markers behind', async function () {
      await store.workflows.create(newItem({ idempotencyKey: 'k' }));
      await store.jobs.schedule(newJob('j', 0), at(0));
      await store.audit.append({ id: 'e1', at: at(0), type: 't', summary: 's' });
      await store.conversations.save({ userId: 'u1', tenantId: 't', reference: {}, updatedAt: at(0) });
      await store.workflows.update('req-1', 1, { state: 'approved', at: at(1) });
      await store.jobs.claimDue(at(1), 'w1', 60_000, 1);
      const raw = (await db.client()).db(db.dbName);
      // Applied revision markers are deleted in batches, off the write path; closing flushes them.
      await store.close();
      assert.equal(await raw.collection('revisions').countDocuments(), 0);
      store = await db.connect();
      for (const [collection, id] of [
        ['workflows', 'req-1'],
        ['jobs', 'j'],
        ['audit', 'e1'],
        ['conversations', 'u1'],
      ] as const) {
        const doc = await raw
          .collection<{ _id: string; schemaVersion?: number }>(collection)
          .findOne({ _id: id });
        assert.equal(doc?.schemaVersion, 1, collection);
        assert.equal('id' in (doc ?? {}), false, collection);
        assert.equal('userId' in (doc ?? {}), false, collection);
      }
    });

    it('rolls forward a change whose writer died after winning the version', async function () {
      await store.workflows.create(newItem());
      // What a writer leaves behind when it dies between claiming version 2 and writing it.
      const raw = (await db.client()).db(db.dbName);
      await raw.collection<{ _id: string; change: unknown; claimedAt: Date }>('revisions').insertOne({
        _id: 'workflows/req-1#2',
        change: { set: { state: 'approved', updatedAt: at(1) } },
        claimedAt: new Date(Date.now() - 60_000),
      });
      assert.equal(await store.workflows.update('req-1', 1, { state: 'denied', at: at(2) }), undefined);
      const after = await store.workflows.get('req-1');
      assert.deepEqual([after?.version, after?.state], [2, 'approved']);
      assert.equal((await store.workflows.update('req-1', 2, { state: 'closed', at: at(3) }))?.version, 3);
    });

    it('fails loudly when the server cannot be reached', async function () {
      await assert.rejects(
        connectMongoStore({ uri: 'mongodb://127.0.0.1:1/', dbName: 'x', serverSelectionTimeoutMS: 300 }),
        /ECONNREFUSED|Server selection timed out/,
      );
    });
  });
});
