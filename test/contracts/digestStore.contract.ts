import { strict as assert } from 'node:assert';
import type { DigestFinding } from '../../services/digest/model';
import type { DigestRun } from '../../services/ports/digestStore';
import type { CurrentStore } from './store.contract';
import { at } from './storeFixtures';

function run(id: string, minute: number, more: Partial<DigestRun> = {}): Omit<DigestRun, 'version'> {
  return {
    id,
    kind: 'weekly',
    at: at(minute),
    state: 'collecting',
    progress: { phase: 'mailboxes', cursor: 0 },
    startedAt: at(minute),
    ...more,
  };
}

function finding(
  key: string,
  section: DigestFinding['section'] = 'auditing',
  more: Partial<DigestFinding> = {},
): DigestFinding {
  return {
    key,
    section,
    category: 'c',
    flagged: true,
    subject: `s ${key}`,
    detail: 'd',
    fields: { A: key },
    ...more,
  };
}

/** DigestStore: runs created once, versioned updates, weekly history, findings keyed per run. */
export function digestStoreContract(store: CurrentStore): void {
  describe('DigestStore', function () {
    const runs = () => store().digest.runs;

    it('creates a run once: a second create returns the stored run unchanged', async function () {
      const first = await runs().createRun(run('week:1', 1));
      assert.equal(first.version, 1);
      const again = await runs().createRun(run('week:1', 5, { state: 'complete' }));
      assert.deepEqual(again, first);
      assert.deepEqual(await runs().getRun('week:1'), first);
      assert.equal(await runs().getRun('nope'), undefined);
    });

    it('updates only at the expected version, and bumps it', async function () {
      await runs().createRun(run('week:1', 1));
      const moved = await runs().updateRun('week:1', 1, {
        progress: { phase: 'mailboxes', cursor: 500, total: 900 },
      });
      assert.equal(moved?.version, 2);
      assert.deepEqual(moved?.progress, { phase: 'mailboxes', cursor: 500, total: 900 });
      assert.equal(
        await runs().updateRun('week:1', 1, { state: 'complete' }),
        undefined,
        'a stale version loses',
      );
      assert.equal((await runs().getRun('week:1'))?.state, 'collecting');
      assert.equal(await runs().updateRun('missing', 1, { state: 'complete' }), undefined);
    });

    it('finds the latest complete weekly run before a time, and the recent ones newest first', async function () {
      for (const [id, minute, kind, state] of [
        ['w1', 10, 'weekly', 'complete'],
        ['w2', 20, 'weekly', 'complete'],
        ['n1', 25, 'onDemand', 'complete'],
        ['w3', 30, 'weekly', 'collecting'],
      ] as const) {
        await runs().createRun(run(id, minute, { kind, state }));
      }
      assert.equal((await runs().latestWeeklyBefore(at(30)))?.id, 'w2');
      assert.equal((await runs().latestWeeklyBefore(at(20)))?.id, 'w1');
      assert.equal(await runs().latestWeeklyBefore(at(10)), undefined);
      assert.deepEqual(
        (await runs().recentWeekly(5)).map((r) => r.id),
        ['w2', 'w1'],
      );
      assert.deepEqual(
        (await runs().recentWeekly(1)).map((r) => r.id),
        ['w2'],
      );
    });

    it('keeps findings per run by key: a chunk written twice is stored once, in key order', async function () {
      await runs().putFindings('r1', [finding('b'), finding('a', 'smtp')]);
      await runs().putFindings('r1', [finding('b', 'auditing', { detail: 'again' })]);
      await runs().putFindings('r2', [finding('a')]);
      await runs().putFindings('r1', []);
      const all = await runs().findings('r1');
      assert.deepEqual(
        all.map((f) => [f.key, f.detail]),
        [
          ['a', 'd'],
          ['b', 'again'],
        ],
      );
      assert.deepEqual(all[0], finding('a', 'smtp'));
      assert.deepEqual(
        (await runs().findings('r1', 'auditing')).map((f) => f.key),
        ['b'],
      );
      assert.deepEqual(await runs().findings('none'), []);
    });
  });
}
