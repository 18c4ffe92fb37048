import { strict as assert } from 'node:assert';
import { backoffMs } from '../../../../services/workflow/backoff';

describe('backoffMs', () => {
  it('doubles from the base up to the cap when the jitter is nil', () => {
    const waits = [1, 2, 3, 4, 5, 6].map((attempt) => backoffMs(attempt, 1000, 10_000, () => 0));
    assert.deepEqual(waits, [1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('spreads waits over the upper half of the ceiling, so items that failed together retry apart', () => {
    assert.equal(
      backoffMs(3, 1000, 10_000, () => 0.5),
      3000,
    );
    assert.equal(
      backoffMs(3, 1000, 10_000, () => 0.999_999),
      2000,
    );
    const seen = new Set(Array.from({ length: 50 }, () => backoffMs(4, 1000, 60_000)));
    assert.ok(seen.size > 10, `50 real draws gave only ${seen.size} distinct waits`);
    for (const wait of seen) assert.ok(wait >= 4000 && wait <= 8000, `${wait} outside [4000, 8000]`);
  });

  it('never overflows for absurd attempt counts', () => {
    assert.equal(
      backoffMs(10_000, 1000, 60_000, () => 0),
      60_000,
    );
  });
});
