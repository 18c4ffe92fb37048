import { strict as assert } from 'node:assert';
import { createMemoryStore } from '../../../../services/adapters/memory';
import { ManualClock } from '../../../../services/clock';
import type { AuditLog } from '../../../../services/ports/auditLog';
import type { WorkflowChange } from '../../../../services/ports/workflowStore';
import { createNotifyEffects, sendEffect } from '../../../../services/workflow/notifyEffects';
import { OutboxRunner } from '../../../../services/workflow/outbox';
import { silentLogger } from '../fakes/logger';
import { FakeNotifier } from '../fakes/notifier';

const LEASE_MS = 30_000;

/** A runner that dies after the send: its write recording the message never lands. */
describe('notify.send after a crash between the send and the write recording it', () => {
  let clock: ManualClock;
  let store: ReturnType<typeof createMemoryStore>;
  let notifier: FakeNotifier;

  const runner = (audit: AuditLog = store.audit) =>
    new OutboxRunner({
      store: store.workflows,
      audit,
      clock,
      logger: silentLogger,
      leaseMs: LEASE_MS,
      random: () => 0,
      handlers: createNotifyEffects({
        notifier,
        audit,
        clock,
        builders: { status: (item) => ({ kind: 'status', data: { status: item.state } }) },
      }),
    });

  beforeEach(async () => {
    clock = new ManualClock('2026-03-02T10:00:00Z');
    store = createMemoryStore();
    notifier = new FakeNotifier();
    await store.workflows.create({
      id: 'w1',
      kind: 'test',
      state: 'submitted',
      data: { messages: {} },
      subjects: [],
      outbox: [sendEffect('requester:status', 'adele', 'status', clock.now())],
      at: clock.now(),
    });
  });

  /** The first runner's write marking the send done fails, as if the process died just before it. */
  async function crashAfterSend(): Promise<void> {
    const update = store.workflows.update.bind(store.workflows);
    store.workflows.update = async <T>(id: string, version: number, change: WorkflowChange<T>) => {
      if (change.outbox?.some((e) => e.doneAt)) throw new Error('killed');
      return update<T>(id, version, change);
    };
    await assert.rejects(runner().runDue(), /killed/);
    store.workflows.update = update;
    assert.equal(notifier.sent.length, 1, 'the card reached the chat');
  }

  it('updates the card sent before the crash instead of sending it again, and records it', async () => {
    await crashAfterSend();
    // The item moved on meanwhile: the card the retry leaves in the chat shows where it is now.
    const before = (await store.workflows.get('w1'))!;
    await store.workflows.update('w1', before.version, { state: 'approved', at: clock.now() });
    clock.advance(LEASE_MS + 1); // the dead runner's lease runs out; another takes the item over
    assert.equal(await runner().runDue(), 1);
    assert.equal(notifier.sent.length, 1, 'not sent twice');
    assert.deepEqual(
      notifier.updates.map((u) => [u.message, u.notification.data]),
      [[notifier.sent[0]!.message, { status: 'approved' }]],
    );
    const after = (await store.workflows.get<{ messages: Record<string, unknown> }>('w1'))!;
    assert.deepEqual(after.data.messages['requester:status'], {
      ...notifier.sent[0]!.message,
      kind: 'status',
    });
    assert.ok(after.outbox.every((e) => e.doneAt && !e.lastError));
  });

  it('sends again when nothing shows that the first send reached the chat (at least once)', async () => {
    await crashAfterSend();
    const forgetful: AuditLog = {
      append: (e) => store.audit.append(e),
      appendMany: (e) => store.audit.appendMany(e),
      list: async () => [],
    };
    clock.advance(LEASE_MS + 1);
    assert.equal(await runner(forgetful).runDue(), 1);
    assert.equal(notifier.sent.length, 2);
    const item = (await store.workflows.get<{ messages: Record<string, unknown> }>('w1'))!;
    assert.equal((item.data.messages['requester:status'] as { activityId: string }).activityId, 'act-2');
  });
});
