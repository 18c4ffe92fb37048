import type { Notification } from '../ports/notifier';
import type { WorkflowItem } from '../ports/workflowStore';
import type { NotificationBuilder } from '../workflow/notifyEffects';
import { ReviewNotification, type ReviewAssignmentData } from './model';
import { listEntryOf } from './reviewList';

/** Cards a reviewer gets unasked: a review starts, a reminder, the summary once it completed. */
export const reviewNotificationBuilders: Record<string, NotificationBuilder> = {
  [ReviewNotification.started]: (item: WorkflowItem<ReviewAssignmentData>): Notification => ({
    kind: ReviewNotification.started,
    data: {
      heading: 'An access review needs you',
      banner: item.data.facts.description ?? '',
      entries: [listEntryOf(item)],
    },
  }),
  [ReviewNotification.reminder]: (item: WorkflowItem<ReviewAssignmentData>): Notification => {
    const left = item.data.remindedOpen ?? item.data.open;
    return {
      kind: ReviewNotification.reminder,
      data: {
        heading: `Reminder: ${left} ${left === 1 ? 'person' : 'people'} left to review`,
        banner: `${item.data.facts.name} ends soon; decisions not made by then follow the review's default.`,
        entries: [{ ...listEntryOf(item), open: left }],
      },
    };
  },
  [ReviewNotification.summary]: (item: WorkflowItem<ReviewAssignmentData>): Notification => ({
    kind: ReviewNotification.summary,
    data: {
      name: item.data.facts.name,
      scope: item.data.facts.scope,
      autoApply: item.data.facts.autoApply,
      ...item.data.summary!,
    },
  }),
};
