import { strict as assert } from 'node:assert';
import type { ConversationRecord } from '../../services/ports/conversationStore';
import type { CurrentStore } from './store.contract';
import { at } from './storeFixtures';

function record(serviceUrl: string, minute: number): ConversationRecord {
  return {
    userId: 'user-alice',
    tenantId: 'tenant-1',
    reference: { serviceUrl, conversation: { id: 'a:1' }, bot: { id: '28:bot' }, channelId: 'msteams' },
    updatedAt: at(minute),
  };
}

/** ConversationStore: one reference per user, replaced on save. */
export function conversationStoreContract(store: CurrentStore): void {
  describe('ConversationStore', function () {
    it('saves, replaces and reads back a user reference', async function () {
      assert.equal(await store().conversations.get('user-alice'), undefined);
      await store().conversations.save(record('https://smba.example/emea/', 1));
      assert.deepEqual(
        await store().conversations.get('user-alice'),
        record('https://smba.example/emea/', 1),
      );
      await store().conversations.save(record('https://smba.example/amer/', 2));
      assert.deepEqual(
        await store().conversations.get('user-alice'),
        record('https://smba.example/amer/', 2),
      );
      assert.equal(await store().conversations.get('user-bob'), undefined);
    });

    it('keeps the optional time zone and locale, and leaves them absent when unknown', async function () {
      await store().conversations.save({
        ...record('https://smba.example/emea/', 1),
        timeZone: 'Asia/Tokyo',
        locale: 'ja-JP',
      });
      const read = await store().conversations.get('user-alice');
      assert.equal(read?.timeZone, 'Asia/Tokyo');
      assert.equal(read?.locale, 'ja-JP');
      await store().conversations.save(record('https://smba.example/emea/', 2));
      const replaced = await store().conversations.get('user-alice');
      assert.ok(replaced && !('timeZone' in replaced) && !('locale' in replaced));
    });

    it('hands out copies of stored references', async function () {
      const saved = record('https://smba.example/emea/', 1);
      await store().conversations.save(saved);
      (saved.reference.conversation as { id: string }).id = 'changed';
      const read = await store().conversations.get('user-alice');
      assert.deepEqual(read?.reference.conversation, { id: 'a:1' });
    });
  });
}
