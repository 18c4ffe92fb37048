import { strict as assert } from 'node:assert';
import type { AccessToken, GetTokenOptions } from '@azure/identity';
import { CachedTokenCredential } from '../../../../services/adapters/graph/cachedCredential';

/** An in-process credential that counts its requests and answers after a tick. */
function countingCredential(lifetimeMs: number, clock: () => number) {
  const calls: (GetTokenOptions | undefined)[] = [];
  return {
    calls,
    async getToken(_scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
      calls.push(options);
      await new Promise((r) => setImmediate(r));
      return { token: `t${calls.length}`, expiresOnTimestamp: clock() + lifetimeMs };
    },
  };
}

describe('CachedTokenCredential', () => {
  const scope = 'https://graph.microsoft.com/.default';
  let now: number;
  const clock = () => now;
  beforeEach(() => (now = Date.parse('2026-03-02T09:00:00Z')));

  it('shares one request among concurrent callers and keeps the token until five minutes before it ends', async () => {
    const inner = countingCredential(3_600_000, clock);
    const cached = new CachedTokenCredential(inner, undefined, clock);
    const tokens = await Promise.all([1, 2, 3].map(() => cached.getToken(scope)));
    assert.deepEqual(
      tokens.map((t) => t?.token),
      ['t1', 't1', 't1'],
    );
    now += 54 * 60_000;
    assert.equal((await cached.getToken(scope))?.token, 't1');
    now += 2 * 60_000;
    assert.equal((await cached.getToken(scope))?.token, 't2');
    assert.equal(inner.calls.length, 2);
  });

  it('sends its claims challenge with every request it makes', async () => {
    const inner = countingCredential(3_600_000, clock);
    const claims = '{"access_token":{"acrs":{"essential":true,"value":"c1"}}}';
    await new CachedTokenCredential(inner, claims, clock).getToken(scope);
    assert.equal(inner.calls[0]?.claims, claims);
  });

  it('does not keep a failure: the next call asks again', async () => {
    let fail = true;
    const cached = new CachedTokenCredential(
      {
        getToken: async () => {
          if (fail) throw new Error('AADSTS50076');
          return { token: 'ok', expiresOnTimestamp: now + 3_600_000 };
        },
      },
      undefined,
      clock,
    );
    await assert.rejects(cached.getToken(scope), /AADSTS50076/);
    fail = false;
    assert.equal((await cached.getToken(scope))?.token, 'ok');
  });
});
