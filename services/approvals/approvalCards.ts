import type { Notification } from '../ports/notifier';
import type { WorkflowItem } from '../ports/workflowStore';
import type { NotificationBuilder } from '../workflow/notifyEffects';
import { ApprovalNotification } from './keys';
import { DECIDED_IN, type ApprovalItemData, type Decision, type Person, type Requester } from './model';

/** Data of an approver's card ('approval.request' and 'approval.reminder'). Times are ISO 8601. */
export interface ApprovalRequestCardData {
  itemId: string;
  itemKind: string;
  title: string;
  requester: Requester;
  justification?: string;
  answers: { question: string; answer: string }[];
  facts: { label: string; value: string }[];
  /** What a yes grants and for how long, when the item knows. */
  grants?: { name: string; role?: string }[];
  lasts?: { duration?: string; endDateTime?: string };
  /** When the request was made (ISO). */
  askedAt?: string;
  /** Who the card is for: their own name reads "you". */
  viewerId?: string;
  stage: {
    index: number;
    number: number;
    count: number;
    reasonRequired: boolean;
    escalated: boolean;
    decideBy?: string;
  };
  /** 'pending' while the viewer may still decide; otherwise how it ended (for everyone's copy). */
  status: 'pending' | 'approved' | 'denied' | 'expired' | 'canceled' | 'failed' | 'waiting';
  /** True when the viewer is an approver of the open stage: the card shows Approve / Deny. */
  canDecide: boolean;
  reminder: boolean;
  /** How this card's stage (or the request) ended, e.g. approved by Megan Bowen at … */
  outcome?: Decision;
  stages: { number: number; state: string; approvers: string[]; decision?: Decision }[];
  /** Everyone who holds a copy: the card's refresh action lists them, so stale copies re-render. */
  refreshUserIds: string[];
}

/** Data of the requester's 'approval.outcome' message. */
export interface ApprovalOutcomeCardData {
  itemId: string;
  itemKind: string;
  title: string;
  outcome: Decision;
}

/** Data of the requester's 'approval.stagePassed' message: which stage passed, and what comes next. */
export interface StagePassedCardData {
  itemId: string;
  title: string;
  /** The stage that passed (1-based) and how many there are. */
  number: number;
  count: number;
  decision?: Decision;
  next?: { number: number; approvers: string[]; decideBy?: string };
}

/** The latest stage approved before the open one, as its requester is told. */
export function stagePassedCardData(item: WorkflowItem<ApprovalItemData>): StagePassedCardData {
  const a = item.data.approval;
  const passed = [...a.stages].reverse().find((s) => s.index < a.current && s.decision);
  const open = a.stages[a.current];
  return {
    itemId: item.id,
    title: a.subject.title,
    number: (passed?.index ?? 0) + 1,
    count: a.stages.length,
    decision: shown(passed?.decision),
    next:
      open && open.index !== passed?.index
        ? {
            number: open.index + 1,
            approvers: open.approvers.map((p) => p.displayName),
            decideBy: open.decideBy,
          }
        : undefined,
  };
}

/** Who holds an approver card of the item (every stage's approvers, escalation ones once escalated). */
export function approverIds(data: ApprovalItemData): string[] {
  const ids = data.approval.stages.flatMap((s) => [
    ...s.approvers,
    ...(s.escalated ? s.escalationApprovers : []),
  ]);
  return [...new Set(ids.map((p: Person) => p.id))];
}

/** The item's subjects plus everyone who holds an approver card: "approvals" lists what waits for me. */
export function subjectsWithApprovers(subjects: string[], data: ApprovalItemData): string[] {
  return [...new Set([...subjects, ...approverIds(data)])];
}

/**
 * A decision as cards name its maker: one made outside Teams says so ("Megan Bowen (in My Access)"),
 * so approvers and the requester see it was not decided on these cards.
 */
export function shown(d: Decision | undefined): Decision | undefined {
  if (!d?.via || d.result === 'canceled' || d.result === 'expired') return d;
  const who = d.by?.displayName ?? 'an approver';
  return { ...d, by: { id: d.by?.id ?? '', displayName: `${who} (${DECIDED_IN[d.via]})` } };
}

/** The approver card for one viewer, from the item as it is now. */
export function approvalCardData(
  item: WorkflowItem<ApprovalItemData>,
  viewerId: string,
  reminder = false,
): ApprovalRequestCardData {
  const a = item.data.approval;
  // The viewer's own stage: the current one when they may decide it (an approver of two stages in a
  // row acts on each in turn), else the latest one they approve, else the current one.
  const approves = (s: (typeof a.stages)[number]) =>
    [...s.approvers, ...s.escalationApprovers].some((p) => p.id === viewerId);
  const current = a.stages[a.current];
  const mine = current && approves(current) ? current : [...a.stages].reverse().find(approves);
  const stage = mine ?? current;
  const open = item.state === 'pendingApproval' && stage?.state === 'InProgress' && stage.index === a.current;
  const allowed = stage
    ? stage.escalated
      ? [...stage.approvers, ...stage.escalationApprovers]
      : stage.approvers
    : [];
  const canDecide = open && allowed.some((p) => p.id === viewerId);
  let status: ApprovalRequestCardData['status'] = open
    ? 'pending'
    : (stage?.decision?.result ?? a.outcome?.result ?? 'waiting');
  if (item.state === 'failed') status = 'failed';
  return {
    itemId: item.id,
    itemKind: item.kind,
    title: a.subject.title,
    requester: a.requester,
    justification: a.subject.justification,
    answers: a.subject.answers,
    facts: a.subject.facts,
    grants: a.subject.grants,
    lasts: a.subject.lasts,
    askedAt: a.subject.askedAt ?? item.createdAt.toISOString(),
    viewerId,
    stage: {
      index: stage?.index ?? 0,
      number: (stage?.index ?? 0) + 1,
      count: a.stages.length,
      reasonRequired: stage?.reasonRequired ?? false,
      escalated: stage?.escalated ?? false,
      decideBy: stage?.decideBy,
    },
    status,
    canDecide,
    reminder,
    outcome: shown(stage?.decision ?? a.outcome),
    stages: a.stages.map((s) => ({
      number: s.index + 1,
      state: s.state,
      approvers: s.approvers.map((p) => p.displayName),
      decision: shown(s.decision),
    })),
    refreshUserIds: approverIds(item.data),
  };
}

/** Notification builders for the approval engine's kinds. */
export const approvalNotificationBuilders: Record<string, NotificationBuilder> = {
  [ApprovalNotification.request]: (item, userId): Notification => ({
    kind: ApprovalNotification.request,
    data: { ...approvalCardData(item, userId) },
  }),
  [ApprovalNotification.reminder]: (item, userId): Notification => ({
    kind: ApprovalNotification.reminder,
    data: { ...approvalCardData(item, userId, true) },
  }),
  [ApprovalNotification.stagePassed]: (item): Notification => ({
    kind: ApprovalNotification.stagePassed,
    data: { ...stagePassedCardData(item) },
  }),
  [ApprovalNotification.outcome]: (item): Notification => {
    const data = item.data as ApprovalItemData;
    const outcome = data.approval.outcome ?? { result: 'denied', at: item.updatedAt.toISOString() };
    const card: ApprovalOutcomeCardData = {
      itemId: item.id,
      itemKind: item.kind,
      title: data.approval.subject.title,
      outcome: shown(outcome)!,
    };
    return { kind: ApprovalNotification.outcome, data: { ...card } };
  },
};
