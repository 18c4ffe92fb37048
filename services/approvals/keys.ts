/** Stable names shared by the engine, its timers and its effects (ids make retries idempotent). */
export const ApprovalJob = {
  remind: 'approval.remind',
  escalate: 'approval.escalate',
  expire: 'approval.expire',
} as const;

export type ApprovalJobType = (typeof ApprovalJob)[keyof typeof ApprovalJob];

/** Notification kinds the approval engine sends; bot/ maps each to a card. */
export const ApprovalNotification = {
  request: 'approval.request',
  reminder: 'approval.reminder',
  outcome: 'approval.outcome',
  /** The requester is told a stage passed and who decides next. */
  stagePassed: 'approval.stagePassed',
} as const;

export const approvalKeys = {
  /** Every timer of one item starts with this (cancel them all at once). */
  timersOf: (itemId: string) => `approval:${itemId}:`,
  timersOfStage: (itemId: string, stage: number) => `approval:${itemId}:${stage}:`,
  job: (itemId: string, stage: number, type: ApprovalJobType) => `approval:${itemId}:${stage}:${type}`,
  /** Approver cards; the prefix `approval:` covers every stage, so one refresh updates them all. */
  approverCards: 'approval:',
  approverCard: (stage: number, userId: string) => `approval:${stage}:${userId}`,
  reminderCard: (stage: number, userId: string) => `approval:${stage}:${userId}:reminder`,
  /** The requester's own cards (status card updated in place, outcome message). */
  requesterCards: 'requester:',
  requesterStatus: 'requester:status',
  requesterOutcome: 'requester:outcome',
  requesterStagePassed: (stage: number) => `requester:stage-passed:${stage}`,
  /** Effect recording an approver's decision in Graph, per item kind. */
  recordDecisionEffect: (kind: string) => `${kind}.recordDecision`,
};
