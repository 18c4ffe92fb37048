import type { Client } from '@microsoft/microsoft-graph-client';
import type { TokenCredential } from '@azure/identity';
import type { Logger } from '../../logger';
import type { BatchRequest, BatchResponse, GraphBatcher } from './batch';
import { fromHttp, toDomainError } from './errorMapping';

/** A Graph page: `value` plus the link to the next page, if any. */
export interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

/**
 * One caller's view of Graph (the app, or one user on-behalf-of): the client, and every call wrapped so
 * that failures come out as domain errors.
 */
export class GraphSession {
  constructor(
    readonly client: Client,
    private readonly credential: TokenCredential,
    private readonly scopes: string[],
    /** True when acting as a user (on-behalf-of). */
    readonly delegated: boolean,
    private readonly logger: Logger,
    private readonly batcher: GraphBatcher,
  ) {}

  /** Sends the requests as JSON $batch calls (see GraphBatcher); answers keyed by request id. */
  async batch(what: string, requests: BatchRequest[]): Promise<Map<string, BatchResponse>> {
    const withHeaders = requests.map((r) =>
      r.body === undefined ? r : { ...r, headers: { 'Content-Type': 'application/json', ...r.headers } },
    );
    return this.run(what, (client) =>
      this.batcher.run(withHeaders, async (chunk) => {
        const reply = (await client.api('/$batch').post({ requests: chunk })) as {
          responses: BatchResponse[];
        };
        return reply.responses;
      }),
    );
  }

  /**
   * One $batch request per key; answers read by `read` and keyed by the caller's key. A 404 leaves the
   * key out (the object is gone); any other failure throws its domain error.
   */
  async batchEach<T>(
    what: string,
    keys: string[],
    request: (key: string) => Omit<BatchRequest, 'id'>,
    read: (body: unknown) => T,
  ): Promise<Map<string, T>> {
    const unique = [...new Set(keys)];
    const answers = await this.batch(
      what,
      unique.map((key, i) => ({ ...request(key), id: String(i) })),
    );
    const out = new Map<string, T>();
    unique.forEach((key, i) => {
      const answer = answers.get(String(i))!;
      if (answer.status === 404) return;
      if (answer.status >= 300) throw this.itemError(answer);
      out.set(key, read(answer.body));
    });
    return out;
  }

  /** GET of one object. */
  get<T>(what: string, path: string, version: 'v1.0' | 'beta' = 'v1.0'): Promise<T> {
    return this.run(what, (c) => c.api(path).version(version).get() as Promise<T>);
  }

  /** POST; resolves to the created object (or undefined for 204). */
  post<T>(what: string, path: string, body?: unknown): Promise<T> {
    return this.run(what, (c) => c.api(path).post(body) as Promise<T>);
  }

  /** PATCH (Graph answers 204). */
  async patch(what: string, path: string, body: unknown, version: 'v1.0' | 'beta' = 'v1.0'): Promise<void> {
    await this.run(what, (c) => c.api(path).version(version).patch(body));
  }

  /** The domain error for a failed $batch answer. */
  itemError(answer: BatchResponse): Error {
    const error = (answer.body as { error?: { code?: string; message?: string } } | undefined)?.error;
    return fromHttp(
      {
        status: answer.status,
        code: error?.code,
        message: error?.message ?? '',
        headers: new Headers(answer.headers ?? {}),
      },
      this.delegated,
    );
  }

  /** Runs Graph calls; errors (token, HTTP, network) are rethrown as domain errors. */
  async run<T>(what: string, call: (client: Client) => Promise<T>): Promise<T> {
    try {
      // Get the token first so its failure keeps its detail (the client would wrap it in a GraphError).
      await this.credential.getToken(this.scopes);
      return await call(this.client);
    } catch (err) {
      const mapped = toDomainError(err, this.delegated);
      this.logger.debug({ what, err: describe(mapped) }, 'graph call failed');
      throw mapped;
    }
  }

  /** GET of a collection, following `@odata.nextLink` to the last page (or until `limit` items). */
  async getAll<T>(what: string, path: string, limit = Infinity): Promise<T[]> {
    return this.run(what, async (client) => {
      const items: T[] = [];
      let page = (await client.api(path).get()) as Page<T>;
      items.push(...page.value);
      while (page['@odata.nextLink'] && items.length < limit) {
        page = (await client.api(page['@odata.nextLink']).get()) as Page<T>;
        items.push(...page.value);
      }
      return items.slice(0, limit);
    });
  }
}

function describe(err: unknown): Record<string, unknown> {
  if (err instanceof Error)
    return { name: err.name, message: err.message, code: (err as { code?: unknown }).code };
  return { value: String(err) };
}
