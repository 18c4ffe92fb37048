import { strict as assert } from 'node:assert';
import { crashRun, type CrashReport } from '../support/crash/crashRun';
import { mongoTestDb, type MongoTestDb } from '../support/mongo';

describe('e2e: SIGKILLs of the bot process mid-flow (MongoDB stand-in, Graph emulator, Teams channel)', function () {
  this.timeout(180_000);
  let db: MongoTestDb;
  let report: CrashReport;

  before(async () => {
    db = mongoTestDb('crash');
    report = await crashRun({
      seed: Number(process.env.CRASH_SEED ?? 9),
      kills: Number(process.env.CRASH_KILLS ?? 4),
      minFlows: 8,
      maxFlows: 40,
      concurrency: 4,
      killAfterMs: [500, 3_000],
      settleMs: 30_000,
      db,
      log: (line) => console.log(line),
    });
    console.log(JSON.stringify(report, null, 2));
  });
  after(async () => {
    await db?.drop();
  });

  it('loses no request', () => assert.deepEqual(report.lost, []));
});
