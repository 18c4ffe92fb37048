import type { AccessWorkflow } from '../../../services/access/accessWorkflow';
import type { UserTime } from '../../../services/access/formatWhen';
import type { DelegatedIdentity } from '../../../services/ports/userTokens';
import type { AdaptiveCard } from '../../../cards/render';
import { renderCatalogCard } from './catalogCard';
import { renderWaitingApprovalsCard } from './approvalListCards';
import { renderMyAccessCard, renderMyRequestsCard } from './listCards';

/**
 * The flow's lists, as a command answers them and as a button brings them back (Back, Refresh, after a
 * cancel): one place, so a list reads the same however it was reached.
 */
export function accessLists(wf: AccessWorkflow) {
  return {
    catalog: async (who: DelegatedIdentity, t: UserTime, opts: { search?: string; page?: number } = {}) =>
      renderCatalogCard(await wf.catalog.browse(who, opts), t),
    myRequests: async (who: DelegatedIdentity, t: UserTime, notice = ''): Promise<AdaptiveCard> =>
      renderMyRequestsCard(await wf.requests.myRequests(who), t, notice),
    myAccess: async (who: DelegatedIdentity, t: UserTime) =>
      renderMyAccessCard(await wf.extensions.myAccess(who), t),
    approvals: async (who: DelegatedIdentity, t: UserTime) => {
      const { rows, graphLoaded } = await wf.inbox(who);
      const note = graphLoaded
        ? ''
        : 'Requests made outside Teams could not be loaded just now. Try again in a few minutes.';
      return renderWaitingApprovalsCard(rows, t, note);
    },
  };
}
