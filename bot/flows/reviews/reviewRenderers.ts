import { z } from 'zod';
import type { Clock } from '../../../services/clock';
import { ReviewNotification } from '../../../services/reviews/model';
import type { ReviewListEntry } from '../../../services/reviews/reviewList';
import type { CardReader, NotificationRenderers } from '../../notificationRenderers';
import { renderReviewListCard } from './reviewListCard';
import { renderReviewSummaryCard, type ReviewSummaryCardData } from './reviewSummaryCard';

const ListData = z.object({ heading: z.string(), banner: z.string(), entries: z.array(z.any()) });

/** Cards for review notifications, times in the reader's zone. */
export function reviewRenderers(clock: Clock): NotificationRenderers {
  const list = (data: Record<string, unknown>, r: CardReader) => {
    const d = ListData.parse(data);
    return renderReviewListCard(
      d.heading,
      d.entries as ReviewListEntry[],
      { ...r, now: clock.now() },
      d.banner,
    );
  };
  return {
    [ReviewNotification.started]: list,
    [ReviewNotification.reminder]: list,
    [ReviewNotification.summary]: (d) => renderReviewSummaryCard(d as unknown as ReviewSummaryCardData),
  };
}
