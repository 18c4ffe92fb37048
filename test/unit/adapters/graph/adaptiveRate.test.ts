import { strict as assert } from 'node:assert';
import {
  AdaptiveRate,
  type AdaptiveRateSettings,
  type RateClock,
} from '../../../../services/adapters/graph/adaptiveRate';

const settings: AdaptiveRateSettings = {
  initialPerSecond: 100,
  maxPerSecond: 200,
  minPerSecond: 10,
  decrease: 0.5,
  increasePerSecond: 50,
  defaultPauseMs: 2000,
};

/** A clock that only moves when someone sleeps: time is exact, and a test runs in no real time. */
function fakeClock(): RateClock & { t: number } {
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
    },
  };
  return clock;
}

/** Sends `n` requests one after another; the time each was let through. */
async function send(rate: AdaptiveRate, clock: { t: number }, n: number, ok = true): Promise<number[]> {
  const at: number[] = [];
  for (let i = 0; i < n; i++) {
    const ticket = await rate.take();
    at.push(clock.t);
    if (ok) rate.succeeded(ticket);
  }
  return at;
}

describe('AdaptiveRate', () => {
  it('spaces requests at its rate, a $batch costing its items', async () => {
    const clock = fakeClock();
    const rate = new AdaptiveRate({ ...settings, maxPerSecond: 100 }, clock);
    const at = await send(rate, clock, 101);
    // 100/s: 101 requests span about a second (the first few ride the timer slack).
    assert.ok(at.at(-1)! >= 980 && at.at(-1)! <= 1000, `last at ${at.at(-1)}`);
    const before = clock.t;
    await rate.take(20);
    await rate.take(1);
    assert.ok(clock.t - before >= 200, 'a batch of 20 holds the next request back 20 slots');
  });

  it('backs off on 429: honours Retry-After for every request and cuts the rate once per burst', async () => {
    const clock = fakeClock();
    const rate = new AdaptiveRate(settings, clock);
    const a = await rate.take();
    const b = await rate.take();
    rate.throttled(a, 3000);
    rate.throttled(b, 1000); // same burst: no second cut, and the longer wait stands
    assert.equal(rate.perSecond, 50);
    const t0 = clock.t;
    await rate.take();
    assert.ok(clock.t >= t0 + 3000 - 1, `waited ${clock.t - t0} ms`);
    const c = await rate.take();
    rate.throttled(c, undefined); // a new burst, no Retry-After: the default pause
    assert.equal(rate.perSecond, 25);
    const t1 = clock.t;
    await rate.take();
    assert.ok(clock.t >= t1 + settings.defaultPauseMs - 1);
  });

  it('never drops below its floor', async () => {
    const clock = fakeClock();
    const rate = new AdaptiveRate(settings, clock);
    for (let i = 0; i < 20; i++) rate.throttled(await rate.take(), 0);
    assert.equal(rate.perSecond, settings.minPerSecond);
  });

  it('recovers slowly after successes, and only when the rate held requests back', async () => {
    const clock = fakeClock();
    const rate = new AdaptiveRate(settings, clock);
    rate.throttled(await rate.take(), 0);
    assert.equal(rate.perSecond, 50);
    // A caller slower than the rate (one request each 100 ms) proves nothing about the service.
    for (let i = 0; i < 20; i++) {
      clock.t += 100;
      rate.succeeded(await rate.take());
    }
    assert.equal(rate.perSecond, 50);
    // Requests held back by the rate for about a second: +50/s (additive), not a jump to the ceiling.
    await send(rate, clock, 60);
    assert.ok(rate.perSecond > 90 && rate.perSecond < 110, `rate ${rate.perSecond}`);
  });

  it('before the first 429, doubles each second the rate holds requests back (slow start)', async () => {
    const clock = fakeClock();
    const rate = new AdaptiveRate({ ...settings, initialPerSecond: 20, maxPerSecond: 1000 }, clock);
    await send(rate, clock, 100);
    // One more per second for each request sent: the rate doubles each second (20/s → 118/s in under
    // two seconds), where additive increase would have added 50/s a second.
    assert.ok(rate.perSecond >= 115 && rate.perSecond <= 120, `rate ${rate.perSecond}`);
    assert.ok(clock.t < 2000, `took ${clock.t} ms`);
  });

  it('never exceeds its ceiling, in rate or in requests sent per second', async () => {
    const clock = fakeClock();
    const rate = new AdaptiveRate(settings, clock);
    const at = await send(rate, clock, 3000);
    assert.equal(rate.perSecond, settings.maxPerSecond);
    for (let i = 0; i < at.length; i++) {
      const inSecond = at.filter((t) => t >= at[i]! && t < at[i]! + 1000).length;
      // The ceiling, plus the timer slack's few requests (10 ms at 200/s).
      assert.ok(inSecond <= settings.maxPerSecond + 2, `${inSecond} requests in the second from ${at[i]}`);
    }
  });

  it('ignores successes of requests sent before the last cut', async () => {
    const clock = fakeClock();
    const rate = new AdaptiveRate(settings, clock);
    await send(rate, clock, 5);
    const early = await rate.take();
    rate.throttled(await rate.take(), 0);
    const cut = rate.perSecond;
    rate.succeeded({ ...early, waited: true });
    assert.equal(rate.perSecond, cut);
  });

  it('refuses a floor above its ceiling', () => {
    assert.throws(() => new AdaptiveRate({ ...settings, minPerSecond: 300 }), /minPerSecond/);
  });
});
