import type { ExpiringCardData } from '../../../services/access/expiryWarningService';
import { AccessNotification } from '../../../services/access/model';
import type { RequestStatusView } from '../../../services/access/requestStatus';
import type {
  ApprovalOutcomeCardData,
  ApprovalRequestCardData,
  StagePassedCardData,
} from '../../../services/approvals/approvalCards';
import { ApprovalNotification } from '../../../services/approvals/keys';
import type { Clock } from '../../../services/clock';
import type { UserTime } from '../../../services/access/formatWhen';
import type { CardReader, NotificationRenderers } from '../../notificationRenderers';
import { renderApprovalCard, renderApprovalOutcomeCard, renderStagePassedCard } from './approvalCard';
import { renderExpiringCard } from './expiringCard';
import { renderStatusCard } from './statusCard';

/**
 * Cards for the flow's proactive notifications. Services built the data from the stored item; times
 * read in the recipient's zone, as their last activity in the bot's chat told us.
 */
export function accessRenderers(clock: Clock): NotificationRenderers {
  const t = (reader: CardReader): UserTime => ({ ...reader, now: clock.now() });
  return {
    [ApprovalNotification.request]: (d, r) =>
      renderApprovalCard(d as unknown as ApprovalRequestCardData, t(r)),
    [ApprovalNotification.reminder]: (d, r) =>
      renderApprovalCard(d as unknown as ApprovalRequestCardData, t(r)),
    [ApprovalNotification.outcome]: (d, r) =>
      renderApprovalOutcomeCard(d as unknown as ApprovalOutcomeCardData, t(r)),
    [ApprovalNotification.stagePassed]: (d, r) =>
      renderStagePassedCard(d as unknown as StagePassedCardData, t(r)),
    [AccessNotification.requestStatus]: (d, r) => renderStatusCard(d as unknown as RequestStatusView, t(r)),
    [AccessNotification.expiring]: (d, r) => renderExpiringCard(d as unknown as ExpiringCardData, t(r)),
  };
}
