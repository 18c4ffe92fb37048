import { GraphHttpError, type GraphRequest, type GraphResult } from '../routing';
import { predicateOf } from './filterEval';
import { parseFilter } from './filterParser';
import { usesAdvancedQuery } from './advancedQuery';
import { applyOrderBy, applySelect, compileSearch, readSelect } from './queryOptions';
import { decodeSkipToken, queryWithSkipToken } from './skipToken';

type Row = Record<string, unknown>;

/** How a module's collection answers OData queries. */
export interface CollectionOptions {
  /** The `@odata.context` fragment after `$metadata#`, e.g. `users`. */
  context: string;
  /** Directory objects need `ConsistencyLevel: eventual` for $count, $search, endswith, ne and not. */
  directoryObjects?: boolean;
  /** Page size when the caller sends no `$top` (Graph: 100 for users and groups). */
  defaultPageSize?: number;
  /** Largest `$top` accepted (users: 999). */
  maxPageSize?: number;
  /** Properties returned when there is no `$select` (Graph's default set for users); all when unset. */
  defaultSelect?: string[];
  /** Navigation properties for `$expand` (read with readExpand), merged after `$select` trims. */
  expand?: (item: Row) => Row;
  /**
   * Shapes each item of the page instead of `$select` / `expand` (a module that checks `$select` and
   * `$expand` against the type itself); filtering and ordering still see the whole item.
   */
  shape?: (item: Row) => Row;
}

const ADVANCED =
  "is not supported because the 'ConsistencyLevel:eventual' header is missing. Refer to https://aka.ms/graph-docs/advanced-queries for more information";

/** The origin + version a request came in on, for absolute links. */
export function baseUrlOf(req: GraphRequest): string {
  return req.baseUrl ?? `https://${req.headers.host ?? 'graph.microsoft.com'}/${req.version}`;
}

/** `@odata.context` for a collection or entity of this request. */
export function odataContext(req: GraphRequest, fragment: string): string {
  return `${baseUrlOf(req)}/$metadata#${fragment}`;
}

function nextLink(req: GraphRequest, offset: number): string {
  return `${baseUrlOf(req)}${req.path}?${queryWithSkipToken(req.query, offset)}`;
}

function pageSize(req: GraphRequest, opts: CollectionOptions): number {
  const max = opts.maxPageSize ?? 999;
  const raw = req.query.get('$top');
  if (raw === null) return Math.min(opts.defaultPageSize ?? 100, max);
  const top = Number(raw);
  if (!Number.isInteger(top) || top < 1 || top > max) {
    throw new GraphHttpError(
      400,
      'Request_BadRequest',
      `Invalid page size specified: '${raw}'. Must be between 1 and ${max} inclusive.`,
    );
  }
  return top;
}

/**
 * Answers a collection GET the way Graph does: `$filter`, `$search`, `$orderby`, `$count`, `$select`,
 * `$top` pages with an absolute `@odata.nextLink` whose opaque `$skiptoken` encodes the position.
 */
export function odataCollection(req: GraphRequest, items: Row[], opts: CollectionOptions): GraphResult {
  const eventual = (req.headers['consistencylevel'] ?? '').toLowerCase() === 'eventual';
  const filterText = req.query.get('$filter');
  const filter = filterText ? parseFilter(filterText) : undefined;
  const search = compileSearch(req.query.get('$search'));
  const count = req.query.get('$count') === 'true';
  if (opts.directoryObjects && !eventual) {
    if (count) throw new GraphHttpError(400, 'Request_BadRequest', '$count is not currently supported.');
    if (search) throw new GraphHttpError(400, 'Request_UnsupportedQuery', `$search ${ADVANCED}`);
    if (filter && usesAdvancedQuery(filter)) {
      throw new GraphHttpError(400, 'Request_UnsupportedQuery', `Unsupported query: this filter ${ADVANCED}`);
    }
  }
  let rows = filter ? items.filter(predicateOf(filter)) : items;
  if (search) rows = rows.filter(search);
  rows = applyOrderBy(rows, req.query.get('$orderby'));
  const top = pageSize(req, opts);
  const skip = decodeSkipToken(req.query.get('$skiptoken'));
  const asked = readSelect(req);
  const select = asked ?? opts.defaultSelect;
  const body: Row = {
    '@odata.context': odataContext(req, asked ? `${opts.context}(${asked.join(',')})` : opts.context),
  };
  if (count) body['@odata.count'] = rows.length;
  if (skip + top < rows.length) body['@odata.nextLink'] = nextLink(req, skip + top);
  const expand = opts.expand ?? (() => ({}));
  const shape = opts.shape ?? ((row: Row) => ({ ...applySelect(row, select), ...expand(row) }));
  body.value = rows.slice(skip, skip + top).map(shape);
  return { status: 200, body };
}

/** Answers a single-entity GET with `$select` and `@odata.context` (`…#users/$entity`). */
export function odataEntity(
  req: GraphRequest,
  item: Row,
  context: string,
  defaultSelect?: string[],
  expand: (item: Row) => Row = () => ({}),
): GraphResult {
  const select = readSelect(req) ?? defaultSelect;
  return {
    status: 200,
    body: {
      '@odata.context': odataContext(req, `${context}/$entity`),
      ...applySelect(item, select),
      ...expand(item),
    },
  };
}
