import {
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type FetchOptions,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import type { Logger } from '../../logger';
import type { RetrySettings } from './options';

/** Seconds to wait as the Retry-After header says (seconds or an HTTP date); undefined when absent. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const value = headers?.get('Retry-After');
  if (value === null || value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (!Number.isNaN(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Whether a failed call may be sent again. 429 and 503 mean Graph did not act, so any method may
 * retry; after a 504 a POST may have been carried out (a request created twice), so only calls that
 * are safe to repeat retry it.
 */
export function mayRetry(method: string | undefined, status: number): boolean {
  if (status === 429 || status === 503) return true;
  if (status === 504) return (method ?? 'GET').toUpperCase() !== 'POST';
  return false;
}

/**
 * The Graph client's RetryHandler (Retry-After, exponential backoff, Retry-Attempt header), bounded:
 * at most `maxRetries`, and never past `maxTotalMs` after the first attempt. Returns the middleware
 * pair to put in the chain: a marker that notes when each call started, then the RetryHandler.
 */
export function boundedRetryMiddleware(settings: RetrySettings, logger: Logger): Middleware[] {
  // Keyed by the call's fetch options, the one object the RetryHandler hands to shouldRetry.
  const started = new WeakMap<FetchOptions, number>();
  const marker: Middleware & { next?: Middleware } = {
    async execute(context: Context) {
      if (context.options) started.set(context.options, Date.now());
      await marker.next!.execute(context);
    },
    setNext(next: Middleware) {
      marker.next = next;
    },
  };
  const shouldRetry = (
    delaySeconds: number,
    attempt: number,
    request: RequestInfo,
    options: FetchOptions | undefined,
    response: Response,
  ): boolean => {
    if (!mayRetry(options?.method, response.status)) return false;
    const wait = retryAfterMs(response.headers) ?? backoffMs(delaySeconds, attempt + 1);
    const elapsed = Date.now() - (options ? (started.get(options) ?? Date.now()) : Date.now());
    if (elapsed + wait > settings.maxTotalMs) return false;
    const url = typeof request === 'string' ? request : request.url;
    logger.debug(
      { status: response.status, attempt: attempt + 1, waitMs: wait, url: redactQuery(url) },
      'graph retry',
    );
    return true;
  };
  const handler = new RetryHandler(
    new RetryHandlerOptions(settings.delaySeconds, Math.min(settings.maxRetries, 10), shouldRetry),
  );
  return [marker, handler];
}

/** The RetryHandler's own backoff when no Retry-After is given (its randomness left out). */
function backoffMs(delaySeconds: number, attempt: number): number {
  const exp = attempt >= 2 ? Math.round(0.5 * (2 ** attempt - 1)) : 0;
  return (exp + delaySeconds) * 1000;
}

function redactQuery(url: string): string {
  const i = url.indexOf('?');
  return i === -1 ? url : url.slice(0, i);
}
