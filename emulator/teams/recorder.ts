/** One thing the bot did at the connector. */
export interface Recorded {
  /** Order of arrival, from 1. */
  seq: number;
  op: 'createConversation' | 'send' | 'reply' | 'update' | 'delete';
  conversationId: string;
  activityId: string;
  /** Alias of the user whose 1:1 chat this is, when known. */
  alias?: string;
  /** The activity as the bot sent it (absent for delete). */
  activity?: Record<string, unknown>;
  /** Whether the call carried an Authorization header (never its value). */
  authorized: boolean;
}

interface Waiter {
  pred: (r: Recorded) => boolean;
  since: number;
  resolve: (r: Recorded) => void;
}

/** Everything the bot sent, in order, with waiters for what has not arrived yet. */
export class Recorder {
  private readonly items: Recorded[] = [];
  private waiters: Waiter[] = [];

  /** The sequence number of the last record; pass it to waitFor to ignore what came before. */
  mark(): number {
    return this.items.length;
  }

  all(): readonly Recorded[] {
    return this.items;
  }

  /** Forgets what was recorded (long benchmarks); sequence numbers start again from 1. */
  clear(): void {
    this.items.length = 0;
  }

  add(entry: Omit<Recorded, 'seq'>): Recorded {
    const record = { ...entry, seq: this.items.length + 1 };
    this.items.push(record);
    const [done, waiting] = partition(this.waiters, (w) => record.seq > w.since && w.pred(record));
    this.waiters = waiting;
    for (const w of done) w.resolve(record);
    return record;
  }

  /** Resolves with the first record (after `since`) matching pred; rejects after timeoutMs. */
  waitFor(pred: (r: Recorded) => boolean, timeoutMs: number, since = 0): Promise<Recorded> {
    const existing = this.items.find((r) => r.seq > since && pred(r));
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        pred,
        since,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const seen = this.items.map((r) => `${r.op} ${r.alias ?? r.conversationId}`).join(', ');
        reject(new Error(`Nothing matching arrived within ${timeoutMs} ms; seen: [${seen}]`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }
}

function partition<T>(list: T[], test: (t: T) => boolean): [T[], T[]] {
  return [list.filter(test), list.filter((t) => !test(t))];
}
