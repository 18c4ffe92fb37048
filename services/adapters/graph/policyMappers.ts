import type {
  AccessPackageQuestion,
  ApprovalStageSettings,
  ApproverRef,
  AssignmentPolicy,
  PolicyRequirements,
} from '../../ports/entitlement';
import { toExpiration, toSchedule } from './schedule';
import { str, type Json } from './json';

/** Mappers for assignment policies: questions, approval stages, approvers, requirements. */

/** v1.0 question text is a string; beta's is `{ defaultText }`. */
function text(v: unknown): string {
  if (typeof v === 'string') return v;
  return str((v as Json | undefined)?.defaultText) ?? '';
}

export function toQuestion(q: Json): AccessPackageQuestion {
  const choices = Array.isArray(q.choices)
    ? (q.choices as Json[]).map((c) => ({
        value: String(c.actualValue ?? ''),
        text: text(c.text) || String(c.actualValue ?? ''),
      }))
    : undefined;
  return {
    id: String(q.id),
    text: text(q.text),
    isRequired: q.isRequired === true,
    sequence: Number(q.sequence ?? 0),
    choices,
  };
}

const questions = (v: unknown): AccessPackageQuestion[] =>
  Array.isArray(v) ? (v as Json[]).map(toQuestion).sort((a, b) => a.sequence - b.sequence) : [];

export function toApprover(a: Json): ApproverRef {
  const type = String(a['@odata.type'] ?? '');
  if (type.endsWith('.singleUser')) return { kind: 'user', userId: String(a.userId) };
  if (type.endsWith('.groupMembers')) return { kind: 'groupMembers', groupId: String(a.groupId) };
  if (type.endsWith('.requestorManager'))
    return { kind: 'requestorManager', managerLevel: Number(a.managerLevel ?? 1) };
  return { kind: 'other', odataType: type };
}

const approvers = (v: unknown): ApproverRef[] => (Array.isArray(v) ? (v as Json[]).map(toApprover) : []);

function toStageSettings(s: Json): ApprovalStageSettings {
  return {
    durationBeforeAutomaticDenial: str(s.durationBeforeAutomaticDenial) ?? 'P14D',
    isApproverJustificationRequired: s.isApproverJustificationRequired === true,
    isEscalationEnabled: s.isEscalationEnabled === true,
    durationBeforeEscalation: str(s.durationBeforeEscalation),
    primaryApprovers: approvers(s.primaryApprovers),
    fallbackPrimaryApprovers: approvers(s.fallbackPrimaryApprovers),
    escalationApprovers: approvers(s.escalationApprovers),
    fallbackEscalationApprovers: approvers(s.fallbackEscalationApprovers),
  };
}

export function toRequirements(r: Json): PolicyRequirements {
  return {
    policyId: String(r.policyId),
    policyDisplayName: String(r.policyDisplayName ?? ''),
    policyDescription: str(r.policyDescription),
    isApprovalRequiredForAdd: r.isApprovalRequiredForAdd === true,
    isApprovalRequiredForUpdate: r.isApprovalRequiredForUpdate === true,
    isRequestorJustificationRequired: r.isRequestorJustificationRequired === true,
    allowCustomAssignmentSchedule: r.allowCustomAssignmentSchedule === true,
    questions: questions(r.questions),
    schedule: toSchedule(r.schedule),
  };
}

export function toPolicy(p: Json): AssignmentPolicy {
  const approval = (p.requestApprovalSettings ?? {}) as Json;
  const requestor = (p.requestorSettings ?? {}) as Json;
  return {
    id: String(p.id),
    displayName: String(p.displayName ?? ''),
    description: str(p.description),
    allowedTargetScope: str(p.allowedTargetScope),
    allowCustomAssignmentSchedule: requestor.allowCustomAssignmentSchedule === true,
    isApprovalRequiredForAdd: approval.isApprovalRequiredForAdd === true,
    isApprovalRequiredForUpdate: approval.isApprovalRequiredForUpdate === true,
    enableTargetsToSelfUpdateAccess: requestor.enableTargetsToSelfUpdateAccess === true,
    stages: Array.isArray(approval.stages) ? (approval.stages as Json[]).map(toStageSettings) : [],
    expiration: toExpiration(p.expiration),
    questions: questions(p.questions),
  };
}
