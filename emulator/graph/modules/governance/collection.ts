import type { GraphRequest, GraphResult } from '../../routing';
import { odataCollection } from '../../odata';
import type { Shaper } from './shape';

/**
 * Answers a collection GET through the core's OData helper (`$filter`, `$orderby`, `$count`, `$top` and
 * `$skiptoken` paging); each item of the page is then shaped as its type (`$select`, `$expand`, and
 * nothing the type lacks). Filtering sees the whole view, so `target/objectId` still works.
 */
export function collectionResult<T extends Record<string, unknown>>(
  req: GraphRequest,
  items: T[],
  context: string,
  shaper?: Shaper,
): GraphResult {
  return odataCollection(req, items, { context, shape: shaper?.apply });
}

/** Answers a single-entity GET, shaped as its type. */
export function entityResult(item: Record<string, unknown>, shaper: Shaper, status = 200): GraphResult {
  return { status, body: shaper.apply(item) };
}
