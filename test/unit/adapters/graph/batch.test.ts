import { strict as assert } from 'node:assert';
import pino from 'pino';
import {
  GraphBatcher,
  type BatchRequest,
  type BatchResponse,
} from '../../../../services/adapters/graph/batch';

const logger = pino({ level: 'silent' });
const settings = { concurrency: 2, maxItemRetries: 3, maxTotalMs: 60_000, defaultRetryAfterMs: 1000 };
const requests = (n: number): BatchRequest[] =>
  Array.from({ length: n }, (_, i) => ({ id: `r${i}`, method: 'GET', url: `/users/${i}` }));
const ok = (r: BatchRequest): BatchResponse => ({ id: r.id, status: 200, body: { url: r.url } });

describe('GraphBatcher', () => {
  it('sends chunks of at most 20, no more than `concurrency` at once, and keys answers by id', async () => {
    const sizes: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const batcher = new GraphBatcher(settings, logger, async () => {});
    const results = await batcher.run(requests(45), async (chunk) => {
      sizes.push(chunk.length);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return chunk.map(ok).reverse(); // Graph does not keep order
    });
    assert.deepEqual(
      sizes.sort((a, b) => b - a),
      [20, 20, 5],
    );
    assert.equal(maxInFlight, 2);
    assert.equal(results.size, 45);
    assert.deepEqual(results.get('r44')?.body, { url: '/users/44' });
  });

  it('re-sends only throttled items, after their longest Retry-After', async () => {
    const sent: string[][] = [];
    const waits: number[] = [];
    const batcher = new GraphBatcher(settings, logger, async (ms) => void waits.push(ms));
    const results = await batcher.run(requests(4), async (chunk) => {
      sent.push(chunk.map((r) => r.id));
      return chunk.map((r) =>
        sent.length === 1 && (r.id === 'r1' || r.id === 'r3')
          ? { id: r.id, status: 429, headers: { 'Retry-After': r.id === 'r1' ? '2' : '5' } }
          : ok(r),
      );
    });
    assert.deepEqual(sent, [
      ['r0', 'r1', 'r2', 'r3'],
      ['r1', 'r3'],
    ]);
    assert.deepEqual(waits, [5000]);
    assert.deepEqual(
      [...results.values()].map((r) => r.status),
      [200, 200, 200, 200],
    );
  });

  it('keeps the 429 answer when retries run out, and gives up early past the time budget', async () => {
    let calls = 0;
    const throttled = async (chunk: BatchRequest[]) => {
      calls++;
      return chunk.map((r) => ({ id: r.id, status: 429, headers: { 'retry-after': '1' } }));
    };
    const batcher = new GraphBatcher(settings, logger, async () => {});
    const results = await batcher.run(requests(1), throttled);
    assert.equal(calls, 1 + settings.maxItemRetries);
    assert.equal(results.get('r0')?.status, 429);

    calls = 0;
    const impatient = new GraphBatcher({ ...settings, maxTotalMs: 500 }, logger, async () => {});
    await impatient.run(requests(1), throttled);
    assert.equal(calls, 1, 'a 1 s Retry-After does not fit in a 500 ms budget');
  });

  it('answers 502 for an item the reply left out, and refuses duplicate ids', async () => {
    const batcher = new GraphBatcher(settings, logger, async () => {});
    const results = await batcher.run(requests(2), async (chunk) => [ok(chunk[0]!)]);
    assert.equal(results.get('r1')?.status, 502);
    await assert.rejects(
      batcher.run([...requests(1), ...requests(1)], async () => []),
      /unique/,
    );
  });
});
