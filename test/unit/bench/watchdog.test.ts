import { strict as assert } from 'node:assert';
import { Watchdog } from '../../../bench/watchdog';

const settledWithin = (p: Promise<unknown>, ms: number) =>
  Promise.race([
    p.then(
      () => 'resolved',
      (err: Error) => err.message,
    ),
    new Promise((r) => setTimeout(() => r('pending'), ms)),
  ]);

describe('bench Watchdog', () => {
  it('rejects naming the benchmark, the step and how far it got when a step stops ticking', async () => {
    const printed: string[] = [];
    const dog = new Watchdog('turns (x)', { stepMs: 60, unreportedMs: 10_000 }, (l) => void printed.push(l));
    dog.step('clicks');
    dog.tick('25 of 1000 clicks answered');
    const message = await settledWithin(dog.stalled, 1_000);
    assert.match(
      String(message),
      /^turns \(x\) stalled in clicks \(25 of 1000 clicks answered\): no progress/,
    );
    assert.equal(dog.hasStalled, true);
    assert.deepEqual(printed, ['    · clicks']);
  });

  it('stays quiet while ticks keep coming, and once stopped', async () => {
    const dog = new Watchdog('b', { stepMs: 60, unreportedMs: 10_000 }, () => undefined);
    dog.step('busy');
    const ticking = setInterval(() => dog.tick(), 10);
    try {
      assert.equal(await settledWithin(dog.stalled, 300), 'pending');
    } finally {
      clearInterval(ticking);
      dog.stop();
    }
    assert.equal(await settledWithin(dog.stalled, 200), 'pending');
    assert.equal(dog.hasStalled, false);
  });

  it('holds a benchmark that reports no step to the longer limit only', async () => {
    const dog = new Watchdog('quiet', { stepMs: 40, unreportedMs: 400 }, () => undefined);
    assert.equal(await settledWithin(dog.stalled, 150), 'pending');
    assert.match(
      String(await settledWithin(dog.stalled, 1_000)),
      /quiet stalled in \(before its first step\)/,
    );
  });
});
