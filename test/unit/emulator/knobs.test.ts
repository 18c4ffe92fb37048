import { strict as assert } from 'node:assert';
import { Knobs } from '../../../emulator/graph/knobs';

describe('emulator throttling bucket', () => {
  it('refuses past its capacity with a whole-second Retry-After, and refills at its rate', () => {
    let now = 0;
    const knobs = new Knobs(() => now);
    knobs.throttle({ capacity: 2, refillPerSecond: 4 });
    assert.equal(knobs.takeToken('app'), undefined);
    assert.equal(knobs.takeToken('app'), undefined);
    assert.equal(knobs.takeToken('app'), 1, 'half a second away, rounded up to a whole second');
    assert.equal(knobs.takeToken('other'), undefined, 'each app has its own bucket');
    now = 1000;
    assert.equal(knobs.takeToken('app'), undefined);
  });

  it('counts refused requests too: a client that retries before Retry-After stays throttled longer', () => {
    let now = 0;
    const knobs = new Knobs(() => now);
    knobs.throttle({ capacity: 2, refillPerSecond: 1 });
    knobs.takeToken('app');
    knobs.takeToken('app');
    assert.equal(knobs.takeToken('app'), 2, 'its own charge included: a token is back in two seconds');
    assert.equal(knobs.takeToken('app'), 3, 'the refused request was charged');
    for (let i = 0; i < 10; i++) knobs.takeToken('app');
    assert.equal(knobs.takeToken('app'), 3, 'debt is bounded by one bucket');
    now = 3000; // the last Retry-After has passed: a token is back
    assert.equal(knobs.takeToken('app'), undefined);
  });
});
