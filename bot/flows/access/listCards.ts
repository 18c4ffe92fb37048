import type { AdaptiveCard } from '../../../cards/render';
import type { MyAccessEntry } from '../../../services/access/accessExtensionService';
import { formatWhen, type UserTime } from '../../../services/access/formatWhen';
import type { ElsewhereRequestView, MyRequests } from '../../../services/access/myRequests';
import type { RequestStatusView } from '../../../services/access/requestStatus';
import { STATES, statusLine } from './statusCard';
import { list, row, type Row } from './listTemplate';
import type { Tone } from './tones';

/** Graph's states, for requests made outside the bot, in the words the bot's own use. */
const GRAPH_LABEL: Record<string, [string, Tone]> = {
  ...Object.fromEntries(Object.entries(STATES).map(([k, v]) => [k, [v.short, v.tone]])),
  scheduled: ['Approved, starts later', 'good'],
  deliveryFailed: ['Approved, but could not be set up', 'attention'],
  partiallyDelivered: ['Partly set up', 'warning'],
};

/** What a Graph request type adds to the package name. */
const KIND: Record<string, string> = {
  userextend: ' (extension)',
  userupdate: ' (change)',
  userremove: ' (removal)',
  onbehalfadd: ' (requested for you)',
};

const MY_ACCESS = 'https://myaccess.microsoft.com';

/** What Graph's status text adds to its state, in plain words; other status texts add nothing. */
const STATUS_WORDS: Record<string, string> = {
  pendingapprovalescalated: 'It was escalated to other approvers.',
  pendingapprovalnotification: 'Approvers are being notified.',
  expired: 'Nobody decided in time.',
};

/** "my requests": status, the stage waiting, and Cancel (confirmed first) where possible. */
export function renderMyRequestsCard(list_: MyRequests, t: UserTime, notice = ''): AdaptiveCard {
  const notes = [
    list_.elsewhereLoaded
      ? ''
      : 'Requests you made outside Teams (in My Access) could not be loaded just now. Try again in a few minutes.',
    list_.truncated ? `Showing your ${list_.rows.length} newest requests.` : '',
  ];
  return list({
    heading: 'Your requests',
    notice,
    emptyText: `You have no requests${list_.elsewhereLoaded ? '' : ' made in Teams'} yet. Type "request access" to find a package.`,
    note: notes.filter(Boolean).join(' '),
    rows: list_.rows.map((v) => (v.source === 'teams' ? teamsRow(v, t) : elsewhereRow(v, t))),
    refresh: { title: 'Refresh', verb: 'access.myRequests', data: {} },
  });
}

function teamsRow(v: RequestStatusView, t: UserTime): Row {
  return row({
    title: `${v.package.displayName}${v.requestType === 'extend' ? ' (extension)' : ''}`,
    line: `${STATES[v.state].short} · requested ${formatWhen(v.createdAt, t)}`,
    tone: STATES[v.state].tone,
    detail: statusLine(v, t),
    // Confirmed in the list itself (a ShowCard): the answer is this list again, with the row updated.
    confirm: v.canCancel
      ? [
          {
            title: 'Cancel',
            question: 'Cancel this request? The approvers are told, and you would have to request again.',
            yesTitle: 'Yes, cancel it',
            verb: 'access.cancel',
            data: { itemId: v.itemId, confirmed: true, from: 'myRequests' },
          },
        ]
      : [],
  });
}

// Read-only: a Cancel here would change Graph with no stored decision behind it; My Access cancels it.
function elsewhereRow(v: ElsewhereRequestView, t: UserTime): Row {
  const [label, tone] = GRAPH_LABEL[v.state] ?? ['In progress', 'default'];
  return row({
    title: `${v.package.displayName}${KIND[v.requestType.toLowerCase()] ?? ''}`,
    line: v.createdAt ? `${label} · requested ${formatWhen(v.createdAt, t)}` : label,
    tone,
    detail: [
      'Requested outside Teams, in My Access.',
      STATUS_WORDS[(v.status ?? '').toLowerCase()] ?? '',
      v.cancelable ? 'To cancel it, open My Access.' : '',
    ]
      .filter(Boolean)
      .join(' '),
    // A button rather than a markdown link: row texts are shown as plain text.
    links: v.cancelable ? [{ title: 'Open My Access', url: MY_ACCESS }] : [],
  });
}

/** "my access": what the user has, when it ends, and Extend (which opens the policy's form). */
export function renderMyAccessCard(rows: MyAccessEntry[], t: UserTime): AdaptiveCard {
  return list({
    heading: 'Your access',
    emptyText: 'You have no access packages yet. Type "request access" to find one.',
    rows: rows.slice(0, 20).map((a) =>
      row({
        title: a.package.displayName,
        line: a.endsAt
          ? `Ends ${formatWhen(a.endsAt, t)}${a.extendable ? '' : '. Its policy does not allow extending it.'}`
          : 'Does not expire',
        execute:
          a.endsAt && a.extendable
            ? [{ title: 'Extend', verb: 'access.extendForm', data: { assignmentId: a.assignmentId } }]
            : [],
      }),
    ),
    refresh: { title: 'Refresh', verb: 'access.myAccess', data: {} },
  });
}
