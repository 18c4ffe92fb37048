import { strict as assert } from 'node:assert';
import { renderNoticeCard } from '../../cards/notice';
import { createMemoryStore } from '../../services/adapters/memory';
import { startTestApp } from '../support/app';

describe('e2e: graceful shutdown', () => {
  it('finishes turns in flight, refuses new ones, then stops background tasks and closes the store', async () => {
    const events: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    const store = createMemoryStore();
    const close = store.close.bind(store);
    store.close = async () => {
      events.push('store closed');
      await close();
    };
    const t = await startTestApp({
      store,
      flows: [
        () => ({
          messages: {
            reviews: async () => {
              entered();
              await released;
              events.push('turn finished');
              return renderNoticeCard({ title: 'Reviews', text: 'none' });
            },
          },
          background: [
            {
              name: 'scheduler',
              start: () => events.push('scheduler started'),
              stop: async () => void events.push('scheduler stopped'),
            },
          ],
        }),
      ],
    });
    await t.channel.install('NestorW');
    const slow = t.channel.send('NestorW', 'reviews');
    await inHandler;
    const stopped = t.app.stop();
    const refused = await fetch(`${t.url}/api/messages`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    }).then(
      (r) => r.status,
      () => 'connection refused',
    );
    assert.ok(refused === 503 || refused === 'connection refused', String(refused));
    assert.deepEqual(events, ['scheduler started']);
    release();
    assert.equal((await slow).status, 200);
    await stopped;
    assert.deepEqual(events, ['scheduler started', 'turn finished', 'scheduler stopped', 'store closed']);
    const reply = t.channel.sentTo('NestorW').at(-1);
    assert.match(JSON.stringify(reply?.activity), /Reviews/);
    await t.channel.stop();
  });
});
