import { strict as assert } from 'node:assert';
import pino from 'pino';
import { GraphClientFactory } from '../../../../services/adapters/graph/clientFactory';

/** An unsigned JWT-shaped token: the factory reads `exp` only to age its cache. */
const token = (exp: number) => `e30.${Buffer.from(JSON.stringify({ exp })).toString('base64url')}.sig`;

const options = {
  baseUrl: 'https://localhost:1',
  authorityHost: 'https://localhost:1',
  exchangeBaseUrl: 'https://localhost:1',
  tenantId: '82af6c37-3451-5e51-94ea-7d0d633a16c5',
  clientId: '11111111-2222-4333-8444-555555555555',
  clientSecret: 'secret',
  logger: pino({ level: 'silent' }),
  delegatedCacheSize: 2,
};

describe('GraphClientFactory', () => {
  const now = Date.parse('2026-01-05T09:00:00Z');
  const inAnHour = now / 1000 + 3600;

  it('keeps one delegated session per user token while the token lives', () => {
    const factory = new GraphClientFactory(options);
    const a = { userId: 'u1', assertion: token(inAnHour) };
    const first = factory.user(a, now);
    assert.equal(factory.user(a, now + 60_000), first);
    assert.equal(first.delegated, true);
    assert.notEqual(
      factory.user({ userId: 'u1', assertion: token(inAnHour + 1) }, now),
      first,
      'a new token, a new session',
    );
    assert.notEqual(factory.user(a, now + 3600_000), first, 'expired with the token');
  });

  it('keeps a separate session for a token with a claims challenge, and bounds the cache', () => {
    const factory = new GraphClientFactory(options);
    const a = { userId: 'u1', assertion: token(inAnHour) };
    const plain = factory.user(a, now);
    assert.notEqual(factory.user({ ...a, claims: '{"access_token":{}}' }, now), plain);
    factory.user({ userId: 'u2', assertion: token(inAnHour + 2) }, now); // third entry drops the oldest
    assert.notEqual(factory.user(a, now), plain);
  });

  it('shares one app-only session, which is not delegated', () => {
    const factory = new GraphClientFactory(options);
    assert.equal(factory.app(), factory.app());
    assert.equal(factory.app().delegated, false);
  });
});
