import { strict as assert } from 'node:assert';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { AdaptiveRate, type RateClock } from '../../../../services/adapters/graph/adaptiveRate';
import { RateGateMiddleware } from '../../../../services/adapters/graph/rateGate';

function fakeClock(): RateClock & { t: number } {
  const clock = { t: 0, now: () => clock.t, sleep: async (ms: number) => void (clock.t += ms) };
  return clock;
}

const settings = {
  initialPerSecond: 100,
  maxPerSecond: 1000,
  minPerSecond: 1,
  decrease: 0.5,
  increasePerSecond: 100,
  defaultPauseMs: 2000,
};

/** A gate in front of a "wire" that answers with `reply`; what the wire saw, when. */
function gate(reply: (ctx: Context) => Response) {
  const clock = fakeClock();
  const rate = new AdaptiveRate(settings, clock);
  const middleware = new RateGateMiddleware(rate);
  const sentAt: number[] = [];
  const wire: Middleware = {
    execute: async (ctx) => {
      sentAt.push(clock.t);
      ctx.response = reply(ctx);
    },
  };
  middleware.setNext(wire);
  const call = (url: string, body?: unknown) =>
    middleware.execute({ request: url, options: { method: 'POST', body: JSON.stringify(body ?? {}) } });
  return { clock, rate, call, sentAt };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const batchOf = (n: number) => ({
  requests: Array.from({ length: n }, (_, i) => ({ id: String(i), method: 'GET', url: `/users/${i}` })),
});

describe('RateGateMiddleware', () => {
  it('backs off on a 429 and holds every later call for its Retry-After', async () => {
    let status = 429;
    const g = gate(() => json(status, {}, { 'Retry-After': '3' }));
    await g.call('https://graph.test/v1.0/users');
    assert.equal(g.rate.perSecond, 50);
    status = 200;
    await g.call('https://graph.test/v1.0/users');
    assert.ok(
      g.sentAt[1]! - g.sentAt[0]! >= 3000,
      `second call sent ${g.sentAt[1]! - g.sentAt[0]!} ms later`,
    );
  });

  it('reads a $batch reply: items throttled inside a 200 slow it down, for the longest Retry-After', async () => {
    let throttle = true;
    const g = gate(() =>
      json(200, {
        responses: [
          { id: '0', status: 200, body: {} },
          ...(throttle
            ? [
                { id: '1', status: 429, headers: { 'Retry-After': '2' } },
                { id: '2', status: 429, headers: { 'retry-after': '5' } },
              ]
            : []),
        ],
      }),
    );
    await g.call('https://graph.test/v1.0/$batch', batchOf(3));
    assert.equal(g.rate.perSecond, 50);
    throttle = false;
    await g.call('https://graph.test/v1.0/$batch', batchOf(3));
    assert.ok(g.sentAt[1]! - g.sentAt[0]! >= 5000);
    assert.ok(g.rate.perSecond >= 50, 'a batch that went through is not cut again');
  });

  it('charges a $batch its items, so twenty items wait as long as twenty calls', async () => {
    const g = gate(() => json(200, { responses: [] }));
    await g.call('https://graph.test/v1.0/$batch', batchOf(20));
    await g.call('https://graph.test/v1.0/$batch', batchOf(20));
    await g.call('https://graph.test/v1.0/users');
    // 100/s: 20 items are 200 ms, less the timer slack the first call rides.
    assert.ok(g.sentAt[1]! - g.sentAt[0]! >= 190, `${g.sentAt[1]! - g.sentAt[0]!} ms`);
    assert.ok(g.sentAt[2]! - g.sentAt[1]! >= 199, `${g.sentAt[2]! - g.sentAt[1]!} ms`);
  });

  it('grows the rate on calls that went through', async () => {
    const g = gate(() => json(200, { value: [] }));
    for (let i = 0; i < 50; i++) await g.call('https://exchange.test/adminapi/beta/t/InvokeCommand');
    assert.ok(g.rate.perSecond > 100, `rate ${g.rate.perSecond}`);
  });

  it('counts neither a client error nor a server error as throttling', async () => {
    const g = gate(() => json(404, { error: { code: 'NotFound' } }));
    await g.call('https://graph.test/v1.0/users/x');
    assert.equal(g.rate.perSecond, 100);
  });
});
