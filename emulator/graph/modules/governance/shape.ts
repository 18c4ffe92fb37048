import type { GraphRequest } from '../../routing';
import { readExpand } from '../../odata';

/**
 * Keeps only the navigation properties the caller expanded. Views carry them all so that `$filter` can
 * reach into them (`target/objectId`); this trims each item before it is sent.
 */
export function expandOnly(req: GraphRequest, navigation: string[]) {
  const expand = readExpand(req);
  const all = expand.includes('*');
  return <T extends Record<string, unknown>>(item: T): T => {
    const out: Record<string, unknown> = { ...item };
    for (const nav of navigation) if (!all && !expand.includes(nav)) delete out[nav];
    return out as T;
  };
}
