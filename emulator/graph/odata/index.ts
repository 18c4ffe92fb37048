export { odataCollection, odataEntity, odataContext, baseUrlOf, type CollectionOptions } from './collection';
export { compileFilter, predicateOf, type FilterPredicate } from './filterEval';
export { parseFilter, type FilterNode } from './filterParser';
export { usesAdvancedQuery } from './advancedQuery';
export { readExpand, readSelect, applySelect, applyOrderBy, compileSearch } from './queryOptions';
export { encodeSkipToken, decodeSkipToken, queryWithSkipToken } from './skipToken';
