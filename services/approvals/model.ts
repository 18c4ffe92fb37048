import type { ItemMessage } from '../workflow/messages';
import type { StageState } from './states';

/** A person as cards show them. */
export interface Person {
  id: string;
  displayName: string;
}

/** The requester, with what approvers want to know about them. */
export interface Requester extends Person {
  department?: string;
  jobTitle?: string;
  manager?: Person;
}

/** Where a decision made outside Teams was made. */
export type DecidedVia = 'myAccess' | 'adminCenter';

/** How cards name the place a decision outside Teams was made ("Megan Bowen (in My Access)"). */
export const DECIDED_IN: Readonly<Record<DecidedVia, string>> = {
  myAccess: 'in My Access',
  adminCenter: 'in the Entra admin center',
};

/** The decision that closed a stage (or the request). */
export interface Decision {
  result: 'approved' | 'denied' | 'expired' | 'canceled';
  /** Absent when the system decided (automatic denial) or the requester canceled. */
  by?: Person;
  at: string;
  reason?: string;
  /**
   * Set when it was decided outside Teams and learned from Graph: in My Access (access packages) or in
   * the Microsoft Entra admin center (PIM role activations).
   */
  via?: DecidedVia;
}

/** One approval stage, with its approvers resolved when the request was submitted. */
export interface StageRecord {
  index: number;
  state: StageState;
  approvers: Person[];
  /** True when no primary approver could be resolved and the fallback approvers were used. */
  usedFallback: boolean;
  escalationApprovers: Person[];
  escalated: boolean;
  reasonRequired: boolean;
  /** ISO 8601 durations from the policy. */
  decideWithin: string;
  escalateAfter?: string;
  startedAt?: string;
  decideBy?: string;
  escalateAt?: string;
  remindAt?: string;
  decision?: Decision;
}

/** What is being approved, as approvers' cards show it (generic: access package, PIM role, …). */
export interface ApprovalSubject {
  title: string;
  justification?: string;
  answers: { question: string; answer: string }[];
  facts: { label: string; value: string }[];
  /** What a yes grants (resources and roles), when the item knows it. */
  grants?: { name: string; role?: string }[];
  /** How long a yes lasts: a duration (ISO 8601) or an end (ISO), when the item knows it. */
  lasts?: { duration?: string; endDateTime?: string };
  /** When it was asked, when not when the item was made (a request made outside Teams). */
  askedAt?: string;
}

/** The approval part of a workflow item's data. */
export interface ApprovalState {
  requester: Requester;
  subject: ApprovalSubject;
  stages: StageRecord[];
  /** Index of the stage in progress, or of the last one when the approval is over. */
  current: number;
  outcome?: Decision;
  /**
   * The notification kind that tells the requester of an outcome, where the item's own card says it
   * better than the generic 'approval.outcome' (a PIM activation that expired unanswered).
   */
  outcomeNotices?: Partial<Record<Decision['result'], string>>;
}

/** Workflow data of an item the approval engine works on. */
export interface ApprovalItemData {
  approval: ApprovalState;
  messages: Record<string, ItemMessage>;
}
