import { strict as assert } from 'node:assert';
import type { CommandStartedEvent, IndexDescription } from 'mongodb';
import { unservedQueries } from '../../support/indexedQueries';

const event = (commandName: string, command: Record<string, unknown>) =>
  ({ commandName, command: { [commandName]: 'jobs', ...command } }) as unknown as CommandStartedEvent;

describe('unservedQueries (the index check of the e2e journey over MongoDB)', () => {
  const indexes: Record<string, IndexDescription[]> = {
    jobs: [{ key: { runAt: 1 } }, { key: { lockedUntil: 1 } }],
  };

  it('passes queries by _id or by an index’s first field, alone or under $and', () => {
    const ok = [
      event('find', { filter: { _id: 'a' } }),
      event('find', { filter: { runAt: { $lte: 1 }, doneAt: { $exists: false } }, sort: { runAt: 1 } }),
      event('findAndModify', { query: { $and: [{ lockedUntil: { $lte: 1 } }, { x: 1 }] } }),
      event('update', { updates: [{ q: { _id: { $regex: '^a:' } } }] }),
      event('insert', { documents: [{}] }),
      event('find', { filter: {}, sort: { runAt: 1 }, limit: 1 }),
    ];
    assert.deepEqual(unservedQueries(ok, indexes), []);
  });

  it('flags a scan: no filter, an unindexed field, a field only some $or branches name, $exists: false', () => {
    const bad = [
      event('find', { filter: {} }),
      event('delete', { deletes: [{ q: { doneAt: { $lte: 1 } } }] }),
      event('find', { filter: { $or: [{ runAt: 1 }, { other: 2 }] } }),
      event('count', { query: { runAt: { $exists: false } } }),
    ];
    assert.deepEqual(
      unservedQueries(bad, indexes).map((q) => q.command),
      ['find', 'delete', 'find', 'count'],
    );
  });
});
