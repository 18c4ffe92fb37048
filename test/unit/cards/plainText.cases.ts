import {
  renderApprovalCard,
  renderApprovalOutcomeCard,
  renderStagePassedCard,
} from '../../../bot/flows/access/approvalCard';
import { renderCatalogCard } from '../../../bot/flows/access/catalogCard';
import { renderWaitingApprovalsCard } from '../../../bot/flows/access/approvalListCards';
import { renderExpiringCard } from '../../../bot/flows/access/expiringCard';
import { renderMyAccessCard, renderMyRequestsCard } from '../../../bot/flows/access/listCards';
import { renderPolicyChoiceCard, renderRequestFormCard } from '../../../bot/flows/access/requestFormCard';
import { renderStatusCard } from '../../../bot/flows/access/statusCard';
import { renderDigestCard } from '../../../bot/flows/digest/digestCard';
import { coreRenderers } from '../../../bot/notificationRenderers';
import { renderErrorCard } from '../../../cards/error';
import { renderHelpCard } from '../../../cards/help';
import type { AdaptiveCard } from '../../../cards/render';
import { renderWelcomeCard } from '../../../cards/welcome';
import type { PolicyOption, RequestForm } from '../../../services/access/requestForm';
import type { RequestStatusView } from '../../../services/access/requestStatus';
import type { ApprovalRequestCardData } from '../../../services/approvals/approvalCards';
import type { Decision } from '../../../services/approvals/model';
import { renderActivationFormCard } from '../../../bot/flows/pim/activationFormCard';
import { renderActivationStatusCard } from '../../../bot/flows/pim/activationStatusCard';
import { renderRolesCard } from '../../../bot/flows/pim/rolesCard';
import type { ActivationStatusView } from '../../../services/pim/activationStatus';
import type { ActivationForm } from '../../../services/pim/pimRoles';
import { reviewCardCases } from './reviewCards.cases';

/**
 * Text a user could type (a justification, a reason, an answer) or an admin could put in Entra (a
 * package, policy or person's name): markdown (a link beside the real buttons, bold, a list), a
 * template expression, a Teams mention and a client-side date function.
 */
export const HOSTILE =
  '${$root.itemId} ${heading} [Approve here](http://evil.example) **URGENT** _now_ <at>x</at>\r- item {{DATE(2017-02-14T06:08:39Z, SHORT)}}';

const t = { now: new Date('2026-03-02T10:00:00Z'), timeZone: 'Europe/Berlin' };
const person = { id: 'u-1', displayName: HOSTILE };
const decision = (result: Decision['result']): Decision => ({
  result,
  by: person,
  at: '2026-03-02T09:00:00Z',
  reason: HOSTILE,
});

const approval: ApprovalRequestCardData = {
  itemId: 'ar-1',
  itemKind: 'accessRequest',
  title: HOSTILE,
  requester: { ...person, jobTitle: HOSTILE, department: HOSTILE, manager: person },
  justification: HOSTILE,
  answers: [{ question: HOSTILE, answer: HOSTILE }],
  facts: [{ label: HOSTILE, value: HOSTILE }],
  stage: {
    index: 0,
    number: 1,
    count: 2,
    reasonRequired: true,
    escalated: false,
    decideBy: '2026-03-04T10:00:00Z',
  },
  status: 'pending',
  canDecide: true,
  reminder: false,
  stages: [],
  refreshUserIds: ['u-2'],
};

const status = (over: Partial<RequestStatusView> = {}): RequestStatusView => ({
  itemId: 'ar-1',
  requestType: 'add',
  package: { id: 'p-1', displayName: HOSTILE },
  policy: HOSTILE,
  state: 'pendingApproval',
  createdAt: '2026-03-01T10:00:00Z',
  justification: HOSTILE,
  stage: { number: 1, count: 1, approvers: [HOSTILE], decideBy: '2026-03-04T10:00:00Z', escalated: false },
  canCancel: true,
  ...over,
});

const policy: PolicyOption = {
  id: 'pol-1',
  displayName: HOSTILE,
  description: HOSTILE,
  justificationRequired: true,
  questions: [
    { id: 'q1', text: HOSTILE, required: true },
    { id: 'q2', text: HOSTILE, required: false, choices: [{ value: 'a', text: HOSTILE }] },
  ],
  customSchedule: true,
  accessLasts: { type: 'afterDuration', duration: 'P30D' },
  approval: {
    required: true,
    stages: [
      {
        number: 1,
        approvers: [HOSTILE],
        decideWithin: 'P2D',
        escalation: { after: 'P1D', approvers: [HOSTILE] },
      },
    ],
  },
  stages: [],
};

const form: RequestForm = {
  package: { id: 'p-1', displayName: HOSTILE, description: HOSTILE, catalog: HOSTILE },
  resources: [{ displayName: HOSTILE, role: HOSTILE }],
  policies: [policy, { ...policy, id: 'pol-2' }],
};

/** Every card that can show text from a user or from Entra, rendered with that text hostile. */
const pimForm: ActivationForm = {
  roleId: 'r-1',
  roleName: HOSTILE,
  directoryScopeId: '/',
  approvers: [person],
  policy: {
    policyId: 'p-1',
    roleDefinitionId: 'r-1',
    maximumDuration: 'PT8H',
    requireJustification: true,
    requireTicket: true,
    requireMfa: true,
    requireApproval: true,
    approvers: [],
    notifyRecipients: [],
  },
};

const pimStatus = (status: ActivationStatusView['status']): ActivationStatusView => ({
  itemId: 'pim-1',
  roleId: 'r-1',
  roleName: HOSTILE,
  requestType: 'activate',
  status,
  duration: 'PT2H',
  justification: HOSTILE,
  ticket: HOSTILE,
  approvers: [HOSTILE],
  activeUntil: '2026-03-02T12:00:00Z',
  decision: { by: HOSTILE, reason: HOSTILE, at: '2026-03-02T09:00:00Z' },
  failure: { code: 'other', message: HOSTILE },
});

export const PLAIN_TEXT_CASES: [name: string, render: () => AdaptiveCard][] = [
  ['approval request (pending)', () => renderApprovalCard(approval, t, HOSTILE)],
  [
    'approval request (stage 2: what it grants, for how long, stage 1 decision and reason, Back)',
    () =>
      renderApprovalCard(
        {
          ...approval,
          grants: [{ name: HOSTILE, role: HOSTILE }],
          lasts: { duration: 'P30D' },
          askedAt: '2026-03-01T10:00:00Z',
          viewerId: 'u-2',
          stage: { ...approval.stage, index: 1, number: 2 },
          stages: [
            { number: 1, state: 'Approved', approvers: [HOSTILE], decision: decision('approved') },
            { number: 2, state: 'InProgress', approvers: [HOSTILE] },
          ],
        },
        t,
        '',
        true,
      ),
  ],
  [
    'extension form',
    () =>
      renderRequestFormCard(form, policy, 'k-1', t, undefined, {
        heading: `Extend ${HOSTILE}`,
        submit: { title: 'Request extension', verb: 'access.extend', data: { assignmentId: 'a-1' } },
        back: { title: 'Back to my access', verb: 'access.myAccess', data: {} },
      }),
  ],
  [
    'approval request (decided)',
    () =>
      renderApprovalCard({ ...approval, status: 'denied', canDecide: false, outcome: decision('denied') }, t),
  ],
  [
    'stage passed (requester)',
    () =>
      renderStagePassedCard(
        {
          itemId: 'ar-1',
          title: HOSTILE,
          number: 1,
          count: 2,
          decision: decision('approved'),
          next: { number: 2, approvers: [HOSTILE], decideBy: '2026-03-04T10:00:00Z' },
        },
        t,
      ),
  ],
  [
    'approval outcome',
    () =>
      renderApprovalOutcomeCard(
        { itemId: 'ar-1', itemKind: 'accessRequest', title: HOSTILE, outcome: decision('approved') },
        t,
      ),
  ],
  ['request status (waiting)', () => renderStatusCard(status(), t)],
  [
    'request status (denied)',
    () => renderStatusCard(status({ state: 'denied', stage: undefined, outcome: decision('denied') }), t),
  ],
  [
    'catalog',
    () =>
      renderCatalogCard(
        {
          search: HOSTILE,
          groups: [
            {
              catalog: HOSTILE,
              packages: [
                { id: 'p-1', displayName: HOSTILE, description: HOSTILE, catalog: HOSTILE },
                {
                  id: 'p-2',
                  displayName: HOSTILE,
                  catalog: HOSTILE,
                  held: { assignmentId: 'a-1', endsAt: '2026-04-01T00:00:00Z', extendable: true },
                },
              ],
            },
          ],
          page: 1,
          pageCount: 1,
          total: 1,
        },
        t,
      ),
  ],
  [
    'request form (after a refused submit)',
    () =>
      renderRequestFormCard(form, policy, 'k-1', t, {
        problems: [HOSTILE],
        justification: HOSTILE,
        answers: { q1: HOSTILE },
      }),
  ],
  ['policy choice', () => renderPolicyChoiceCard(form, t)],
  [
    'my requests',
    () =>
      renderMyRequestsCard(
        {
          rows: [
            {
              ...status({ state: 'denied', stage: undefined, outcome: decision('denied') }),
              source: 'teams',
            },
            {
              source: 'elsewhere',
              requestId: 'r-2',
              requestType: 'userAdd',
              package: { id: 'p-2', displayName: HOSTILE },
              state: 'pendingApproval',
              status: HOSTILE,
              createdAt: '2026-03-01T10:00:00Z',
              cancelable: true,
            },
          ],
          truncated: false,
          elsewhereLoaded: true,
        },
        t,
      ),
  ],
  [
    'my access',
    () =>
      renderMyAccessCard(
        [
          {
            assignmentId: 'as-1',
            package: { id: 'p-1', displayName: HOSTILE },
            state: 'Delivered',
            endsAt: '2026-04-01T00:00:00Z',
            extendable: true,
          },
        ],
        t,
      ),
  ],
  [
    'access expiring',
    () =>
      renderExpiringCard(
        {
          assignmentId: 'as-1',
          package: { id: 'p-1', displayName: HOSTILE },
          endsAt: '2026-03-05T00:00:00Z',
          thresholdDays: 7,
        },
        t,
      ),
  ],
  ['approvals waiting', () => renderWaitingApprovalsCard([approval], t)],
  [
    'notice (proactive)',
    () =>
      coreRenderers().notice!(
        { title: HOSTILE, text: HOSTILE, facts: [{ title: HOSTILE, value: HOSTILE }] },
        {},
      ),
  ],
  [
    'error',
    () => renderErrorCard({ title: HOSTILE, message: HOSTILE, code: 'badInput', reference: HOSTILE }),
  ],
  [
    'help (echoing what the user typed)',
    () =>
      renderHelpCard({
        commands: [{ keyword: 'help', description: 'Show this list' }],
        unknownText: HOSTILE,
      }),
  ],
  ['welcome', () => renderWelcomeCard({ userName: HOSTILE, tenantName: HOSTILE })],
  [
    'PIM roles',
    () =>
      renderRolesCard(
        {
          eligible: [{ roleId: 'r-1', roleName: HOSTILE, directoryScopeId: '/' }],
          active: [{ roleId: 'r-2', roleName: HOSTILE, directoryScopeId: '/', activated: true }],
          waiting: [{ itemId: 'pim-1', roleName: HOSTILE, state: 'pendingApproval' }],
        },
        t,
        HOSTILE,
      ),
  ],
  [
    'PIM activation form (typed values shown again, with what to fix)',
    () =>
      renderActivationFormCard(pimForm, 'k-1', {
        justification: HOSTILE,
        ticketNumber: HOSTILE,
        ticketSystem: HOSTILE,
        problems: [HOSTILE],
      }),
  ],
  ...(
    [
      'submitted',
      'stepUp',
      'pendingApproval',
      'scheduled',
      'active',
      'ended',
      'denied',
      'expired',
      'canceled',
      'failed',
    ] as const
  ).map((status): [string, () => AdaptiveCard] => [
    `PIM activation status (${status})`,
    () => renderActivationStatusCard(pimStatus(status), t),
  ]),
  [
    'PIM activation told to a policy recipient',
    () => renderActivationStatusCard(pimStatus('active'), t, 'watcher', HOSTILE),
  ],
  ...reviewCardCases(HOSTILE),
  ['weekly digest (inbox rule names, mailbox names, justifications)', () => renderDigestCard(digestInput())],
];

/** A digest whose every section holds text an admin or a user wrote (rule names, justifications). */
function digestInput(): Record<string, unknown> {
  const item = (key: string) => ({
    key,
    subject: HOSTILE,
    detail: HOSTILE,
    status: 'New',
    canEnableAuditing: true,
  });
  const section = (id: string) => ({
    id,
    title: id,
    todo: 'Do it',
    count: 1,
    change: '+1 since last week',
    movement: 'New 1 · Fixed 1 · Still open 0',
    items: [item(`${id}:1`)],
    more: 0,
    apart: [{ ...item(`${id}:2`), status: '' }],
    fixed: [{ subject: HOSTILE, detail: HOSTILE }],
  });
  return {
    runId: 'week:2026-03-02T08:00:00.000Z',
    title: 'Weekly audit digest, 2026-03-02',
    generatedAt: '2026-03-02T08:01:00Z',
    mailboxCount: 3,
    score: { line: '1 of 2 (50%)', trend: '1 → 1 of 2 over 2 weeks (+0)', points: [1, 1], controls: [] },
    sections: ['score', 'forwarding', 'smtp', 'delegates', 'auditing', 'governance'].map(section),
    actions: { 'auditing:1': { by: HOSTILE, at: '2026-03-02T09:00:00Z', outcome: 'done', message: HOSTILE } },
    allCsv: 'https://gatekeeper.example.com/digest/csv/x/all?u=1&e=2&s=3',
    csv: {},
  };
}
