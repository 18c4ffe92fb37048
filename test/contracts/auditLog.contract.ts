import { strict as assert } from 'node:assert';
import type { AuditEvent } from '../../services/ports/auditLog';
import type { CurrentStore } from './store.contract';
import { at } from './storeFixtures';

function event(id: string, minute: number, more: Partial<AuditEvent> = {}): AuditEvent {
  return { id, at: at(minute), type: 'request.submitted', summary: `event ${id}`, ...more };
}

/** AuditLog: append-only, idempotent by id, filtered lists oldest first. */
export function auditLogContract(store: CurrentStore): void {
  describe('AuditLog', function () {
    it('appends once per id: a retried append changes nothing', async function () {
      const first = event('e1', 1, {
        actorId: 'alice',
        itemId: 'req-1',
        source: { card: 'approval-request' },
        details: { reason: 'ok', n: 2 },
      });
      await store().audit.append(first);
      await store().audit.append({ ...first, summary: 'a retry with other words' });
      first.summary = 'changed after append';
      assert.deepEqual(await store().audit.list({}), [{ ...first, summary: 'event e1' }]);
    });

    it('appends several at once: existing ids stay as they were, new ones are all written', async function () {
      await store().audit.append(event('e1', 1));
      await store().audit.appendMany([
        event('e1', 1, { summary: 'a retry' }),
        event('e2', 2),
        event('e3', 3),
      ]);
      await store().audit.appendMany([]);
      assert.deepEqual(await store().audit.list({}), [event('e1', 1), event('e2', 2), event('e3', 3)]);
    });

    it('lists oldest first, since inclusive and until exclusive, by types, item and actor, up to the limit', async function () {
      const audit = store().audit;
      await audit.append(event('c', 30, { type: 'approval.decided', actorId: 'bob', itemId: 'req-1' }));
      await audit.append(event('a', 10, { actorId: 'alice', itemId: 'req-1' }));
      await audit.append(event('b', 20, { type: 'pim.activated', actorId: 'alice', itemId: 'pim-1' }));
      await audit.append(event('d', 40));
      const ids = async (q: Parameters<typeof audit.list>[0]) => (await audit.list(q)).map((e) => e.id);

      assert.deepEqual(await ids({}), ['a', 'b', 'c', 'd']);
      assert.deepEqual(await ids({ since: at(20), until: at(40) }), ['b', 'c']);
      assert.deepEqual(await ids({ types: ['approval.decided', 'pim.activated'] }), ['b', 'c']);
      assert.deepEqual(await ids({ itemId: 'req-1' }), ['a', 'c']);
      assert.deepEqual(await ids({ actorId: 'alice', since: at(15) }), ['b']);
      assert.deepEqual(await ids({ limit: 2 }), ['a', 'b']);
      assert.deepEqual(await ids({ limit: 0 }), []);
    });
  });
}
