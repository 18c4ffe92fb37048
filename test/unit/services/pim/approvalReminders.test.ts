import { strict as assert } from 'node:assert';
import { concludeEffects } from '../../../../services/approvals/conclude';
import { ApprovalJob, ApprovalNotification, approvalKeys } from '../../../../services/approvals/keys';
import type { ApprovalState } from '../../../../services/approvals/model';
import { startStage } from '../../../../services/approvals/stageStart';
import { reminderJobs } from '../../../../services/pim/approvalReminders';
import { PimJob, PimNotification } from '../../../../services/pim/model';
import { people } from '../fakes/directory';
import { stageRecord } from '../approvals/fixtures';

const NOW = new Date('2026-03-02T09:00:00Z');
const approval = (over: Partial<ApprovalState> = {}): ApprovalState => ({
  requester: people.adele,
  subject: { title: 'Security Administrator (role activation)', answers: [], facts: [] },
  stages: [stageRecord(0, { decideWithin: 'P1D' })],
  current: 0,
  ...over,
});
const jobsOf = (effects: { type: string; payload: Record<string, unknown> }[]) =>
  effects
    .filter((e) => e.type === 'timers.schedule')
    .flatMap((e) => e.payload.jobs as { id: string; type: string; runAt: string }[]);

describe('PIM approval reminders', () => {
  it('one job per configured hour, under the stage timers a decision or the expiry cancels', () => {
    const jobs = reminderJobs('pim-1', 0, NOW, [1, 4]);
    assert.deepEqual(
      jobs.map((j) => [j.type, j.runAt.toISOString()]),
      [
        [PimJob.remind, '2026-03-02T10:00:00.000Z'],
        [PimJob.remind, '2026-03-02T13:00:00.000Z'],
      ],
    );
    for (const j of jobs) assert.ok(j.id.startsWith(approvalKeys.timersOfStage('pim-1', 0)), j.id);
    assert.equal(new Set(jobs.map((j) => j.id)).size, 2, 'each reminder a job of its own');
  });

  it("a stage with reminders of its own gets the engine's expiry but not its reminder", () => {
    const engine = jobsOf(startStage('req-1', approval(), 0, NOW).effects).map((j) => j.type);
    assert.deepEqual(engine.sort(), [ApprovalJob.expire, ApprovalJob.remind].sort());
    const own = startStage('pim-1', approval(), 0, NOW, { ownReminders: true });
    assert.deepEqual(
      jobsOf(own.effects).map((j) => j.type),
      [ApprovalJob.expire],
    );
    assert.equal(own.approval.stages[0]!.remindAt, undefined);
  });

  it("the requester hears of an expiry through the item's own card when it names one", () => {
    const kindOf = (a: ApprovalState, result: 'expired' | 'denied') =>
      concludeEffects('pim-1', a, { result, at: NOW.toISOString() }, NOW).find(
        (e) => e.id === `send:${approvalKeys.requesterOutcome}`,
      )?.payload.kind;
    const pim = approval({ outcomeNotices: { expired: PimNotification.status } });
    assert.equal(kindOf(pim, 'expired'), PimNotification.status);
    assert.equal(kindOf(pim, 'denied'), ApprovalNotification.outcome);
    assert.equal(kindOf(approval(), 'expired'), ApprovalNotification.outcome);
  });
});
