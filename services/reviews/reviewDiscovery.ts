import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { JobStore } from '../ports/jobStore';
import type { ReviewDefinition, ReviewInstance, ReviewsGateway } from '../ports/reviews';
import type { WorkflowItem, WorkflowStore } from '../ports/workflowStore';
import { type ItemPatch, mutateItem } from '../workflow/mutate';
import { sendEffect } from '../workflow/notifyEffects';
import { ReviewKind, ReviewNotification, type ReviewAssignmentData } from './model';
import type { ReviewReader } from './reviewReader';
import { assignmentId } from './reviewerService';
import { summarise } from './summary';

export const REVIEW_POLL_JOB = 'reviews.poll';
export const REVIEW_REMINDER_JOB = 'reviews.remind';

/**
 * The durable poll of Graph (app-only) that finds access review instances as they start: each reviewer
 * gets a card, and reminders are scheduled before the end (only reviewers with open items get them). It
 * also notices instances that completed (ended, or stopped early) and sends each reviewer the summary.
 * Graph's own mails can take up to a day; the poll runs every few minutes.
 */
export class ReviewDiscovery {
  constructor(
    private readonly deps: {
      reviews: ReviewsGateway;
      reader: ReviewReader;
      workflows: WorkflowStore;
      jobs: JobStore;
      clock: Clock;
      logger: Logger;
      everyMs: number;
      /** Days before the end at which reviewers with open items are reminded, e.g. [3, 1]. */
      reminderDays: readonly number[];
    },
  ) {}

  /** Keeps one poll round scheduled; replicas agree on its id, so each may call this. */
  async scheduleNext(): Promise<void> {
    const now = this.deps.clock.now();
    const every = this.deps.everyMs;
    const next = new Date(Math.floor(now.getTime() / every) * every + every);
    const id = `${REVIEW_POLL_JOB}:${next.toISOString()}`;
    await this.deps.jobs.schedule({ id, type: REVIEW_POLL_JOB, runAt: next, payload: {} }, now);
  }

  /** Schedules a round due now (at start); replicas agree on its id, so it runs once per slot. */
  async scheduleNow(): Promise<void> {
    const now = this.deps.clock.now();
    const slot = new Date(Math.floor(now.getTime() / this.deps.everyMs) * this.deps.everyMs);
    const id = `${REVIEW_POLL_JOB}:start:${slot.toISOString()}`;
    await this.deps.jobs.schedule({ id, type: REVIEW_POLL_JOB, runAt: now, payload: {} }, now);
  }

  /** One round over every definition; one instance's failure does not stop the others. */
  async run(): Promise<void> {
    for (const d of await this.deps.reviews.listDefinitions()) {
      for (const i of await this.deps.reviews.listInstances(d.id)) {
        try {
          if (i.status === 'InProgress') await this.discover(d, i);
          else if (i.status === 'Completed' || i.status === 'AutoReviewed') await this.complete(d, i);
        } catch (err) {
          this.deps.logger.warn({ err, instanceId: i.id }, 'access review poll failed for one instance');
        }
      }
    }
  }

  /** A started instance: an item and a card per reviewer (once), and its reminders scheduled. */
  async discover(d: ReviewDefinition, i: ReviewInstance): Promise<void> {
    const now = this.deps.clock.now();
    const reviewers = await this.deps.reviews.contactedReviewers(d.id, i.id);
    const fresh = [];
    for (const r of reviewers) if (!(await this.deps.workflows.get(assignmentId(i.id, r.id)))) fresh.push(r);
    if (fresh.length === 0) return;
    const items = await this.deps.reviews.listDecisions(d.id, i.id);
    const facts = this.deps.reader.facts(
      d,
      i,
      items.find((x) => x.resource?.displayName)?.resource?.displayName,
    );
    const open = items.filter((x) => x.decision === 'NotReviewed').length;
    for (const r of fresh) {
      await this.deps.workflows.create<ReviewAssignmentData>({
        id: assignmentId(i.id, r.id),
        kind: ReviewKind.assignment,
        state: 'inProgress',
        data: { facts, reviewerId: r.id, total: items.length, open, messages: {} },
        subjects: [r.id],
        outbox: [sendEffect('started', r.id, ReviewNotification.started, now)],
        at: now,
      });
    }
    if (!facts.remindersEnabled || !i.endDateTime) return;
    for (const days of this.deps.reminderDays) {
      const runAt = new Date(new Date(i.endDateTime).getTime() - days * 86_400_000);
      if (runAt <= now) continue;
      const payload = { definitionId: d.id, instanceId: i.id, days };
      const id = `${REVIEW_REMINDER_JOB}:${i.id}:${days}`;
      await this.deps.jobs.schedule({ id, type: REVIEW_REMINDER_JOB, runAt, payload }, now);
    }
  }

  /** Reminds the instance's reviewers who still have people to review, naming how many. */
  async remind(definitionId: string, instanceId: string, key: string): Promise<number> {
    const items = await this.deps.reviews.listDecisions(definitionId, instanceId);
    const open = items.filter((x) => x.decision === 'NotReviewed').length;
    if (open === 0) return 0;
    let sent = 0;
    for (const item of await this.assignments(definitionId, instanceId)) {
      // Reviewers share the instance's items (group owners, named reviewers): open for one is open for all.
      await this.mutate(item, (fresh, now) => ({
        data: { ...fresh.data, remindedOpen: open, open },
        effects: [sendEffect(`reminder:${key}`, fresh.data.reviewerId, ReviewNotification.reminder, now)],
      }));
      sent++;
    }
    return sent;
  }

  /** Completes the bot's side of an instance Graph shows as completed (after an owner stopped it). */
  async completeById(definitionId: string, instanceId: string): Promise<void> {
    const d = await this.deps.reviews.getDefinition(definitionId);
    const i = (await this.deps.reviews.listInstances(definitionId)).find((x) => x.id === instanceId);
    if (i && i.status !== 'InProgress') await this.complete(d, i);
  }

  /** A completed instance: each reviewer's item closes and its reviewer gets the summary (once). */
  async complete(d: ReviewDefinition, i: ReviewInstance): Promise<void> {
    const assignments = await this.assignments(d.id, i.id);
    if (assignments.length === 0) return;
    const summary = summarise(await this.deps.reviews.listDecisions(d.id, i.id), d);
    for (const item of assignments) {
      await this.mutate(item, (fresh, now) =>
        fresh.state === 'inProgress'
          ? {
              state: 'completed',
              data: { ...fresh.data, summary },
              effects: [sendEffect('summary', fresh.data.reviewerId, ReviewNotification.summary, now)],
            }
          : undefined,
      );
    }
  }

  /** The bot's items of an instance's reviewers still in progress, each read by its id (no scan). */
  private async assignments(definitionId: string, instanceId: string) {
    const out: WorkflowItem<ReviewAssignmentData>[] = [];
    for (const r of await this.deps.reviews.contactedReviewers(definitionId, instanceId)) {
      const item = await this.deps.workflows.get<ReviewAssignmentData>(assignmentId(instanceId, r.id));
      if (item?.state === 'inProgress') out.push(item);
    }
    return out;
  }

  private mutate(
    item: WorkflowItem<ReviewAssignmentData>,
    fn: (fresh: WorkflowItem<ReviewAssignmentData>, now: Date) => ItemPatch<ReviewAssignmentData> | undefined,
  ) {
    return mutateItem<ReviewAssignmentData>(
      this.deps.workflows,
      item.id,
      () => this.deps.clock.now(),
      (fresh) => fn(fresh, this.deps.clock.now()),
      { item },
    );
  }
}
