import { DateTime, Duration } from 'luxon';
import { GraphHttpError } from '../../routing';

/** ISO 8601 durations ("P30D", "PT8H") as Graph writes them, added to instants in UTC. */
export function parseDuration(iso: string): Duration {
  const d = Duration.fromISO(iso);
  if (!d.isValid) throw new GraphHttpError(400, 'BadRequest', `'${iso}' is not a valid ISO 8601 duration.`);
  return d;
}

/** The instant `iso` after `from`. */
export function addDuration(from: Date | string, iso: string): Date {
  return DateTime.fromJSDate(new Date(from), { zone: 'utc' }).plus(parseDuration(iso)).toJSDate();
}

/** Milliseconds in `iso` (months and years use luxon's casual conversion, as Graph policies use days). */
export function durationMs(iso: string): number {
  return parseDuration(iso).toMillis();
}

/** `days` days after `from` (negative for the past). */
export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * 86_400_000);
}

/** Graph's instant format: ISO 8601 in UTC. */
export function iso(d: Date): string {
  return d.toISOString();
}
