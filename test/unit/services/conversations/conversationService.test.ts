import { strict as assert } from 'node:assert';
import { ManualClock } from '../../../../services/clock';
import { ConversationService } from '../../../../services/conversations/conversationService';
import type { ConversationRecord, ConversationStore } from '../../../../services/ports/conversationStore';

/** An in-process store that counts writes. */
function countingStore(): ConversationStore & { writes: number } {
  const records = new Map<string, ConversationRecord>();
  return {
    writes: 0,
    async save(r) {
      this.writes += 1;
      records.set(r.userId, structuredClone(r));
    },
    async get(id) {
      return structuredClone(records.get(id));
    },
  };
}

const ref = (conversationId: string) => ({
  conversation: { id: conversationId },
  user: { id: '29:1a' },
  channelId: 'msteams',
});

describe('ConversationService', () => {
  it('saves a new user and reports there was nothing before', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    const store = countingStore();
    const service = new ConversationService({ store, clock });
    const result = await service.remember({ userId: 'u1', tenantId: 't1', reference: ref('a:1') });
    assert.deepEqual(result, { previous: undefined, written: true });
    assert.deepEqual(await service.find('u1'), {
      userId: 'u1',
      tenantId: 't1',
      reference: ref('a:1'),
      updatedAt: new Date('2026-03-01T10:00:00Z'),
    });
  });

  it('skips the write for an unchanged reference seen within the hour, and refreshes it after', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    const store = countingStore();
    const service = new ConversationService({ store, clock });
    await service.remember({ userId: 'u1', tenantId: 't1', reference: ref('a:1') });
    clock.advance(30 * 60_000);
    const again = await service.remember({ userId: 'u1', tenantId: 't1', reference: ref('a:1') });
    assert.equal(again.written, false);
    assert.equal(store.writes, 1);
    clock.advance(31 * 60_000);
    assert.equal(
      (await service.remember({ userId: 'u1', tenantId: 't1', reference: ref('a:1') })).written,
      true,
    );
    assert.equal((await service.find('u1'))?.updatedAt.toISOString(), '2026-03-01T11:01:00.000Z');
  });

  it('writes at once when the conversation changes, returning the old record', async () => {
    const clock = new ManualClock();
    const store = countingStore();
    const service = new ConversationService({ store, clock });
    await service.remember({ userId: 'u1', tenantId: 't1', reference: ref('a:1') });
    const moved = await service.remember({ userId: 'u1', tenantId: 't1', reference: ref('a:2') });
    assert.equal(moved.written, true);
    assert.deepEqual(moved.previous?.reference, ref('a:1'));
    assert.deepEqual((await service.find('u1'))?.reference, ref('a:2'));
  });

  it('keeps the time zone and locale of the latest activity that sent them', async () => {
    const clock = new ManualClock();
    const store = countingStore();
    const service = new ConversationService({ store, clock });
    const base = { userId: 'u1', tenantId: 't1', reference: ref('a:1') };
    await service.remember({ ...base, timeZone: 'Europe/Berlin', locale: 'de-DE' });
    assert.equal(store.writes, 1);
    // An activity without clientInfo (some installation events) keeps what we knew, and costs no write.
    assert.equal((await service.remember(base)).written, false);
    assert.equal((await service.find('u1'))?.timeZone, 'Europe/Berlin');
    // A user who travelled: the new zone is written at once, not an hour later.
    assert.equal((await service.remember({ ...base, timeZone: 'America/New_York' })).written, true);
    const found = await service.find('u1');
    assert.equal(found?.timeZone, 'America/New_York');
    assert.equal(found?.locale, 'de-DE');
  });

  it('finds a user only within their tenant', async () => {
    const service = new ConversationService({ store: countingStore(), clock: new ManualClock() });
    await service.remember({ userId: 'u1', tenantId: 't1', reference: ref('a:1') });
    assert.equal((await service.find('u1', 't1'))?.userId, 'u1');
    assert.equal(await service.find('u1', 'other-tenant'), undefined);
    assert.equal(await service.find('nobody'), undefined);
  });

  it('refuses to remember without a user or tenant id', async () => {
    const service = new ConversationService({ store: countingStore(), clock: new ManualClock() });
    await assert.rejects(
      service.remember({ userId: '', tenantId: 't1', reference: ref('a:1') }),
      /userId and a tenantId/,
    );
  });
});
