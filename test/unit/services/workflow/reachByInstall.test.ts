import { strict as assert } from 'node:assert';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createMemoryStore } from '../../../../services/adapters/memory';
import { ManualClock } from '../../../../services/clock';
import { ForbiddenError, GraphUnavailableError, NotFoundError } from '../../../../services/ports/graphErrors';
import type { HasMessages } from '../../../../services/workflow/messages';
import { createNotifyEffects, sendEffect } from '../../../../services/workflow/notifyEffects';
import { OutboxRunner } from '../../../../services/workflow/outbox';
import { ReachByInstall } from '../../../../services/workflow/reachByInstall';
import { FakeNotifier } from '../fakes/notifier';
import { FakeTeamsApps } from '../fakes/teamsApps';

describe('notify.send to a user the bot cannot reach: install the app, then retry', () => {
  let clock: ManualClock;
  let store: ReturnType<typeof createMemoryStore>;
  let notifier: FakeNotifier;
  let teamsApps: FakeTeamsApps;
  let logs: Record<string, unknown>[];

  /** The outbox with the notify handlers; `install: false` leaves the installer out (no TEAMS_APP_ID). */
  const runner = (install = true) => {
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _enc, done) {
          logs.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
          done();
        },
      }),
    );
    const handlers = createNotifyEffects({
      notifier,
      audit: store.audit,
      clock,
      builders: { 'approval.request': () => ({ kind: 'approval.request', data: { title: 'Decide' } }) },
      reach: install ? new ReachByInstall({ teamsApps, audit: store.audit, clock, logger }) : undefined,
    });
    return new OutboxRunner({
      store: store.workflows,
      audit: store.audit,
      clock,
      logger,
      handlers,
      maxAttempts: 4,
      backoffBaseMs: 1000,
      backoffCapMs: 4000,
      random: () => 0,
    });
  };
  const entry = async () => (await store.workflows.get<HasMessages>('req-1'))!.outbox[0]!;
  const auditTypes = async () => (await store.audit.list({})).map((e) => e.type).sort();

  beforeEach(async () => {
    clock = new ManualClock('2026-03-02T10:00:00Z');
    store = createMemoryStore();
    notifier = new FakeNotifier();
    teamsApps = new FakeTeamsApps();
    logs = [];
    await store.workflows.create<HasMessages>({
      id: 'req-1',
      kind: 'accessRequest',
      state: 'pendingApproval',
      data: { messages: {} },
      subjects: ['megan'],
      outbox: [sendEffect('approver:megan', 'megan', 'approval.request', clock.now())],
      at: clock.now(),
    });
  });

  it('installs the app for the user once, and delivers the card after Teams confirms the install', async () => {
    notifier.unreachable.add('megan');
    const outbox = runner();
    await outbox.runDue();
    assert.deepEqual(teamsApps.calls, ['megan']);
    assert.equal(notifier.sent.length, 0);
    const waiting = await entry();
    assert.equal(waiting.doneAt, undefined, 'retried, not failed');
    assert.equal(waiting.payload.appInstall, 'installed');
    assert.ok(waiting.nextAttemptAt.getTime() > clock.now().getTime());
    const [installed] = await store.audit.list({ types: ['teamsApp.installed'] });
    assert.equal(installed?.itemId, 'req-1');
    assert.deepEqual(installed?.details, {
      userId: 'megan',
      effectId: 'send:approver:megan',
      outcome: 'installed',
    });

    notifier.unreachable.delete('megan'); // Teams sent the install events: the bot saved the chat
    clock.advance(1000);
    await outbox.runDue();
    assert.deepEqual(notifier.kinds('megan'), ['approval.request']);
    assert.ok((await entry()).doneAt);
    assert.equal((await entry()).lastError, undefined);
    assert.deepEqual(teamsApps.calls, ['megan'], 'installed once');
    assert.deepEqual(await auditTypes(), ['notification.sent', 'teamsApp.installed']);
  });

  it('installs only once per effect: when Teams stays silent it retries, then fails for good', async () => {
    notifier.unreachable.add('megan');
    const outbox = runner();
    for (let i = 0; i < 6; i++) {
      await outbox.runDue();
      clock.advance(10_000);
    }
    assert.deepEqual(teamsApps.calls, ['megan']);
    const failed = await entry();
    assert.ok(failed.doneAt);
    assert.equal(failed.attempts, 4);
    assert.match(failed.lastError ?? '', /megan is not reachable yet: the app was installed for them/);
    assert.deepEqual(await auditTypes(), ['effect.failed', 'teamsApp.installed']);
  });

  it('an app already installed (409) also waits for Teams, and the card goes out once the chat is known', async () => {
    teamsApps.installed.add('megan');
    notifier.unreachable.add('megan');
    const outbox = runner();
    await outbox.runDue();
    assert.equal((await entry()).payload.appInstall, 'alreadyInstalled');
    assert.ok(
      logs.some(
        (l) => l.level === 40 && /installed for the user but the bot has no chat/.test(String(l.msg)),
      ),
    );
    notifier.unreachable.delete('megan');
    clock.advance(1000);
    await outbox.runDue();
    assert.deepEqual(notifier.kinds('megan'), ['approval.request']);
  });

  for (const [why, refusal] of [
    ['the app is not in the catalog', new NotFoundError('not in the catalog', 'TeamsAppNotInCatalog')],
    [
      'the permission is missing (403)',
      new ForbiddenError('Insufficient privileges', 'Authorization_RequestDenied'),
    ],
  ] as const) {
    it(`fails the send for good at once when installing is refused: ${why}; audited and logged`, async () => {
      notifier.unreachable.add('megan');
      teamsApps.failWith = refusal;
      await runner().runDue();
      const failed = await entry();
      assert.ok(failed.doneAt);
      assert.equal(failed.attempts, 1);
      assert.match(
        failed.lastError ?? '',
        /megan is not reachable: the app is not installed for them, and installing it failed/,
      );
      assert.deepEqual(await auditTypes(), ['effect.failed', 'teamsApp.installFailed']);
      const error = logs.find((l) => l.level === 50);
      assert.match(String(error?.msg), /could not install the Teams app for a user/);
      assert.equal(error?.userId, 'megan');
    });
  }

  it('an outage while installing is retried, and the next attempt installs', async () => {
    notifier.unreachable.add('megan');
    teamsApps.failWith = new GraphUnavailableError('Service unavailable', 503);
    const outbox = runner();
    await outbox.runDue();
    assert.equal((await entry()).doneAt, undefined);
    assert.equal((await entry()).payload.appInstall, undefined);
    teamsApps.failWith = undefined;
    clock.advance(1000);
    await outbox.runDue();
    assert.deepEqual(teamsApps.calls, ['megan', 'megan']);
    assert.equal((await entry()).payload.appInstall, 'installed');
  });

  it('without an installer (no TEAMS_APP_ID) an unreachable user fails the send for good, as before', async () => {
    notifier.unreachable.add('megan');
    await runner(false).runDue();
    const failed = await entry();
    assert.ok(failed.doneAt);
    assert.match(failed.lastError ?? '', /NotReachableError/);
    assert.deepEqual(teamsApps.calls, []);
  });

  it('never installs for a user it can reach', async () => {
    await runner().runDue();
    assert.deepEqual(notifier.kinds('megan'), ['approval.request']);
    assert.deepEqual(teamsApps.calls, []);
  });
});
