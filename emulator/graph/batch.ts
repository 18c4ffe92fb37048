import { GraphHttpError } from './routing';
import type { GraphCall, GraphPipeline, GraphReply } from './pipeline';

/** Graph's limit of requests in one JSON batch. */
export const MAX_BATCH_REQUESTS = 20;

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

function validate(body: unknown): BatchItem[] {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests)) throw new GraphHttpError(400, 'BadRequest', 'Invalid batch payload format.');
  if (requests.length > MAX_BATCH_REQUESTS) {
    throw new GraphHttpError(
      400,
      'BadRequest',
      `The batch contains ${requests.length} requests; the limit is ${MAX_BATCH_REQUESTS}.`,
    );
  }
  const items = requests as BatchItem[];
  const ids = new Set<string>();
  for (const item of items) {
    if (typeof item?.id !== 'string' || typeof item.method !== 'string' || typeof item.url !== 'string') {
      throw new GraphHttpError(400, 'BadRequest', 'Each batch request needs an id, a method and a url.');
    }
    // json-batching.md: ids are not case-sensitive and must be unique in the batch (400 otherwise).
    if (ids.has(key(item.id)))
      throw new GraphHttpError(400, 'BadRequest', `Request id '${item.id}' is not unique.`);
    ids.add(key(item.id));
    const hasType = Object.keys(item.headers ?? {}).some((h) => h.toLowerCase() === 'content-type');
    if (item.body !== undefined && !hasType) {
      throw new GraphHttpError(
        400,
        'BadRequest',
        `Write request id : ${item.id} does not contain Content-Type header or body.`,
      );
    }
  }
  for (const item of items) {
    for (const dep of item.dependsOn ?? []) {
      if (!ids.has(key(dep)))
        throw new GraphHttpError(
          400,
          'BadRequest',
          `Request id '${item.id}' depends on unknown id '${dep}'.`,
        );
    }
  }
  checkSequentialOrParallel(items);
  return items;
}

/** Batch ids compare without case (json-batching.md). */
function key(id: string): string {
  return id.toLowerCase();
}

/**
 * json-batching.md: "Batch should be either fully sequential or fully parallel" — with dependsOn, the
 * items form one chain (one head, each item depending on one other, none depended on twice); a batch
 * mixing chains and free items is refused with 400 (microsoft-graph-docs#16280 names the message).
 */
function checkSequentialOrParallel(items: BatchItem[]): void {
  const deps = items.map((i) => (i.dependsOn ?? []).map(key));
  if (deps.every((d) => d.length === 0)) return;
  const heads = deps.filter((d) => d.length === 0).length;
  const targets = deps.flat();
  const chain = heads === 1 && deps.every((d) => d.length <= 1) && new Set(targets).size === targets.length;
  if (!chain)
    throw new GraphHttpError(400, 'BadRequest', 'Batch should be either fully sequential or fully parallel.');
}

function lowerHeaders(h: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

async function runItem(item: BatchItem, outer: GraphCall, pipeline: GraphPipeline): Promise<GraphReply> {
  if (/^https?:/i.test(item.url) || /^\/?(v1\.0|beta)\//i.test(item.url)) {
    return {
      status: 400,
      headers: {},
      body: {
        error: { code: 'BadRequest', message: 'Batch request urls must be relative and without a version.' },
      },
    };
  }
  const url = new URL(item.url.startsWith('/') ? item.url : `/${item.url}`, 'https://batch.invalid');
  return pipeline.handle({
    method: item.method.toUpperCase(),
    version: outer.version,
    path: url.pathname,
    query: url.searchParams,
    // The batch's token applies to every item.
    headers: {
      ...lowerHeaders(item.headers),
      authorization: outer.headers.authorization,
      host: outer.headers.host,
    },
    body: item.body,
    origin: outer.origin,
    inBatch: true,
  });
}

/** Runs a JSON $batch: waves of items whose dependencies are done; a failed dependency answers 424. */
export async function runBatch(
  call: GraphCall,
  pipeline: GraphPipeline,
): Promise<{ responses: BatchResponse[] }> {
  const items = validate(call.body);
  const done = new Map<string, BatchResponse>();
  let pending = items;
  while (pending.length > 0) {
    const ready = pending.filter((i) => (i.dependsOn ?? []).every((d) => done.has(key(d))));
    if (ready.length === 0)
      throw new GraphHttpError(400, 'BadRequest', 'The batch has circular dependencies.');
    const answers = await Promise.all(
      ready.map(async (item): Promise<BatchResponse> => {
        const failed = (item.dependsOn ?? []).find((d) => done.get(key(d))!.status >= 400);
        if (failed !== undefined) {
          return {
            id: item.id,
            status: 424,
            headers: {},
            body: { error: { code: 'FailedDependency', message: `Dependency '${failed}' failed.` } },
          };
        }
        const reply = await runItem(item, call, pipeline);
        const headers: Record<string, string> = { 'Content-Type': 'application/json' };
        if (reply.headers['Retry-After']) headers['Retry-After'] = reply.headers['Retry-After'];
        return { id: item.id, status: reply.status, headers, body: reply.body };
      }),
    );
    for (const a of answers) done.set(key(a.id), a);
    pending = pending.filter((i) => !done.has(key(i.id)));
  }
  return { responses: [...done.values()] };
}
