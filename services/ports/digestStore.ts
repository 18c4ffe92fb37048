/**
 * The weekly digest's history: one run per digest (scheduled or asked for), its progress while it
 * collects (so a crashed run resumes where it stopped), and the findings it found. Findings of two runs
 * are compared by key to tell what is new, fixed and still open.
 */
import type { DigestFinding, DigestSummary } from '../digest/model';
import type { JobStore } from './jobStore';
import type { WorkflowStore } from './workflowStore';

/** Where a collecting run stands; `cursor` counts the mailboxes done so far (in list order). */
export interface DigestProgress {
  phase: 'mailboxes' | 'governance' | 'done';
  cursor: number;
  /** Mailboxes in the tenant, known once the mailbox list was read. */
  total?: number;
}

export interface DigestRun {
  /** Stable id: `week:<occurrence ISO>` for a scheduled run, `now:<…>` for one asked for. */
  id: string;
  kind: 'weekly' | 'onDemand';
  /** When it was due (scheduled) or asked for. */
  at: Date;
  state: 'collecting' | 'complete';
  progress: DigestProgress;
  /** The weekly run it is compared with (the latest complete one before it). */
  previousRunId?: string;
  /** Filled when complete: everything the card shows besides findings' details. */
  summary?: DigestSummary;
  startedAt: Date;
  completedAt?: Date;
  /** Bumped by every update; updates are conditional on it (no multi-document transactions). */
  version: number;
}

export interface DigestStore {
  /** Creates the run unless one with this id exists; returns the stored run either way. */
  createRun(run: Omit<DigestRun, 'version'>): Promise<DigestRun>;
  getRun(id: string): Promise<DigestRun | undefined>;
  /** Applies the change if the run's version is still `expectedVersion`; undefined otherwise. */
  updateRun(
    id: string,
    expectedVersion: number,
    change: Partial<Pick<DigestRun, 'state' | 'progress' | 'summary' | 'completedAt' | 'previousRunId'>>,
  ): Promise<DigestRun | undefined>;
  /** The newest complete weekly run due strictly before `before`. */
  latestWeeklyBefore(before: Date): Promise<DigestRun | undefined>;
  /** The newest complete weekly runs, newest first (score trend). */
  recentWeekly(limit: number): Promise<DigestRun[]>;
  /** Stores findings of a run; a key stored already is replaced, so a resumed chunk writes once. */
  putFindings(runId: string, findings: DigestFinding[]): Promise<void>;
  /** Every finding of a run, in key order (optionally of one section). */
  findings(runId: string, section?: string): Promise<DigestFinding[]>;
}

/**
 * The digest's persistence: its history, plus a workflow store and a job store of its own, so its
 * outbox and scheduler only ever claim digest work (another flow's runners never see it, and it never
 * sees theirs).
 */
export interface DigestStores {
  runs: DigestStore;
  items: WorkflowStore;
  jobs: JobStore;
}
