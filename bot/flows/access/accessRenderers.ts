import type { ExpiringCardData } from '../../../services/access/expiryWarningService';
import { AccessNotification } from '../../../services/access/model';
import type { RequestStatusView } from '../../../services/access/requestStatus';
import type {
  ApprovalOutcomeCardData,
  ApprovalRequestCardData,
} from '../../../services/approvals/approvalCards';
import { ApprovalNotification } from '../../../services/approvals/keys';
import type { Clock } from '../../../services/clock';
import type { NotificationRenderers } from '../../notificationRenderers';
import { renderApprovalCard, renderApprovalOutcomeCard } from './approvalCard';
import { renderExpiringCard } from './listCards';
import { renderStatusCard } from './statusCard';

/**
 * Cards for the flow's proactive notifications. Services built the data from the stored item; the
 * user's time zone is not known outside a turn, so times read in UTC until the card refreshes.
 */
export function accessRenderers(clock: Clock): NotificationRenderers {
  const t = () => ({ now: clock.now() });
  return {
    [ApprovalNotification.request]: (d) => renderApprovalCard(d as unknown as ApprovalRequestCardData, t()),
    [ApprovalNotification.reminder]: (d) => renderApprovalCard(d as unknown as ApprovalRequestCardData, t()),
    [ApprovalNotification.outcome]: (d) =>
      renderApprovalOutcomeCard(d as unknown as ApprovalOutcomeCardData, t()),
    [AccessNotification.requestStatus]: (d) => renderStatusCard(d as unknown as RequestStatusView, t()),
    [AccessNotification.expiring]: (d) => renderExpiringCard(d as unknown as ExpiringCardData, t()),
  };
}
