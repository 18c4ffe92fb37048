import { strict as assert } from 'node:assert';
import { AccessCatalogService } from '../../../../services/access/accessCatalogService';
import { FakeEntitlement } from '../fakes/entitlement';

describe('AccessCatalogService', () => {
  const entitlement = new FakeEntitlement(() => new Date());
  const adele = { userId: 'adele', assertion: 'sso' };

  it('lists only what the user may request, grouped by catalog, hidden packages left out', async () => {
    const page = await new AccessCatalogService({ entitlement }).browse(adele);
    assert.deepEqual(
      page.groups.map((g) => [g.catalog, g.packages.map((p) => p.displayName)]),
      [
        ['Crisis Response', ['COVID-19 Response Team']],
        ['General', ['Project Falcon', 'Sales Toolkit']],
      ],
    );
    assert.equal(page.total, 3);
    // Listing every package needs an admin role in Graph: the catalog asks only what the user may request.
    assert.ok(entitlement.calls.includes('requestablePackages'));
    assert.ok(!entitlement.calls.includes('listAccessPackages'));
  });

  it('shows a hidden package to a search for its exact name only', async () => {
    const svc = new AccessCatalogService({ entitlement });
    const ids = async (search: string) =>
      (await svc.browse(adele, { search })).groups.flatMap((g) => g.packages.map((p) => p.id));
    assert.deepEqual(await ids('hidden'), []);
    assert.deepEqual(await ids('  HIDDEN package '), ['hidden']);
  });

  it('searches names and descriptions, case-insensitively', async () => {
    const svc = new AccessCatalogService({ entitlement });
    const byDescription = await svc.browse(adele, { search: 'CRM' });
    assert.deepEqual(
      byDescription.groups.flatMap((g) => g.packages.map((p) => p.id)),
      ['sales'],
    );
    const none = await svc.browse(adele, { search: 'finance' });
    assert.equal(none.total, 0, 'Finance Reports matches but Adele may not request it');
  });

  it('pages long lists and clamps the page number', async () => {
    const svc = new AccessCatalogService({ entitlement, pageSize: 2 });
    const p2 = await svc.browse(adele, { page: 2 });
    assert.equal(p2.pageCount, 2);
    assert.deepEqual(
      p2.groups.flatMap((g) => g.packages.map((p) => p.id)),
      ['sales'],
    );
    assert.equal((await svc.browse(adele, { page: 9 })).page, 2);
  });
});
