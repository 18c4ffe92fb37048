import { Duration } from 'luxon';

/** "2 hours", "30 minutes", "1.5 hours" from an ISO 8601 duration. */
export function formatHours(iso: string): string {
  const d = Duration.fromISO(iso);
  if (!d.isValid) return iso;
  const minutes = Math.round(d.as('minutes'));
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round((minutes / 60) * 10) / 10;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

/** The instant `iso` duration after `from`. */
export function plusDuration(from: Date, iso: string): Date {
  return new Date(from.getTime() + Duration.fromISO(iso).as('milliseconds'));
}
