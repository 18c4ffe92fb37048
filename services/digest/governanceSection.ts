import type { AuditLog } from '../ports/auditLog';
import type { EntitlementGateway } from '../ports/entitlement';
import type { PimGateway } from '../ports/pim';
import type { ReviewsGateway } from '../ports/reviews';
import type { DirectoryAuditRecord, SecurityReportsGateway } from '../ports/securityReports';
import type { DigestFinding } from './model';

const DAY_MS = 86_400_000;
/** Approvals waiting longer than this are overdue (Entra's own reminders start after 2 days). */
const APPROVAL_OVERDUE_MS = 2 * DAY_MS;

export interface GovernanceDeps {
  reports: SecurityReportsGateway;
  audit: AuditLog;
  entitlement: EntitlementGateway;
  pim: PimGateway;
  reviews: ReviewsGateway;
}

const day = (iso?: string) => (iso ? iso.slice(0, 10) : '');
const finding = (
  key: string,
  category: string,
  subject: string,
  detail: string,
  fields: Record<string, string>,
): DigestFinding => ({
  key: `governance:${key}`,
  section: 'governance',
  category,
  flagged: true,
  subject,
  detail,
  fields: { Kind: category, Who: subject, What: detail, ...fields },
});

const event = (...args: Parameters<typeof finding>): DigestFinding => ({ ...finding(...args), event: true });

/** A PIM activation as the directory audit log records it (Graph's PIM history). */
function activation(a: DirectoryAuditRecord): DigestFinding {
  const user = a.targets.find((t) => t.type === 'User');
  const role = a.targets.find((t) => t.type === 'Role');
  const who = a.initiatedBy?.userPrincipalName ?? user?.displayName ?? '';
  const justification = a.details.Justification ?? a.resultReason ?? '';
  const ticket = a.details.TicketNumber ?? '';
  return event(
    `activation:${a.id}`,
    'PIM activation',
    who,
    `Activated ${role?.displayName ?? 'a role'}: ${justification || 'no justification'}${ticket ? ` (ticket ${ticket})` : ' (no ticket)'}`,
    {
      Role: role?.displayName ?? '',
      Justification: justification,
      Ticket: ticket,
      When: a.activityDateTime,
      Source: 'Entra audit log',
    },
  );
}

/**
 * Governance of the week: PIM activations (Graph's directory audit log), access decisions the bot
 * recorded (grants and denials), access that expires in the next 14 days, approvals waiting too long,
 * and reviews overdue or incomplete. Activations come from Graph alone: the issue asks for the week's
 * activations with who, role, justification and ticket, and Graph logs every one of them, those made
 * through the bot (which activates through Graph) as well as in the portal or PowerShell; the bot's own
 * `pim.*` log holds only its share, without the ticket, and would count those twice.
 */
export async function collectGovernance(deps: GovernanceDeps, now: Date): Promise<DigestFinding[]> {
  const since = new Date(now.getTime() - 7 * DAY_MS);
  const [audits, botEvents, expiring, pending, pimPending, definitions] = await Promise.all([
    deps.reports.directoryAudits(since, 'RoleManagement'),
    deps.audit.list({ since, until: now, limit: 10_000 }),
    deps.entitlement.assignmentsExpiringBefore(new Date(now.getTime() + 14 * DAY_MS)),
    deps.entitlement.pendingRequests(),
    deps.pim.pendingApprovalRequests(),
    deps.reviews.listDefinitions(),
  ]);
  const out: DigestFinding[] = audits
    .filter((a) => /PIM activation/i.test(a.activityDisplayName) && a.result === 'success')
    .map(activation);
  for (const e of botEvents.filter((e) => e.type === 'approval.decided')) {
    const result = String(e.details?.result ?? '');
    const denied = /den/i.test(result);
    out.push(
      event(`decision:${e.id}`, denied ? 'Access denied' : 'Access granted', e.actorId ?? '', e.summary, {
        When: e.at.toISOString(),
        Result: result,
        Reason: String(e.details?.reason ?? ''),
      }),
    );
  }
  for (const a of expiring) {
    if (!a.endDateTime || Date.parse(a.endDateTime) < now.getTime()) continue;
    out.push(
      finding(
        `expiring:${a.id}`,
        'Access expiring',
        a.target?.principalName ?? a.target?.displayName ?? '',
        `${a.accessPackage?.displayName ?? 'An access package'} ends ${day(a.endDateTime)}`,
        { Ends: a.endDateTime },
      ),
    );
  }
  for (const r of pending) {
    const created = r.createdDateTime ? Date.parse(r.createdDateTime) : now.getTime();
    if (now.getTime() - created < APPROVAL_OVERDUE_MS) continue;
    const days = Math.floor((now.getTime() - created) / DAY_MS);
    out.push(
      finding(
        `approval:${r.id}`,
        'Approval overdue',
        r.requestor?.displayName ?? '',
        `${r.accessPackage?.displayName ?? 'Access package'} request waiting ${days} days`,
        { Since: r.createdDateTime ?? '' },
      ),
    );
  }
  for (const r of pimPending) {
    const created = r.createdDateTime ? Date.parse(r.createdDateTime) : now.getTime();
    if (now.getTime() - created < APPROVAL_OVERDUE_MS) continue;
    out.push(
      finding(
        `pimApproval:${r.id}`,
        'Approval overdue',
        r.principalId,
        `${r.roleName ?? 'Role'} activation waiting since ${day(r.createdDateTime)}`,
        { Since: r.createdDateTime ?? '' },
      ),
    );
  }
  out.push(...(await reviewFindings(deps.reviews, definitions, now)));
  return out;
}

async function reviewFindings(
  reviews: ReviewsGateway,
  definitions: Awaited<ReturnType<ReviewsGateway['listDefinitions']>>,
  now: Date,
) {
  const out: DigestFinding[] = [];
  for (const d of definitions) {
    for (const i of await reviews.listInstances(d.id)) {
      if (i.status === 'Completed' || i.status === 'AutoReviewed') continue;
      const ended = i.endDateTime !== undefined && Date.parse(i.endDateTime) < now.getTime();
      if (ended) {
        out.push(
          finding(
            `review:${i.id}`,
            'Review overdue',
            d.displayName,
            `Ended ${day(i.endDateTime)} and is still ${i.status}`,
            { Ends: i.endDateTime ?? '' },
          ),
        );
        continue;
      }
      if (i.status !== 'InProgress') continue;
      const decisions = await reviews.listDecisions(d.id, i.id);
      const left = decisions.filter((x) => x.decision === 'NotReviewed').length;
      if (left > 0)
        out.push(
          finding(
            `review:${i.id}`,
            'Review incomplete',
            d.displayName,
            `${left} of ${decisions.length} decisions left; ends ${day(i.endDateTime)}`,
            { Ends: i.endDateTime ?? '' },
          ),
        );
    }
  }
  return out;
}
