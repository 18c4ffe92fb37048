import { strict as assert } from 'node:assert';
import { approvalNotificationBuilders } from '../../../../services/approvals/approvalCards';
import { ApprovalEngine } from '../../../../services/approvals/approvalEngine';
import { approvalJobHandlers } from '../../../../services/approvals/approvalJobs';
import { ApprovalTimers } from '../../../../services/approvals/approvalTimers';
import type { ApprovalItemData } from '../../../../services/approvals/model';
import { ManualClock } from '../../../../services/clock';
import { createCoreEffects } from '../../../../services/workflow/coreEffects';
import { createNotifyEffects } from '../../../../services/workflow/notifyEffects';
import { OutboxRunner } from '../../../../services/workflow/outbox';
import { Scheduler } from '../../../../services/workflow/scheduler';
import { people } from '../fakes/directory';
import { silentLogger } from '../fakes/logger';
import { createMemoryStore } from '../../../../services/adapters/memory';
import { FakeNotifier } from '../fakes/notifier';
import { seedPending, stageRecord } from './fixtures';

/** One "bot process": engine, outbox runner and scheduler over a shared store. Restart = a new one. */
function boot(
  store: ReturnType<typeof createMemoryStore>,
  clock: ManualClock,
  notifier: FakeNotifier,
  owner: string,
) {
  const engine = new ApprovalEngine({ store: store.workflows, clock });
  const outbox = new OutboxRunner({
    store: store.workflows,
    audit: store.audit,
    clock,
    logger: silentLogger,
    handlers: {
      ...createCoreEffects({ jobs: store.jobs, audit: store.audit, clock }),
      ...createNotifyEffects({ notifier, audit: store.audit, clock, builders: approvalNotificationBuilders }),
      'accessRequest.recordDecision': { run: async () => undefined },
    },
  });
  const scheduler = new Scheduler({
    jobs: store.jobs,
    audit: store.audit,
    clock,
    logger: silentLogger,
    handlers: approvalJobHandlers(new ApprovalTimers({ store: store.workflows, clock })),
    owner,
  });
  const settle = async () => {
    for (let i = 0; i < 5; i++) {
      await scheduler.runDue();
      await outbox.runDue();
    }
  };
  return { engine, settle };
}

describe('approval timers (scheduler + outbox, ManualClock)', () => {
  let clock: ManualClock;
  let store: ReturnType<typeof createMemoryStore>;
  let notifier: FakeNotifier;
  const item = async () => (await store.workflows.get<ApprovalItemData>('req-1'))!;

  beforeEach(async () => {
    clock = new ManualClock('2026-03-02T10:00:00Z');
    store = createMemoryStore();
    notifier = new FakeNotifier();
    await seedPending(store.workflows, clock, [
      stageRecord(0, {
        approvers: [people.megan],
        escalationApprovers: [people.patti],
        escalateAfter: 'P1D',
        decideWithin: 'P3D',
      }),
    ]);
  });

  it('escalates after 1 day, reminds 1 day before the deadline, auto-denies at 3 days — across a restart', async () => {
    let bot = boot(store, clock, notifier, 'replica-a');
    await bot.settle();
    assert.deepEqual(notifier.kinds('megan'), ['approval.request']);

    clock.set('2026-03-03T09:59:59Z');
    await bot.settle();
    assert.deepEqual(notifier.kinds('patti'), [], 'not yet');
    clock.set('2026-03-03T10:00:00Z');
    await bot.settle();
    assert.deepEqual(notifier.kinds('patti'), ['approval.request']);
    assert.equal((await item()).data.approval.stages[0]?.escalated, true);

    bot = boot(store, clock, notifier, 'replica-b'); // "restart": nothing in memory survives but the store
    clock.set('2026-03-04T10:00:00Z');
    await bot.settle();
    assert.deepEqual(notifier.kinds('megan'), ['approval.request', 'approval.reminder']);
    assert.deepEqual(notifier.kinds('patti'), ['approval.request', 'approval.reminder']);

    // The bot was down over the deadline: the missed timer fires on start-up.
    clock.set('2026-03-06T08:00:00Z');
    bot = boot(store, clock, notifier, 'replica-c');
    await bot.settle();
    const it = await item();
    assert.equal(it.state, 'denied');
    assert.equal(it.data.approval.outcome?.result, 'expired');
    assert.deepEqual(notifier.kinds('adele'), ['approval.outcome']);
    const outcomeCard = notifier.updates.filter((u) => u.message.userId === 'megan').at(-1);
    assert.equal(outcomeCard?.notification.data.status, 'expired');
    assert.equal(outcomeCard?.notification.data.canDecide, false);
    const audit = (await store.audit.list({ itemId: 'req-1' })).map((e) => e.type);
    assert.ok(
      audit.includes('approval.escalated') &&
        audit.includes('approval.reminded') &&
        audit.includes('approval.expired'),
    );
  });

  it("a decision cancels the stage's timers: no reminder, no auto-deny afterwards", async () => {
    const bot = boot(store, clock, notifier, 'replica-a');
    await bot.settle();
    clock.advance(3_600_000);
    await bot.engine.decide({ actor: { id: 'megan' }, itemId: 'req-1', decision: 'approve', reason: 'ok' });
    await bot.settle();
    clock.set('2026-03-09T00:00:00Z');
    await bot.settle();
    assert.equal((await item()).state, 'delivering');
    assert.deepEqual(notifier.kinds('megan'), ['approval.request']);
    assert.deepEqual(notifier.kinds('patti'), []);
    const meganCard = notifier.updates.filter((u) => u.message.userId === 'megan').at(-1)?.notification.data;
    assert.equal(meganCard?.status, 'approved');
    assert.deepEqual((meganCard?.outcome as { by: unknown }).by, { id: 'megan', displayName: 'Megan Bowen' });
  });
});
