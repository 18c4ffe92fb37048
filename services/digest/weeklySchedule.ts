import { Cron } from 'croner';

/** The digest's schedule setting is not a weekly cron expression. */
export class ScheduleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScheduleError';
  }
}

/**
 * When the weekly digest is due: one cron expression ("0 8 * * MON") in one IANA time zone.
 * Parsing uses croner: cron expressions have corner cases (names, ranges, steps, day-of-month OR
 * day-of-week) and time zones have DST gaps; croner handles both, has no dependencies and is kept up
 * (cron-parser would do as well; croner was chosen for its built-in time zone support without luxon
 * plumbing and its strict validation). We add one rule of our own: the expression must fire once a week.
 */
export class WeeklySchedule {
  private readonly cron: Cron;

  constructor(
    readonly expression: string,
    readonly timeZone: string,
  ) {
    const fields = expression.trim().split(/\s+/);
    if (fields.length !== 5)
      throw new ScheduleError(
        `"${expression}" must have 5 fields: minute hour day-of-month month day-of-week`,
      );
    const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string];
    if (
      !/^\d+$/.test(minute) ||
      !/^\d+$/.test(hour) ||
      dom !== '*' ||
      month !== '*' ||
      !/^([0-7]|sun|mon|tue|wed|thu|fri|sat)$/i.test(dow)
    ) {
      throw new ScheduleError(
        `"${expression}" must fire once a week: a fixed minute and hour, * for day and month, one weekday (e.g. "0 8 * * MON")`,
      );
    }
    try {
      this.cron = new Cron(expression, { timezone: timeZone, paused: true });
      this.cron.nextRun(new Date());
    } catch (err) {
      throw new ScheduleError(
        `"${expression}" in ${timeZone}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  /** The first occurrence strictly after `after`. */
  next(after: Date): Date {
    return this.cron.nextRun(after)!;
  }

  /** The latest occurrence at or before `at` (a week back at most). */
  previous(at: Date): Date {
    // Search forward from 8 days back: croner's forward search is the one that knows DST well.
    let t = this.next(new Date(at.getTime() - 8 * 86_400_000));
    for (;;) {
      const n = this.next(t);
      if (n.getTime() > at.getTime()) return t;
      t = n;
    }
  }
}
