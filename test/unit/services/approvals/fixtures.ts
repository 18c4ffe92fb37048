import type { ApprovalItemData, StageRecord } from '../../../../services/approvals/model';
import { startStage } from '../../../../services/approvals/stageStart';
import type { Clock } from '../../../../services/clock';
import type { WorkflowStore } from '../../../../services/ports/workflowStore';
import { people } from '../fakes/directory';

/** A stage record not yet started. */
export function stageRecord(index: number, over: Partial<StageRecord> = {}): StageRecord {
  return {
    index,
    state: 'NotStarted',
    approvers: [people.megan, people.lee],
    usedFallback: false,
    escalationApprovers: [],
    escalated: false,
    reasonRequired: true,
    decideWithin: 'P2D',
    ...over,
  };
}

/** Adele's request pending approval at stage 1 (effects of the stage start recorded, not run). */
export async function seedPending(
  store: WorkflowStore,
  clock: Clock,
  stages: StageRecord[] = [stageRecord(0)],
  id = 'req-1',
) {
  const data: ApprovalItemData = {
    approval: {
      requester: { ...people.adele, manager: people.megan },
      subject: {
        title: 'COVID-19 Response Team',
        justification: 'Joining the response',
        answers: [],
        facts: [],
      },
      stages,
      current: 0,
    },
    messages: {},
  };
  const started = startStage(id, data.approval, 0, clock.now());
  const { item } = await store.create<ApprovalItemData>({
    id,
    kind: 'accessRequest',
    state: 'pendingApproval',
    data: { ...data, approval: started.approval },
    subjects: ['adele'],
    outbox: started.effects,
    at: clock.now(),
  });
  return item;
}
