import type { AccessPackageSummary, EntitlementGateway } from '../ports/entitlement';
import type { DelegatedIdentity } from '../ports/userTokens';
import { extendableAssignments } from './extendable';

/** One package in the catalog list. */
export interface CatalogEntry {
  id: string;
  displayName: string;
  description?: string;
  catalog: string;
  /** The user has this package already: their assignment, to extend rather than request again. */
  held?: { assignmentId: string; endsAt?: string; extendable: boolean };
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
 * What the user may request: Graph's `accessPackages/filterByCurrentUser(on='allowedRequestor')`, asked
 * as the user (an ordinary user may not list every package), filtered by a search word on name and
 * description, sorted by catalog then name, and paged. Hidden packages are for those who know them:
 * shown only to a search for their exact name (a link to one opens its request card as well).
 */
export class AccessCatalogService {
  constructor(private readonly deps: { entitlement: EntitlementGateway; pageSize?: number }) {}

  /** Page `page` (from 1) of what `who` may request, optionally matching `search`. */
  async browse(who: DelegatedIdentity, opts: { search?: string; page?: number } = {}): Promise<CatalogPage> {
    const search = opts.search?.trim() || undefined;
    const needle = search?.toLowerCase();
    const visible = (p: AccessPackageSummary) =>
      p.isHidden
        ? needle === p.displayName.trim().toLowerCase()
        : !needle ||
          p.displayName.toLowerCase().includes(needle) ||
          (p.description ?? '').toLowerCase().includes(needle);
    const [requestable, assignments] = await Promise.all([
      this.deps.entitlement.requestablePackages(who),
      this.deps.entitlement.myAssignments(who),
    ]);
    // Graph lists what a policy lets the user request, held or not: a package they have is marked,
    // so they extend it rather than fill in a form that Graph refuses (alreadyAssigned).
    const delivered = assignments.filter((a) => a.state === 'delivered' && a.accessPackage?.id);
    const extendable = await extendableAssignments(
      this.deps.entitlement,
      delivered.map((a) => ({ id: a.id, packageId: a.accessPackage!.id, policyId: a.policyId })),
    );
    const held = new Map(
      delivered.map((a) => [
        a.accessPackage!.id,
        { assignmentId: a.id, endsAt: a.endDateTime, extendable: extendable.has(a.id) },
      ]),
    );
    const entries: CatalogEntry[] = requestable
      .filter(visible)
      .map((p) => ({
        id: p.id,
        displayName: p.displayName,
        description: p.description,
        catalog: p.catalog?.displayName ?? OTHER,
        ...(held.has(p.id) ? { held: held.get(p.id) } : {}),
      }))
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
