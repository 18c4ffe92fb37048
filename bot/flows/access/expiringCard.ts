import expiringTemplate from '../../../cards/templates/access-expiring.json';
import { renderTemplate, type AdaptiveCard } from '../../../cards/render';
import type { ExpiringCardData } from '../../../services/access/expiryWarningService';
import { formatWhen, type UserTime } from '../../../services/access/formatWhen';

/** The proactive warning before access expires, with Extend where the policy allows it. */
export function renderExpiringCard(d: ExpiringCardData, t: UserTime): AdaptiveCard {
  return renderTemplate(expiringTemplate, {
    heading: `Your access to ${d.package.displayName} ends soon`,
    detail:
      d.extendable === false
        ? `It ends ${formatWhen(d.endsAt, t)}. Its policy does not allow extending it: ask the package's owner, or request it again once it ends.`
        : `It ends ${formatWhen(d.endsAt, t)}. Extend it now to keep working without a break.`,
    assignmentId: d.assignmentId,
    extendable: d.extendable !== false,
  });
}
