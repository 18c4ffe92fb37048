import type { GraphRequest, GraphResult } from '../../routing';
import { odataCollection } from '../../odata';

/**
 * Answers a collection GET through the core's OData helper (`$filter`, `$orderby`, `$count`, `$select`,
 * `$top` and `$skiptoken` paging), then trims each item of the page with `finish` (navigation properties
 * the caller did not expand stay available to `$filter` until then).
 */
export function collectionResult<T extends Record<string, unknown>>(
  req: GraphRequest,
  items: T[],
  context: string,
  finish: (item: T) => unknown = (item) => item,
): GraphResult {
  const result = odataCollection(req, items, { context });
  const body = result.body as { value: unknown[] };
  body.value = body.value.map((item) => finish(item as T));
  return result;
}
