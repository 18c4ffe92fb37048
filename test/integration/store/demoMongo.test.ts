import { strict as assert } from 'node:assert';
import pino from 'pino';
import { demoWiring } from '../../../bot/demo';
import { loadConfig } from '../../../services/config';
import { mongoTestDb } from '../../support/mongo';

describe('demo mode with MONGODB_URI', () => {
  it('keeps its state in that MongoDB instead of memory', async () => {
    const db = mongoTestDb('demo_mongo');
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      DEMO_EMULATOR_PORT: '0',
      MONGODB_URI: db.uri,
      MONGODB_DB: db.dbName,
    });
    const wiring = await demoWiring(config, pino({ level: 'silent' }));
    try {
      await wiring.store.conversations.save({
        userId: 'u1',
        tenantId: 't',
        reference: {},
        updatedAt: new Date(),
      });
      const raw = (await db.client()).db(db.dbName);
      assert.equal(await raw.collection('conversations').countDocuments({ _id: 'u1' as never }), 1);
    } finally {
      await wiring.stop();
      await db.drop();
    }
  });
});
