import type { GraphRequest, GraphResult } from '../../routing';
import { odataCollection } from '../../odata';
import { odataContext, readSelect } from '../../odata';
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

/**
 * Answers a function's collection (`…/filterByCurrentUser(on='principal')`) as the PIM docs' examples
 * do: context `$metadata#Collection(unifiedRoleEligibilityScheduleInstance)` and each item typed with
 * `@odata.type` (unifiedroleeligibilityscheduleinstance-filterbycurrentuser.md,
 * unifiedroleassignmentschedulerequest-filterbycurrentuser.md).
 */
export function functionCollection<T extends Record<string, unknown>>(
  req: GraphRequest,
  items: T[],
  type: string,
  shaper?: Shaper,
): GraphResult {
  const typed = items.map((i) => ({ '@odata.type': `#${type}`, ...i }));
  return collectionResult(req, typed, `Collection(${type.replace(/^microsoft\.graph\./, '')})`, shaper);
}

/**
 * Answers a single entity, shaped as its type. With `at`, the body starts with Graph's
 * `@odata.context` (`…/$metadata#{context}/$entity`, `$select`ed properties in parentheses), as the
 * get and create docs' response examples do.
 */
export function entityResult(
  item: Record<string, unknown>,
  shaper: Shaper,
  status = 200,
  at?: { req: GraphRequest; context: string },
): GraphResult {
  if (!at) return { status, body: shaper.apply(item) };
  const select = readSelect(at.req);
  const fragment = select ? `${at.context}(${select.join(',')})/$entity` : `${at.context}/$entity`;
  return { status, body: { '@odata.context': odataContext(at.req, fragment), ...shaper.apply(item) } };
}
