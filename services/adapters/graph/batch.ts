import type { Logger } from '../../logger';

/** One request inside a JSON $batch; `url` is relative to the version (`/users/123`). */
export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One answer inside a $batch reply. */
export interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Sends one $batch of at most 20 requests and returns its answers (in any order). */
export type BatchSender = (requests: BatchRequest[]) => Promise<BatchResponse[]>;

export interface BatchSettings {
  /** Batches in flight at once. */
  concurrency: number;
  /** Rounds of re-sending throttled items. */
  maxItemRetries: number;
  /** No retry round starts later than this after the first send. */
  maxTotalMs: number;
  /** Wait when a throttled item gives no Retry-After. */
  defaultRetryAfterMs: number;
}

/** Graph's limit of requests per $batch. */
export const BATCH_LIMIT = 20;

/**
 * Runs many requests as JSON $batch calls: chunks of 20, a few chunks at a time, and re-sends only the
 * items Graph throttled (429 inside the batch) once their Retry-After has passed. Answers are keyed by id;
 * an item still throttled when retries run out keeps its 429 answer.
 */
export class GraphBatcher {
  constructor(
    private readonly settings: BatchSettings,
    private readonly logger: Logger,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async run(requests: BatchRequest[], send: BatchSender): Promise<Map<string, BatchResponse>> {
    const ids = new Set(requests.map((r) => r.id));
    if (ids.size !== requests.length) throw new Error('$batch request ids must be unique');
    const chunks: BatchRequest[][] = [];
    for (let i = 0; i < requests.length; i += BATCH_LIMIT) chunks.push(requests.slice(i, i + BATCH_LIMIT));
    const results = new Map<string, BatchResponse>();
    let next = 0;
    const worker = async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++]!;
        for (const r of await this.runChunk(chunk, send)) results.set(r.id, r);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.settings.concurrency, chunks.length) }, worker));
    return results;
  }

  private async runChunk(chunk: BatchRequest[], send: BatchSender): Promise<BatchResponse[]> {
    const started = Date.now();
    const done: BatchResponse[] = [];
    let pending = chunk;
    for (let round = 0; ; round++) {
      const answers = await send(pending);
      const byId = new Map(answers.map((a) => [a.id, a]));
      const throttled: BatchRequest[] = [];
      let waitMs = 0;
      for (const req of pending) {
        const answer = byId.get(req.id) ?? { id: req.id, status: 502, body: missingAnswer(req.id) };
        if (answer.status === 429) {
          throttled.push(req);
          waitMs = Math.max(waitMs, this.retryAfter(answer));
        } else done.push(answer);
      }
      const outOfTime = Date.now() - started + waitMs > this.settings.maxTotalMs;
      if (throttled.length === 0 || round >= this.settings.maxItemRetries || outOfTime) {
        for (const req of throttled) done.push(byId.get(req.id)!);
        return done;
      }
      this.logger.debug({ throttled: throttled.length, waitMs, round: round + 1 }, 'graph $batch retry');
      await this.sleep(waitMs);
      pending = throttled;
    }
  }

  private retryAfter(answer: BatchResponse): number {
    const header = Object.entries(answer.headers ?? {}).find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
    const seconds = header === undefined ? NaN : Number(header);
    return Number.isNaN(seconds) ? this.settings.defaultRetryAfterMs : Math.max(0, seconds * 1000);
  }
}

function missingAnswer(id: string) {
  return { error: { code: 'BatchItemMissing', message: `The $batch reply had no answer for '${id}'` } };
}
