import { strict as assert } from 'node:assert';
import { mayRetry, retryAfterMs } from '../../../../services/adapters/graph/retryPolicy';
import { authorityOptions } from '../../../../services/adapters/graph/credentials';
import { LruCache } from '../../../../services/lru';
import { exchangeScope, graphScope, isPublicGraphHost } from '../../../../services/adapters/graph/clouds';

describe('retry policy', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-05T09:00:00Z');
    assert.equal(retryAfterMs(new Headers({ 'Retry-After': '3' }), now), 3000);
    assert.equal(retryAfterMs(new Headers({ 'Retry-After': 'Mon, 05 Jan 2026 09:00:10 GMT' }), now), 10_000);
    assert.equal(retryAfterMs(new Headers(), now), undefined);
    assert.equal(retryAfterMs(undefined, now), undefined);
  });

  it('retries 429 and 503 for every method, but never repeats a POST after a gateway timeout', () => {
    for (const m of ['GET', 'POST', 'PATCH']) {
      assert.ok(mayRetry(m, 429));
      assert.ok(mayRetry(m, 503));
    }
    assert.ok(mayRetry('GET', 504));
    assert.ok(mayRetry('PATCH', 504));
    assert.ok(!mayRetry('POST', 504));
    assert.ok(!mayRetry('GET', 500));
    assert.ok(!mayRetry('GET', 400));
  });
});

describe('authorityOptions', () => {
  it('keeps instance discovery for the public cloud and turns it off for any other authority', () => {
    assert.deepEqual(authorityOptions('https://login.microsoftonline.com'), {
      authorityHost: 'https://login.microsoftonline.com',
    });
    assert.deepEqual(authorityOptions('https://localhost:8443'), {
      authorityHost: 'https://localhost:8443',
      disableInstanceDiscovery: true,
    });
  });
});

describe('LruCache', () => {
  it('drops the least recently used entry and expired entries', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1, 1000);
    cache.set('b', 2, 1000);
    assert.equal(cache.get('a', 0), 1); // a is now the most recent
    cache.set('c', 3, 1000);
    assert.equal(cache.get('b', 0), undefined);
    assert.equal(cache.get('a', 0), 1);
    assert.equal(cache.get('c', 1000), undefined, 'expired at its time');
    assert.equal(cache.size, 1);
  });
});

describe('cloud scopes', () => {
  it("asks for Graph's and Exchange's own audiences, whatever host stands in for them", () => {
    assert.deepEqual(graphScope('https://graph.microsoft.us'), ['https://graph.microsoft.us/.default']);
    assert.deepEqual(graphScope('https://localhost:8443'), ['https://graph.microsoft.com/.default']);
    assert.deepEqual(exchangeScope('https://localhost:8443'), ['https://outlook.office365.com/.default']);
    assert.deepEqual(exchangeScope('https://outlook.office365.us'), [
      'https://outlook.office365.us/.default',
    ]);
    assert.ok(isPublicGraphHost('Graph.Microsoft.com'));
    assert.ok(!isPublicGraphHost('localhost'));
  });
});
