import { StateMachine } from '../workflow/stateMachine';

/** Where a request stands (access package request now, PIM activation later). */
export type RequestState =
  'submitted' | 'pendingApproval' | 'delivering' | 'delivered' | 'denied' | 'canceled' | 'failed';

/** What can happen to a request. Approvers' cards send approve/deny, which become these via the engine. */
export type RequestEvent = 'accepted' | 'approved' | 'delivered' | 'denied' | 'expired' | 'cancel' | 'failed';

/** The one transition table for requests. */
export const requestMachine = new StateMachine<RequestState, RequestEvent>('request', {
  submitted: {
    accepted: 'pendingApproval',
    approved: 'delivering',
    delivered: 'delivered',
    denied: 'denied',
    cancel: 'canceled',
    failed: 'failed',
  },
  pendingApproval: {
    approved: 'delivering',
    delivered: 'delivered',
    denied: 'denied',
    expired: 'denied',
    cancel: 'canceled',
    failed: 'failed',
  },
  delivering: { delivered: 'delivered', failed: 'failed' },
  delivered: {},
  denied: {},
  canceled: {},
  failed: {},
});

/** An approval stage, as Graph names them. */
export type StageState = 'NotStarted' | 'InProgress' | 'Approved' | 'Denied' | 'Expired';

/** Escalation keeps the stage in progress (the `escalated` flag records it) but only while open. */
export type StageEvent = 'start' | 'approve' | 'deny' | 'expire' | 'escalate';

/** The one transition table for approval stages. */
export const stageMachine = new StateMachine<StageState, StageEvent>('approvalStage', {
  NotStarted: { start: 'InProgress' },
  InProgress: { approve: 'Approved', deny: 'Denied', expire: 'Expired', escalate: 'InProgress' },
  Approved: {},
  Denied: {},
  Expired: {},
});
