import type { FilterNode } from './filterParser';

/** Whether the expression uses an operator Graph counts as an "advanced query" on directory objects. */
export function usesAdvancedQuery(node: FilterNode): boolean {
  switch (node.t) {
    case 'logic':
      return usesAdvancedQuery(node.l) || usesAdvancedQuery(node.r);
    case 'not':
      return true;
    case 'cmp':
      return node.op === 'ne' || usesAdvancedQuery(node.l) || usesAdvancedQuery(node.r);
    case 'call':
      return node.fn === 'endswith' || node.args.some(usesAdvancedQuery);
    case 'lambda':
      return node.body ? usesAdvancedQuery(node.body) : false;
    default:
      return false;
  }
}
