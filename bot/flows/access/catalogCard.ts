import template from '../../../cards/templates/access-catalog.json';
import { renderTemplate, type AdaptiveCard } from '../../../cards/render';
import type { CatalogEntry, CatalogPage } from '../../../services/access/accessCatalogService';
import { formatWhen, type UserTime } from '../../../services/access/formatWhen';

/** Request for what the user does not have; Extend (or nothing) for what they have. */
function buttons(pkg: CatalogEntry, p: CatalogPage) {
  if (!pkg.held)
    return [
      {
        title: 'Request',
        verb: 'access.open',
        // Where the list was, so the form's Back returns to the same page and search.
        data: { packageId: pkg.id, page: p.page, search: p.search ?? '' },
      },
    ];
  return pkg.held.endsAt && pkg.held.extendable
    ? [{ title: 'Extend', verb: 'access.extendForm', data: { assignmentId: pkg.held.assignmentId } }]
    : [];
}

/** The catalog: what the user may request, grouped by catalog, with search and paging. */
export function renderCatalogCard(p: CatalogPage, t: UserTime): AdaptiveCard {
  const rows = p.groups.flatMap((g) =>
    g.packages.map((pkg, i) => ({
      header: i === 0 ? g.catalog : '',
      name: pkg.displayName,
      description: pkg.description ?? '',
      held: Boolean(pkg.held),
      heldText: pkg.held
        ? `You have this${pkg.held.endsAt ? ` (ends ${formatWhen(pkg.held.endsAt, t)})` : ''}`
        : '',
      buttons: buttons(pkg, p),
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
