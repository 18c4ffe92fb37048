import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { CatalogNames } from '../../../../services/adapters/graph/catalogNames';

describe('CatalogNames', () => {
  let clock: sinon.SinonFakeTimers;
  let reads: number;
  let packages: [string, string][];
  let fail: boolean;
  const names = () =>
    new CatalogNames(async () => {
      reads += 1;
      if (fail) throw new Error('graph down');
      return new Map(packages.map(([id, catalog]) => [id, { id: `c-${catalog}`, displayName: catalog }]));
    }, 60_000);

  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: 0, toFake: ['Date'] });
    reads = 0;
    packages = [['p1', 'Sales']];
    fail = false;
  });
  afterEach(() => clock.restore());

  it('reads once for many callers while it knows every package asked for', async () => {
    const cache = names();
    await Promise.all([cache.of(['p1']), cache.of(['p1'])]);
    const map = await cache.of(['p1']);
    assert.equal(reads, 1);
    assert.equal(map.get('p1')?.displayName, 'Sales');
  });

  it('reads again for a package it does not know, and after its time is up', async () => {
    const cache = names();
    await cache.of(['p1']);
    packages.push(['p2', 'Finance']);
    assert.equal((await cache.of(['p1', 'p2'])).get('p2')?.displayName, 'Finance');
    assert.equal(reads, 2);
    packages[0] = ['p1', 'Renamed'];
    clock.tick(60_001);
    assert.equal((await cache.of(['p1'])).get('p1')?.displayName, 'Renamed');
    assert.equal(reads, 3);
  });

  it('keeps no failure: the next caller reads again', async () => {
    const cache = names();
    fail = true;
    await assert.rejects(cache.of(['p1']), /graph down/);
    fail = false;
    assert.equal((await cache.of(['p1'])).get('p1')?.displayName, 'Sales');
    assert.equal(reads, 2);
  });
});
