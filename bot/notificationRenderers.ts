import { z } from 'zod';
import { renderNoticeCard } from '../cards/notice';
import type { AdaptiveCard } from '../cards/render';

/** Who will read a proactive card: times on it read in their zone and locale (UTC and en when unknown). */
export interface CardReader {
  timeZone?: string;
  locale?: string;
}

/** Turns a notification's data into its card; validates the data, since services send plain JSON. */
export type NotificationRenderer = (data: Record<string, unknown>, reader: CardReader) => AdaptiveCard;

/** Renderers by notification kind ('approval.request', 'access.expiring', …). */
export type NotificationRenderers = Readonly<Record<string, NotificationRenderer>>;

const NoticeData = z.object({
  title: z.string(),
  text: z.string(),
  facts: z.array(z.object({ title: z.string(), value: z.string() })).optional(),
});

/** The kinds every deployment has; flows add theirs with composeRenderers. */
export function coreRenderers(): NotificationRenderers {
  return { notice: (data) => renderNoticeCard(NoticeData.parse(data)) };
}

/** Merges the renderer tables of every flow; a kind claimed twice is a wiring bug, caught at start. */
export function composeRenderers(...tables: NotificationRenderers[]): NotificationRenderers {
  const all: Record<string, NotificationRenderer> = {};
  for (const table of tables) {
    for (const [kind, render] of Object.entries(table)) {
      if (all[kind]) throw new Error(`Notification kind ${kind} has two renderers`);
      all[kind] = render;
    }
  }
  return all;
}
