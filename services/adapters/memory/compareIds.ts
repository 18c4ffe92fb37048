/** Plain code-unit order, as MongoDB sorts ASCII strings: the tie-breaker both adapters use. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
