import template from '../../../cards/templates/access-catalog.json';
import { renderTemplate, type AdaptiveCard } from '../../../cards/render';
import type { CatalogPage } from '../../../services/access/accessCatalogService';

/** The catalog: what the user may request, grouped by catalog, with search and paging. */
export function renderCatalogCard(p: CatalogPage): AdaptiveCard {
  const rows = p.groups.flatMap((g) =>
    g.packages.map((pkg, i) => ({
      header: i === 0 ? g.catalog : '',
      id: pkg.id,
      name: pkg.displayName,
      description: pkg.description ?? '',
    })),
  );
  const heading = p.search ? `Access packages matching "${p.search}"` : 'Access packages you can request';
  const emptyText =
    p.total === 0
      ? p.search
        ? 'Nothing you can request matches that. Try another word.'
        : 'There is nothing you can request right now.'
      : '';
  return renderTemplate(template, {
    heading,
    emptyText,
    rows,
    pageText: p.pageCount > 1 ? `Page ${p.page} of ${p.pageCount} (${p.total} packages)` : '',
    search: p.search ?? '',
    hasPrevious: p.page > 1,
    hasNext: p.page < p.pageCount,
    previousPage: p.page - 1,
    nextPage: p.page + 1,
  });
}
