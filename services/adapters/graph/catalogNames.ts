import type { AccessPackageSummary } from '../../ports/entitlement';

/**
 * The catalog of each package, kept for a few minutes: catalogs are renamed rarely, and reading every
 * package on each user's `request access` costs a page per 100 packages. A package the map does not know
 * (created since) reads it again.
 */
export class CatalogNames {
  private cached?: { names: Promise<Map<string, AccessPackageSummary['catalog']>>; until: number };

  constructor(
    private readonly read: () => Promise<Map<string, AccessPackageSummary['catalog']>>,
    private readonly ttlMs = 5 * 60_000,
  ) {}

  async of(ids: string[]): Promise<Map<string, AccessPackageSummary['catalog']>> {
    const now = Date.now();
    if (this.cached && this.cached.until > now) {
      const names = await this.cached.names.catch(() => undefined);
      if (names && ids.every((id) => names.has(id))) return names;
    }
    const names = this.read();
    this.cached = { names, until: now + this.ttlMs };
    try {
      return await names;
    } catch (err) {
      this.cached = undefined;
      throw err;
    }
  }
}
