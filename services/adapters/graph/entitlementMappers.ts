import type {
  AccessPackageSummary,
  ApprovalStage,
  AssignmentInfo,
  AssignmentRequestInfo,
  RequestState,
} from '../../ports/entitlement';
import { endOf, toSchedule } from './schedule';

import { str, type Json } from './json';

export type { Json } from './json';

export function toPackage(p: Json): AccessPackageSummary {
  const c = p.catalog as Json | undefined;
  return {
    id: String(p.id),
    displayName: String(p.displayName ?? ''),
    description: str(p.description),
    isHidden: p.isHidden === true,
    catalog: c?.id ? { id: String(c.id), displayName: String(c.displayName ?? '') } : undefined,
  };
}

export function toRequest(r: Json): AssignmentRequestInfo {
  const pkg = r.accessPackage as Json | undefined;
  const requestor = r.requestor as Json | undefined;
  return {
    id: String(r.id),
    requestType: String(r.requestType ?? ''),
    state: String(r.state ?? 'submitted') as RequestState,
    status: str(r.status),
    justification: str(r.justification),
    createdDateTime: str(r.createdDateTime),
    completedDateTime: str(r.completedDateTime),
    accessPackage: pkg?.id ? { id: String(pkg.id), displayName: str(pkg.displayName) } : undefined,
    requestor: requestor
      ? { id: str(requestor.objectId) ?? str(requestor.id), displayName: str(requestor.displayName) }
      : undefined,
    schedule: toSchedule(r.schedule),
  };
}

export function toAssignment(a: Json): AssignmentInfo {
  const pkg = a.accessPackage as Json | undefined;
  const target = a.target as Json | undefined;
  const schedule = toSchedule(a.schedule);
  return {
    id: String(a.id),
    state: String(a.state ?? ''),
    status: str(a.status),
    accessPackage: pkg?.id
      ? { id: String(pkg.id), displayName: str(pkg.displayName) }
      : str(a.accessPackageId)
        ? { id: a.accessPackageId }
        : undefined,
    target: target
      ? {
          objectId: str(target.objectId),
          displayName: str(target.displayName),
          principalName: str(target.principalName),
        }
      : undefined,
    policyId: str((a.assignmentPolicy as Json | undefined)?.id) ?? str(a.assignmentPolicyId),
    schedule,
    endDateTime: endOf(schedule),
  };
}

export function toStage(s: Json): ApprovalStage {
  const by = s.reviewedBy as Json | undefined;
  return {
    id: String(s.id),
    displayName: str(s.displayName),
    status: String(s.status ?? ''),
    assignedToMe: s.assignedToMe === true,
    reviewResult: String(s.reviewResult ?? 'NotReviewed'),
    justification: str(s.justification),
    reviewedBy: by?.id ? { id: String(by.id), displayName: str(by.displayName) } : undefined,
    reviewedDateTime: str(s.reviewedDateTime),
  };
}
