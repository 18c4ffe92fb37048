import type { AdaptiveCard } from '../../../cards/render';
import { formatWhen, type UserTime } from '../../../services/access/formatWhen';
import type { ApprovalRequestCardData } from '../../../services/approvals/approvalCards';
import { list, row } from './listTemplate';

/** "approvals": the requests waiting for the user's decision; Open shows the full approval card. */
export function renderWaitingApprovalsCard(
  rows: ApprovalRequestCardData[],
  t: UserTime,
  note = '',
): AdaptiveCard {
  return list({
    heading: 'Waiting for your decision',
    emptyText: 'Nothing is waiting for your decision.',
    note,
    rows: rows.slice(0, 20).map((d) =>
      row({
        title: `${d.requester.displayName} asks for ${d.title}`,
        line: `Stage ${d.stage.number} of ${d.stage.count}${d.askedAt ? ` · asked ${formatWhen(d.askedAt, t)}` : ''}`,
        tone: 'accent',
        detail: d.stage.decideBy ? `Decide by ${formatWhen(d.stage.decideBy, t)}` : '',
        execute: [{ title: 'Open', verb: 'approval.refresh', data: { itemId: d.itemId, back: true } }],
      }),
    ),
    refresh: { title: 'Refresh', verb: 'approval.list', data: {} },
  });
}
