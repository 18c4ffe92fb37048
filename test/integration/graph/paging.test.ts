import { strict as assert } from 'node:assert';
import { GraphClientFactory } from '../../../services/adapters/graph/clientFactory';
import { demoTenant } from '../../contracts/graph/context';
import { startGraphHarness, type GraphHarness } from './harness';

describe('Graph gateway paging (emulator)', () => {
  let h: GraphHarness;
  before(async () => {
    h = await startGraphHarness({ gateway: { exchangePageSize: 5 } });
  });
  after(() => h?.stop());
  beforeEach(() => h.emulator.requestLog.clear());

  it('follows @odata.nextLink to the last page with a small $top', async () => {
    const session = new GraphClientFactory(h.options).app();
    const users = await session.getAll<{ id: string }>('users', '/users?$top=3&$select=id,displayName');
    assert.deepEqual(users.map((u) => u.id).sort(), demoTenant.users.map((u) => u.id).sort());
    const pages = h.emulator.requestLog.find({ path: '/v1.0/users' });
    assert.equal(pages.length, Math.ceil(demoTenant.users.length / 3));
    assert.ok(
      pages.slice(1).every((p) => /skiptoken/i.test(p.query)),
      'later pages come from nextLink',
    );
  });

  it('stops at `limit` items without fetching further pages', async () => {
    const session = new GraphClientFactory(h.options).app();
    const users = await session.getAll('users', '/users?$top=3', 4);
    assert.equal(users.length, 4);
    assert.equal(h.emulator.requestLog.count({ path: '/v1.0/users' }), 2);
  });

  it('pages Exchange cmdlet output by POSTing the same command to nextLink', async () => {
    const mailboxes = await h.gateways.exchange.listMailboxes();
    const calls = h.emulator.requestLog.find({ api: 'exchange' });
    assert.equal(calls.length, Math.ceil(mailboxes.length / 5));
    assert.ok(calls.every((c) => c.method === 'POST'));
    assert.equal(new Set(mailboxes.map((m) => m.primarySmtpAddress)).size, mailboxes.length, 'no page twice');
  });
});
