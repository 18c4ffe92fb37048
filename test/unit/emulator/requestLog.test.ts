import { strict as assert } from 'node:assert';
import { RequestLog, type LoggedRequest } from '../../../emulator/graph/requestLog';

const entry = (i: number): LoggedRequest => ({
  time: new Date(i),
  api: 'graph',
  method: 'GET',
  path: `/v1.0/users/${i}`,
  query: '',
  status: 200,
  inBatch: false,
});

describe('RequestLog', () => {
  it('keeps only the newest requests once past its limit, oldest dropped first', () => {
    const log = new RequestLog(100);
    for (let i = 0; i < 1_000; i++) log.record(entry(i));
    assert.ok(log.all().length <= 100);
    assert.equal(log.all().at(-1)?.path, '/v1.0/users/999');
    assert.equal(log.count({ path: '/v1.0/users/5' }), 0);
  });
});
describe('RequestLog.busyWithin (the emulator share the turns benchmark takes out)', () => {
  it('counts overlapping requests once and only the part inside the window', () => {
    const log = new RequestLog();
    log.served(100, 110); // inside
    log.served(105, 120); // overlaps the first: 110–120 is new
    log.served(130, 140); // inside, apart
    log.served(90, 102); // starts before the window: 100–102, already counted by the first
    log.served(145, 160); // ends after the window: 145–150
    log.served(10, 20); // before the window: not counted
    assert.equal(log.busyWithin(100, 150), 20 + 10 + 5);
  });

  it('is 0 when nothing was served, and forgets with clear()', () => {
    const log = new RequestLog();
    assert.equal(log.busyWithin(0, 1000), 0);
    log.served(1, 2);
    log.clear();
    assert.equal(log.busyWithin(0, 1000), 0);
  });
});
