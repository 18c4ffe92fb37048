import { strict as assert } from 'node:assert';
import { cardOf } from '../../../emulator/teams/cards';
import { createMemoryStore } from '../../../services/adapters/memory';
import type { Store } from '../../../services/ports/store';
import type { NewWorkflowItem, WorkflowChange } from '../../../services/ports/workflowStore';
import { actionData, invokeCard, startAccessApp, textOf } from './accessApp';

const SALES_TOOLKIT = 'd43818e7-814d-5823-b9d0-8c579b9fc04e'; // policy "All employees, no approval"
const COVID = '46cc8ae5-eb71-5420-a089-2738882cfd8a'; // one stage: Megan Bowen or Lee Gu

/**
 * The audit event types that record an item entering each state (the requester's `access.requested`
 * records the first one). A state change whose type is missing from the item's trail is unaudited.
 */
const RECORDS: Record<string, string[]> = {
  submitted: ['access.requested'],
  pendingApproval: ['access.pendingApproval'],
  delivering: ['access.delivering', 'approval.approved'],
  delivered: ['access.delivered'],
  denied: ['access.denied', 'approval.denied', 'approval.expired'],
  canceled: ['access.canceled', 'approval.canceled'],
  failed: ['access.failed', 'approval.recordFailed'],
};

/** Every state each item went through, as written to the store (the only way state changes). */
function watchStates(store: Store): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const note = (id: string, state: string) => {
    const states = seen.get(id) ?? [];
    if (states.at(-1) !== state) seen.set(id, [...states, state]);
  };
  const create = store.workflows.create.bind(store.workflows);
  const update = store.workflows.update.bind(store.workflows);
  store.workflows.create = async <TData>(item: NewWorkflowItem<TData>) => {
    const result = await create<TData>(item);
    if (result.created) note(result.item.id, result.item.state);
    return result;
  };
  store.workflows.update = async <TData>(id: string, version: number, change: WorkflowChange<TData>) => {
    const updated = await update<TData>(id, version, change);
    if (updated) note(id, updated.state);
    return updated;
  };
  return seen;
}

describe('e2e access: every state change of every request is in the audit log', () => {
  let app: Awaited<ReturnType<typeof startAccessApp>>;
  let states: Map<string, string[]>;
  const channel = () => app.t.channel;

  beforeEach(async () => {
    const store = createMemoryStore();
    states = watchStates(store);
    app = await startAccessApp({ store });
    for (const alias of ['AdeleV', 'AlexW', 'MeganB', 'LeeG']) await channel().install(alias);
  });
  afterEach(async () => {
    await app.stop();
  });

  async function submit(alias: string, packageId: string): Promise<string> {
    const form = invokeCard(await channel().invoke(alias, 'access.open', { packageId }));
    const data = { ...actionData(form, 'access.submit')[0]!, justification: 'Audit trail' };
    const status = invokeCard(await channel().invoke(alias, 'access.submit', data));
    return String(actionData(status, 'access.status')[0]!.itemId);
  }

  /** Lets Graph and the bot's follow-ups move on (5 s of the shared clock at a time) until `state`. */
  async function reaches(itemId: string, state: string): Promise<void> {
    for (let i = 0; i < 60; i++) {
      await app.wf().outbox.settled();
      if ((await app.store.workflows.get(itemId))?.state === state) return;
      app.clock.advance(5_000);
      await new Promise((r) => setTimeout(r, 30));
    }
    throw new Error(`${itemId} never became ${state}: ${states.get(itemId)?.join(' → ')}`);
  }

  /** Each state the item entered has its audit event, and the item went through `path`. */
  async function auditedAlong(itemId: string, path: string[]): Promise<void> {
    await app.wf().outbox.settled();
    assert.deepEqual(states.get(itemId), path);
    const types = (await app.store.audit.list({ itemId })).map((e) => e.type);
    const unaudited = path.filter((state) => !RECORDS[state]!.some((t) => types.includes(t)));
    assert.deepEqual(unaudited, [], `states without an audit event; the trail has ${types.join(', ')}`);
  }

  it('no approval, Graph delivering at once: submitted → delivered', async () => {
    const itemId = await submit('AdeleV', SALES_TOOLKIT);
    await reaches(itemId, 'delivered');
    await auditedAlong(itemId, ['submitted', 'delivered']);
  });

  it('no approval, Graph taking its time: submitted → delivering → delivered', async () => {
    app.t.emulator.knobs.processingDelayMs = 8_000; // Graph starts delivery 8 s after its answer…
    const itemId = await submit('AdeleV', SALES_TOOLKIT);
    await reaches(itemId, 'delivering');
    app.t.emulator.knobs.processingDelayMs = 60_000; // …and ends it a minute later
    await reaches(itemId, 'delivered');
    await auditedAlong(itemId, ['submitted', 'delivering', 'delivered']);
  });

  for (const decision of ['approve', 'deny'] as const) {
    it(`approval, Megan chooses ${decision}: every step through to the end`, async () => {
      const mark = channel().recorder.mark();
      const itemId = await submit('AlexW', COVID);
      await reaches(itemId, 'pendingApproval');
      const card = await channel().waitFor(
        (r) => r.alias === 'MeganB' && r.op !== 'update' && /asks for/.test(textOf(r)),
        10_000,
        mark,
      );
      const data = actionData(cardOf(card), 'approval.decide').find((d) => d.decision === decision)!;
      await channel().invoke(
        'MeganB',
        'approval.decide',
        { ...data, reason: 'Audit trail' },
        {
          replyToId: card.activityId,
        },
      );
      const end = decision === 'approve' ? ['delivering', 'delivered'] : ['denied'];
      await reaches(itemId, end.at(-1)!);
      await auditedAlong(itemId, ['submitted', 'pendingApproval', ...end]);
    });
  }

  it('the requester cancels while it waits for approval', async () => {
    const itemId = await submit('AlexW', COVID);
    await reaches(itemId, 'pendingApproval');
    await channel().invoke('AlexW', 'access.cancel', { itemId, confirmed: true }); // as the card's "Yes, cancel it" sends
    await reaches(itemId, 'canceled');
    await auditedAlong(itemId, ['submitted', 'pendingApproval', 'canceled']);
  });
});
