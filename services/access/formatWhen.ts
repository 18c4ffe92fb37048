import { DateTime, Duration } from 'luxon';

/** How a time reads on a card for one user: in their time zone, absolute and relative. */
export interface UserTime {
  /** IANA zone from the activity's clientInfo entity (e.g. 'Europe/Berlin'); UTC when unknown. */
  timeZone?: string;
  locale?: string;
  now: Date;
}

/** "Wed 4 Mar, 11:00 (in 2 days)" in the user's zone; an unknown zone falls back to UTC. */
export function formatWhen(iso: string, user: UserTime): string {
  const zone = user.timeZone && DateTime.local().setZone(user.timeZone).isValid ? user.timeZone : 'UTC';
  const at = DateTime.fromISO(iso, { zone }).setLocale(user.locale ?? 'en-GB');
  if (!at.isValid) return iso;
  const now = DateTime.fromJSDate(user.now, { zone });
  const sameYear = at.year === now.year;
  const absolute = at.toFormat(sameYear ? 'ccc d LLL, HH:mm' : 'ccc d LLL yyyy, HH:mm');
  const close = Math.abs(at.toMillis() - now.toMillis()) < 60_000;
  const relative = close
    ? 'just now'
    : (at.toRelative({ base: now, locale: user.locale ?? 'en', rounding: 'round' }) ?? '');
  return `${absolute}${zone === 'UTC' ? ' UTC' : ''} (${relative})`;
}

/** "30 days", "2 days", "12 hours" from an ISO 8601 duration (policy durations). */
export function formatDuration(iso: string | undefined, locale = 'en'): string | undefined {
  if (!iso) return undefined;
  const d = Duration.fromISO(iso);
  if (!d.isValid) return iso;
  const days = d.as('days');
  if (Number.isInteger(days) && days >= 1) return Duration.fromObject({ days }, { locale }).toHuman();
  const hours = Math.round(d.as('hours'));
  return Duration.fromObject({ hours }, { locale }).toHuman();
}
