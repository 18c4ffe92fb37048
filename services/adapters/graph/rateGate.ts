import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { AdaptiveRate } from './adaptiveRate';
import { retryAfterMs } from './retryPolicy';

interface BatchItemAnswer {
  status?: number;
  headers?: Record<string, string>;
}

/**
 * Graph client middleware that sends every attempt (retries included: it sits after the RetryHandler)
 * through an AdaptiveRate, and tells it how the service answered. A JSON $batch costs its items and is
 * judged by them: Graph throttles each item apart and answers a throttled item with its own 429 and
 * Retry-After inside a 200 reply (learn.microsoft.com/graph/throttling, "Throttling and batching").
 * 429 and 503 both say "slow down" (both may carry Retry-After; graph/errors, "Retry-After").
 */
export class RateGateMiddleware implements Middleware {
  private next?: Middleware;

  constructor(private readonly rate: AdaptiveRate) {}

  async execute(context: Context): Promise<void> {
    const items = batchItemCount(context);
    const ticket = await this.rate.take(items ?? 1);
    await this.next!.execute(context);
    const response = context.response;
    if (!response) return;
    if (response.status === 429 || response.status === 503) {
      this.rate.throttled(ticket, retryAfterMs(response.headers));
    } else if (response.ok) {
      const wait = items === undefined ? undefined : await throttledItemsWait(response);
      if (wait === undefined) this.rate.succeeded(ticket);
      else this.rate.throttled(ticket, wait.ms);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Items of a JSON $batch POST (its body is the serialized `{ requests }`); undefined for other calls. */
function batchItemCount(context: Context): number | undefined {
  const url = typeof context.request === 'string' ? context.request : context.request.url;
  if (!/\/\$batch(\?|$)/i.test(url) || typeof context.options?.body !== 'string') return undefined;
  try {
    const body = JSON.parse(context.options.body) as { requests?: unknown[] };
    return Math.max(1, body.requests?.length ?? 1);
  } catch {
    return 1;
  }
}

/** When some items of a $batch reply were throttled: the longest Retry-After among them (ms, if any). */
async function throttledItemsWait(response: Response): Promise<{ ms: number | undefined } | undefined> {
  let answers: BatchItemAnswer[];
  try {
    answers = ((await response.clone().json()) as { responses?: BatchItemAnswer[] }).responses ?? [];
  } catch {
    return undefined;
  }
  const throttled = answers.filter((a) => a.status === 429 || a.status === 503);
  if (throttled.length === 0) return undefined;
  const waits = throttled
    .map((a) => retryAfterMs(new Headers(a.headers ?? {})))
    .filter((ms): ms is number => ms !== undefined);
  return { ms: waits.length ? Math.max(...waits) : undefined };
}
