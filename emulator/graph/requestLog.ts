import type { HttpHandler } from './http';

/** One answered request, as benchmarks and tests count them. */
export interface LoggedRequest {
  time: Date;
  api: 'graph' | 'exchange' | 'identity' | 'tokenService' | 'botFramework';
  method: string;
  /** Path including the version, without the query, e.g. /v1.0/users. */
  path: string;
  query: string;
  status: number;
  /** Client id of the calling app, when known. */
  appId?: string;
  /** Object id of the signed-in user (delegated calls). */
  userId?: string;
  /** True for an item of a JSON $batch. */
  inBatch: boolean;
}

/** A filter for `count`/`find`: fields must match (paths may be a RegExp), or a predicate. */
export type RequestFilter =
  | ((r: LoggedRequest) => boolean)
  | (Partial<Omit<LoggedRequest, 'path' | 'time'>> & { path?: string | RegExp });

/** The emulator's request log: the newest `limit` requests (a long demo or benchmark must not grow it forever). */
export class RequestLog {
  private readonly entries: LoggedRequest[] = [];
  /** When each HTTP request was being served, in epoch ms (see `served`), oldest first. */
  private readonly busy: { from: number; to: number }[] = [];

  constructor(private readonly limit = 50_000) {}

  /**
   * One HTTP request was served from `from` to `to` (epoch ms, sub-millisecond: performance.timeOrigin +
   * performance.now()), so a benchmark can tell how much of a turn the bot spent waiting on the emulator.
   */
  served(from: number, to: number): void {
    this.busy.push({ from, to });
    if (this.busy.length > this.limit) this.busy.splice(0, Math.ceil(this.limit / 10));
  }

  /** Milliseconds within [from, to] during which the emulator was serving at least one request. */
  busyWithin(from: number, to: number): number {
    let total = 0;
    let reached = from;
    // Intervals are recorded as requests end; sorting by start lets overlapping ones count once.
    const inside = this.busy.filter((b) => b.to > from && b.from < to).sort((a, b) => a.from - b.from);
    for (const b of inside) {
      const start = Math.max(b.from, reached);
      const end = Math.min(b.to, to);
      if (end > start) total += end - start;
      reached = Math.max(reached, end);
    }
    return total;
  }

  record(entry: LoggedRequest): void {
    this.entries.push(entry);
    // Dropped in chunks, so recording stays O(1) on average.
    if (this.entries.length > this.limit) this.entries.splice(0, Math.ceil(this.limit / 10));
  }
  /** Entries matching the filter, oldest first. */
  find(filter: RequestFilter = {}): LoggedRequest[] {
    if (typeof filter === 'function') return this.entries.filter(filter);
    return this.entries.filter((e) =>
      Object.entries(filter).every(([key, want]) => {
        const got = e[key as keyof LoggedRequest];
        return want instanceof RegExp ? want.test(String(got)) : got === want;
      }),
    );
  }
  /** How many entries match. */
  count(filter: RequestFilter = {}): number {
    return this.find(filter).length;
  }
  all(): readonly LoggedRequest[] {
    return this.entries;
  }
  clear(): void {
    this.entries.length = 0;
    this.busy.length = 0;
  }
}

/** Wraps a handler so that its answers are logged under `api` (for handlers that do not log). */
export function logged(api: LoggedRequest['api'], log: RequestLog, handler: HttpHandler): HttpHandler {
  return async (req) => {
    const out = await handler(req);
    if (out) {
      const query = req.url.search.slice(1);
      log.record({
        time: new Date(),
        api,
        method: req.method,
        path: req.url.pathname,
        query,
        status: out.status,
        inBatch: false,
      });
    }
    return out;
  };
}
