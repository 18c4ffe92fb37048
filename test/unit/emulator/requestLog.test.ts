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
