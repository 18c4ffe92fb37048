import type { Clock } from '../../../services/clock';
import type { ActivationStatusView } from '../../../services/pim/activationStatus';
import { PimNotification } from '../../../services/pim/model';
import type { CardReader, NotificationRenderers } from '../../notificationRenderers';
import { renderActivationStatusCard } from './activationStatusCard';

/** Cards of PIM's proactive notifications, in the reader's time zone. */
export function pimRenderers(clock: Clock): NotificationRenderers {
  const t = (r: CardReader) => ({ ...r, now: clock.now() });
  const view = (d: Record<string, unknown>) => d as unknown as ActivationStatusView;
  return {
    [PimNotification.status]: (d, r) => renderActivationStatusCard(view(d), t(r)),
    [PimNotification.ending]: (d, r) => renderActivationStatusCard(view(d), t(r), 'ending'),
    [PimNotification.activated]: (d, r) =>
      renderActivationStatusCard(view(d), t(r), 'watcher', String(d.requester ?? '')),
  };
}
