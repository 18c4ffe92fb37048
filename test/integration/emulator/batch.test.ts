import { strict as assert } from 'node:assert';
import { appToken, rawCall, useEmulator } from '../../support/emulator';

describe('emulator: JSON $batch', () => {
  const { emu } = useEmulator();
  const batch = async (requests: unknown[], path = '/v1.0/$batch') =>
    rawCall(emu(), 'POST', path, { token: await appToken(emu()), body: { requests } });
  const byId = (body: { responses: { id: string }[] }) =>
    new Map(body.responses.map((r) => [r.id, r as Record<string, any>])); // eslint-disable-line @typescript-eslint/no-explicit-any

  afterEach(() => emu().knobs.reset());

  it('runs each item through routing and auth with the batch token, answering per item', async () => {
    const lee = emu().directory.userByAlias('LeeG')!;
    const res = await batch([
      { id: '1', method: 'GET', url: `/users/${lee.id}` },
      { id: '2', method: 'GET', url: 'users?$top=2&$select=displayName' },
      { id: '3', method: 'GET', url: '/users/00000000-0000-4000-8000-000000000000' },
      { id: '4', method: 'GET', url: '/me' },
    ]);
    assert.equal(res.status, 200);
    const items = byId(res.body);
    assert.equal(items.get('1')!.status, 200);
    assert.equal(items.get('1')!.body.displayName, 'Lee Gu');
    assert.equal(items.get('2')!.body.value.length, 2);
    assert.match(items.get('2')!.body['@odata.nextLink'], /^https:\/\/localhost:\d+\/v1\.0\/users\?/);
    assert.equal(items.get('3')!.status, 404);
    assert.equal(items.get('3')!.body.error.code, 'Request_ResourceNotFound');
    // auth-concepts.md: /me needs a signed-in user; Graph answers an app token 400, in a batch too.
    assert.equal(items.get('4')!.status, 400, 'app tokens cannot call /me, in a batch too');
    assert.equal(
      items.get('4')!.body.error.message,
      '/me request is only valid with delegated authentication flow.',
    );
    assert.equal(emu().requestLog.count({ inBatch: true, path: /^\/v1\.0\/users/ }), 3);
  });

  it('refuses more than 20 requests', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({
      id: String(i),
      method: 'GET',
      url: '/users?$top=1',
    }));
    const res = await batch(requests);
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'BadRequest');
    assert.equal((await batch(requests.slice(0, 20))).status, 200);
  });

  it('answers 424 for an item whose dependency failed, and runs it after a successful one', async () => {
    const failing = await batch([
      { id: 'a', method: 'GET', url: '/users/nobody@contoso.com' },
      { id: 'b', method: 'GET', url: '/users?$top=1', dependsOn: ['a'] },
    ]);
    const items = byId(failing.body);
    assert.equal(items.get('a')!.status, 404);
    assert.equal(items.get('b')!.status, 424);
    const chain = await batch([
      { id: 'c', method: 'GET', url: '/groups?$top=1' },
      { id: 'd', method: 'GET', url: '/users?$top=1', dependsOn: ['C'] },
    ]);
    assert.equal(byId(chain.body).get('d')!.status, 200, 'ids match without case');
  });

  // json-batching.md: "Batch should be either fully sequential or fully parallel"; ids are unique
  // without regard to case.
  it('refuses a batch mixing a dependsOn chain with free items, and ids equal but for case', async () => {
    const mixed = await batch([
      { id: 'a', method: 'GET', url: '/groups?$top=1' },
      { id: 'b', method: 'GET', url: '/users?$top=1', dependsOn: ['a'] },
      { id: 'c', method: 'GET', url: '/groups?$top=1' },
    ]);
    assert.equal(mixed.status, 400);
    assert.equal(mixed.body.error.code, 'BadRequest');
    assert.match(mixed.body.error.message, /fully sequential or fully parallel/);
    const dup = await batch([
      { id: 'x', method: 'GET', url: '/groups?$top=1' },
      { id: 'X', method: 'GET', url: '/users?$top=1' },
    ]);
    assert.equal(dup.status, 400);
  });

  it('reports a throttled item as 429 with Retry-After inside a 200 batch', async () => {
    emu().knobs.throttle({ capacity: 2, refillPerSecond: 0.1 });
    const res = await batch([1, 2, 3].map((i) => ({ id: String(i), method: 'GET', url: '/users?$top=1' })));
    assert.equal(res.status, 200);
    const statuses = res.body.responses.map((r: { status: number }) => r.status).sort();
    assert.deepEqual(statuses, [200, 200, 429]);
    const throttled = res.body.responses.find((r: { status: number }) => r.status === 429);
    assert.ok(Number(throttled.headers['Retry-After']) >= 1);
    assert.equal(throttled.body.error.code, 'TooManyRequests');
  });

  it('works under /beta and requires Content-Type for items with a body', async () => {
    assert.equal(
      (await batch([{ id: '1', method: 'GET', url: '/users?$top=1' }], '/beta/$batch')).status,
      200,
    );
    const res = await batch([{ id: '1', method: 'POST', url: '/users', body: {} }]);
    assert.equal(res.status, 400);
  });
});
