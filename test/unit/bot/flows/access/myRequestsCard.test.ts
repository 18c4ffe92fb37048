import { strict as assert } from 'node:assert';
import { renderMyRequestsCard } from '../../../../../bot/flows/access/listCards';
import { assertFitsTeams } from '../../../../../cards/limits';
import {
  MY_REQUESTS_SHOWN,
  type ElsewhereRequestView,
  type MyRequestRow,
} from '../../../../../services/access/myRequests';
import type { RequestStatusView } from '../../../../../services/access/requestStatus';

const t = { now: new Date('2026-03-02T10:00:00Z') };
// Entra allows 256 characters in a package's name.
const longName = 'Quarterly regional finance and procurement reporting workspace '.repeat(4).slice(0, 256);

const teams = (i: number): RequestStatusView & { source: 'teams' } => ({
  source: 'teams',
  itemId: `ar-${'x'.repeat(60)}-${i}`,
  requestType: 'extend',
  package: { id: `p-${i}`, displayName: longName },
  policy: 'Employees, manager then sponsor',
  state: 'pendingApproval',
  createdAt: '2026-03-01T10:00:00.000Z',
  stage: {
    number: 2,
    count: 3,
    approvers: ['Megan Bowen', 'Lee Gu', 'Patti Fernandez', 'Henrietta Mueller', 'Alex Wilber'],
    decideBy: '2026-03-04T10:00:00.000Z',
    escalated: true,
  },
  canCancel: true,
});

const elsewhere = (state: string, status?: string): ElsewhereRequestView => ({
  source: 'elsewhere',
  requestId: 'a6b1c9a0-0000-4000-8000-000000000001',
  requestType: 'userAdd',
  package: { id: 'falcon', displayName: 'Project Falcon' },
  state: state as ElsewhereRequestView['state'],
  status,
  createdAt: '2026-03-01T04:00:00.000Z',
  cancelable: state === 'pendingApproval',
});

const text = (card: object) => JSON.stringify(card);
/** The itemId of every Cancel button on the card. */
const cancels = (card: object) =>
  [
    ...text(card).matchAll(/"verb":"access\.cancel",(?:"style":"destructive",)?"data":\{"itemId":"([^"]+)"/g),
  ].map((m) => m[1]);

describe('the "my requests" card', () => {
  it(`${MY_REQUESTS_SHOWN} of the longest rows, with both notes, fit in a Teams message`, () => {
    const rows: MyRequestRow[] = Array.from({ length: MY_REQUESTS_SHOWN }, (_, i) =>
      i % 2
        ? teams(i)
        : { ...elsewhere('pendingApproval', 'PendingApprovalEscalated'), package: teams(i).package },
    );
    const card = renderMyRequestsCard({ rows, truncated: true, elsewhereLoaded: false }, t);
    assertFitsTeams(card, 'my requests');
    assert.match(text(card), /could not be loaded just now/);
    assert.match(text(card), new RegExp(`Showing your ${MY_REQUESTS_SHOWN} newest requests`));
  });

  it('a request made elsewhere says so, shows Graph’s state and status in plain words, and has no Cancel button', () => {
    const card = renderMyRequestsCard(
      {
        rows: [teams(1), elsewhere('pendingApproval', 'PendingApprovalEscalated'), elsewhere('delivered')],
        truncated: false,
        elsewhereLoaded: true,
      },
      t,
    );
    const shown = text(card);
    assert.equal((shown.match(/Requested outside Teams, in My Access/g) ?? []).length, 2);
    assert.match(shown, /Waiting for approval · requested Sun 1 Mar, 04:00 UTC/);
    assert.match(shown, /It was escalated to other approvers\./);
    assert.doesNotMatch(shown, /PendingApproval|Delivered|Status in Microsoft Entra/, 'no Graph words');
    assert.equal((shown.match(/To cancel it, open My Access/g) ?? []).length, 1, 'only the pending one');
    const openMyAccess =
      /"type":"Action.OpenUrl","title":"Open My Access","url":"https:\/\/myaccess.microsoft.com"/g;
    assert.equal((shown.match(openMyAccess) ?? []).length, 1, 'a button, not a markdown link');
    assert.deepEqual(cancels(card), [teams(1).itemId]);
    assert.doesNotMatch(shown, /could not be loaded|Showing your/);
  });

  it('an empty list invites the user to request access, and says what it could not check', () => {
    const card = renderMyRequestsCard({ rows: [], truncated: false, elsewhereLoaded: true }, t);
    assert.match(text(card), /You have no requests yet/);
    const down = text(renderMyRequestsCard({ rows: [], truncated: false, elsewhereLoaded: false }, t));
    assert.match(down, /You have no requests made in Teams yet.*could not be loaded/);
  });
});
