import { strict as assert } from 'node:assert';
import { createMemoryStore } from '../../../../services/adapters/memory';
import { approvalCardData } from '../../../../services/approvals/approvalCards';
import { decidedElsewherePatch } from '../../../../services/approvals/decidedElsewhere';
import { ManualClock } from '../../../../services/clock';
import { people } from '../fakes/directory';
import { seedPending, stageRecord } from './fixtures';

describe('decidedElsewherePatch: what Graph shows, through the engine’s own patches', () => {
  const clock = new ManualClock('2026-03-02T10:00:00Z');
  const now = new Date('2026-03-02T10:30:00Z');
  const twoStages = () => [stageRecord(0), stageRecord(1, { approvers: [people.patti] })];
  const seed = (stages = twoStages()) => seedPending(createMemoryStore().workflows, clock, stages);
  const sends = (effects: { type: string; payload: Record<string, unknown> }[]) =>
    effects.filter((e) => e.type === 'notify.send').map((e) => String(e.payload.key));

  it('stage 1 approved in My Access: stage 2 starts and its approver gets a card; nothing goes to Graph', async () => {
    const item = await seed();
    const patch = decidedElsewherePatch(
      item,
      {
        stages: [{ result: 'approved', by: { id: 'lee', displayName: 'L. Gu' }, at: '2026-03-02T10:12:00Z' }],
      },
      now,
    )!;
    assert.equal(patch.state, 'pendingApproval');
    assert.equal(patch.data.approval.current, 1);
    assert.equal(patch.data.approval.stages[1]?.state, 'InProgress');
    assert.deepEqual(patch.data.approval.stages[0]?.decision, {
      result: 'approved',
      by: { id: 'lee', displayName: 'Lee Gu' },
      at: '2026-03-02T10:12:00.000Z',
      via: 'myAccess',
    });
    assert.deepEqual(sends(patch.effects), ['approval:1:patti', 'requester:stage-passed:0']);
    assert.ok(patch.subjects.includes('patti'));
    assert.ok(!patch.effects.some((e) => e.type.endsWith('.recordDecision')));
    assert.ok(patch.effects.some((e) => e.id === `audit:decided-elsewhere:${item.id}:${item.version}`));
  });

  it('both stages decided between two rounds: one patch approves the request', async () => {
    const item = await seed();
    const patch = decidedElsewherePatch(
      item,
      {
        stages: [
          { result: 'approved', by: { id: 'megan', displayName: 'Megan Bowen' } },
          { result: 'approved', by: { id: 'patti', displayName: 'Patti Fernandez' }, reason: ' yes ' },
        ],
        outcome: { result: 'approved', at: '2026-03-02T10:20:00Z' },
      },
      now,
    )!;
    assert.equal(patch.state, 'delivering');
    assert.deepEqual(
      patch.data.approval.stages.map((s) => s.state),
      ['Approved', 'Approved'],
    );
    assert.equal(patch.data.approval.outcome?.by?.id, 'patti');
    assert.equal(patch.data.approval.outcome?.reason, 'yes');
    assert.ok(sends(patch.effects).includes('requester:outcome'));
  });

  it('Graph denied it by the clock: expired, as our own timer would say', async () => {
    const item = await seed([stageRecord(0)]);
    const patch = decidedElsewherePatch(
      item,
      { stages: [{ result: 'expired' }], outcome: { result: 'denied' } },
      now,
    )!;
    assert.equal(patch.state, 'denied');
    assert.equal(patch.data.approval.stages[0]?.state, 'Expired');
    assert.equal(patch.data.approval.outcome?.result, 'expired');
  });

  it('a time Graph gives in the future (clock skew) is taken as now', async () => {
    const item = await seed([stageRecord(0)]);
    const patch = decidedElsewherePatch(
      item,
      {
        stages: [
          { result: 'denied', by: { id: 'megan', displayName: 'Megan Bowen' }, at: '2026-03-03T00:00:00Z' },
        ],
      },
      now,
    )!;
    assert.equal(patch.data.approval.outcome?.at, now.toISOString());
  });

  it('nothing new, an item no longer pending, or a stage this bot already moved past: no patch', async () => {
    const item = await seed();
    assert.equal(decidedElsewherePatch(item, { stages: [] }, now), undefined);
    assert.equal(
      decidedElsewherePatch(item, { stages: [undefined, { result: 'approved' }] }, now),
      undefined,
    );
    const approved = { result: 'approved' as const, by: { id: 'megan', displayName: 'Megan Bowen' } };
    assert.equal(
      decidedElsewherePatch({ ...item, state: 'delivering' }, { stages: [approved] }, now),
      undefined,
    );
    const moved = decidedElsewherePatch(item, { stages: [approved] }, now)!;
    const later = { ...item, state: moved.state, data: moved.data };
    assert.equal(decidedElsewherePatch(later, { stages: [approved] }, now), undefined);
  });

  it('cards name where it was decided; a decision made in Teams stays as it was', async () => {
    const item = await seed([stageRecord(0)]);
    const patch = decidedElsewherePatch(item, { stages: [], outcome: { result: 'approved' } }, now)!;
    const card = approvalCardData({ ...item, state: patch.state, data: patch.data }, 'megan');
    assert.equal(card.status, 'approved');
    assert.equal(card.outcome?.by?.displayName, 'an approver (in My Access)');
    const canceled = decidedElsewherePatch(item, { stages: [], outcome: { result: 'canceled' } }, now)!;
    assert.equal(canceled.state, 'canceled');
    const c2 = approvalCardData({ ...item, state: canceled.state, data: canceled.data }, 'lee');
    assert.equal(c2.status, 'canceled');
    assert.equal(c2.outcome?.by, undefined);
    assert.equal(approvalCardData(item, 'lee').outcome, undefined);
  });
});
