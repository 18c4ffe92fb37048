import type { EntitlementGateway } from '../ports/entitlement';
import type { DelegatedIdentity } from '../ports/userTokens';

/** One package in the catalog list. */
export interface CatalogEntry {
  id: string;
  displayName: string;
  description?: string;
  catalog: string;
  /** How many policies the user may request it under (the request card lets them choose). */
  policyCount: number;
}

/** A page of the packages the user may request, grouped by catalog. */
export interface CatalogPage {
  search?: string;
  groups: { catalog: string; packages: CatalogEntry[] }[];
  page: number;
  pageCount: number;
  total: number;
}

const OTHER = 'Other';

/**
 * What the user may request: packages some policy lets them request (Graph's
 * getApplicablePolicyRequirements, asked as the user), filtered by a search word on name and
 * description, sorted by catalog then name, and paged.
 */
export class AccessCatalogService {
  constructor(private readonly deps: { entitlement: EntitlementGateway; pageSize?: number }) {}

  /** Page `page` (from 1) of what `who` may request, optionally matching `search`. */
  async browse(who: DelegatedIdentity, opts: { search?: string; page?: number } = {}): Promise<CatalogPage> {
    const search = opts.search?.trim() || undefined;
    const needle = search?.toLowerCase();
    const all = await this.deps.entitlement.listAccessPackages(who);
    const candidates = all.filter(
      (p) =>
        !p.isHidden &&
        (!needle ||
          p.displayName.toLowerCase().includes(needle) ||
          (p.description ?? '').toLowerCase().includes(needle)),
    );
    const policies = candidates.length
      ? await this.deps.entitlement.applicablePolicies(
          who,
          candidates.map((p) => p.id),
        )
      : new Map();
    const entries: CatalogEntry[] = candidates
      .map((p) => ({
        id: p.id,
        displayName: p.displayName,
        description: p.description,
        catalog: p.catalog?.displayName ?? OTHER,
        policyCount: policies.get(p.id)?.length ?? 0,
      }))
      .filter((e) => e.policyCount > 0)
      .sort((a, b) => a.catalog.localeCompare(b.catalog) || a.displayName.localeCompare(b.displayName));
    const size = this.deps.pageSize ?? 8;
    const pageCount = Math.max(1, Math.ceil(entries.length / size));
    const page = Math.min(Math.max(1, Math.floor(opts.page ?? 1)), pageCount);
    const slice = entries.slice((page - 1) * size, page * size);
    const groups: CatalogPage['groups'] = [];
    for (const e of slice) {
      const last = groups.at(-1);
      if (last?.catalog === e.catalog) last.packages.push(e);
      else groups.push({ catalog: e.catalog, packages: [e] });
    }
    return { search, groups, page, pageCount, total: entries.length };
  }
}
