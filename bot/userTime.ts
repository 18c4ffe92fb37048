import type { Activity } from 'botbuilder';
import type { UserTime } from '../services/access/formatWhen';

/** The user's time zone and locale, as Teams sends them with every activity (clientInfo entity). */
export function userTimeOf(activity: Partial<Activity>, now: Date): UserTime {
  const info = (activity.entities ?? []).find((e) => e.type === 'clientInfo') as
    { timezone?: unknown; locale?: unknown } | undefined;
  return {
    now,
    timeZone: typeof info?.timezone === 'string' ? info.timezone : undefined,
    locale: typeof info?.locale === 'string' ? info.locale : undefined,
  };
}
