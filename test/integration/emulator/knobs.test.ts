import { strict as assert } from 'node:assert';
import { GraphError, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import { appCredential, graphClient, useEmulator } from '../../support/emulator';

describe('emulator: throttling, faults and the request log', () => {
  const { emu } = useEmulator();
  const noRetry = [new RetryHandlerOptions(0, 0)];
  const client = () => graphClient(emu(), appCredential(emu()));

  afterEach(() => {
    emu().knobs.reset();
    emu().requestLog.clear();
  });

  it('throttles an app past its bucket with 429 TooManyRequests and Retry-After', async () => {
    emu().knobs.throttle({ capacity: 3, refillPerSecond: 0.5 });
    for (let i = 0; i < 3; i++) await client().api('/groups').middlewareOptions(noRetry).get();
    await assert.rejects(client().api('/groups').middlewareOptions(noRetry).get(), (e: GraphError) => {
      assert.equal(e.statusCode, 429);
      assert.equal(e.code, 'TooManyRequests');
      // Two seconds to a token, two more to repay the refused request's own charge.
      assert.equal(e.headers?.get('Retry-After'), '4');
      return true;
    });
    assert.equal(emu().requestLog.count({ status: 429 }), 1);
  });

  it('is off by default', async () => {
    for (let i = 0; i < 30; i++) await client().api('/groups').middlewareOptions(noRetry).get();
    assert.equal(emu().requestLog.count({ status: 429 }), 0);
  });

  it('injects a 503 into matching requests only, as many times as asked', async () => {
    emu().knobs.failNext(1, { status: 503, path: /\/groups$/, retryAfter: 1 });
    await client().api('/users').top(1).middlewareOptions(noRetry).get();
    await assert.rejects(
      client().api('/groups').middlewareOptions(noRetry).get(),
      (e: GraphError) => e.statusCode === 503 && e.code === 'ServiceUnavailable',
    );
    await client().api('/groups').middlewareOptions(noRetry).get();
  });

  it('lets the real client retry a 503 and succeed', async () => {
    emu().knobs.failNext(2, { status: 503, path: /\/groups$/, retryAfter: 0 });
    const before = emu().requestLog.count({ path: '/v1.0/groups' });
    const groups = await client()
      .api('/groups')
      .middlewareOptions([new RetryHandlerOptions(0, 3)])
      .get();
    assert.equal(groups.value.length, 6);
    assert.equal(emu().requestLog.count({ path: '/v1.0/groups' }) - before, 3);
  });

  it('adds latency', async () => {
    emu().knobs.latencyMs = 150;
    const started = Date.now();
    await client().api('/groups').get();
    assert.ok(Date.now() - started >= 150);
  });

  it('logs method, path, status and caller', async () => {
    await client().api('/groups').get();
    const last = emu().requestLog.find({ path: '/v1.0/groups' }).at(-1)!;
    assert.equal(last.method, 'GET');
    assert.equal(last.status, 200);
    assert.equal(last.appId, emu().clientId);
    assert.equal(last.userId, undefined);
  });
});
