import type {
  DirectoryAuditRecord,
  InboxRuleInfo,
  SecureScoreControlProfile,
  SecureScoreSnapshot,
  SignInRecord,
} from '../../ports/securityReports';
import { str, type Json } from './json';

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0) || 0);
const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

export function toSecureScore(s: Json): SecureScoreSnapshot {
  return {
    createdDateTime: String(s.createdDateTime ?? ''),
    currentScore: num(s.currentScore),
    maxScore: num(s.maxScore),
    averageComparativeScores: list(s.averageComparativeScores).map((a) => ({
      basis: String(a.basis ?? ''),
      averageScore: num(a.averageScore),
    })),
    controlScores: list(s.controlScores).map((c) => ({
      controlName: String(c.controlName ?? ''),
      controlCategory: str(c.controlCategory),
      description: str(c.description),
      score: num(c.score),
    })),
  };
}

export function toControlProfile(p: Json): SecureScoreControlProfile {
  return {
    id: String(p.id),
    title: String(p.title ?? ''),
    controlCategory: str(p.controlCategory),
    maxScore: num(p.maxScore),
    rank: typeof p.rank === 'number' ? p.rank : undefined,
    remediation: str(p.remediation),
    actionUrl: str(p.actionUrl),
    service: str(p.service),
    tier: str(p.tier),
    deprecated: p.deprecated === true,
  };
}

const addresses = (v: unknown): string[] =>
  list(v)
    .map((r) => str(r.emailAddress?.address))
    .filter((a): a is string => a !== undefined);

export function toInboxRule(r: Json): InboxRuleInfo {
  const a = (r.actions ?? {}) as Json;
  return {
    id: String(r.id),
    displayName: String(r.displayName ?? ''),
    isEnabled: r.isEnabled === true,
    forwardTo: addresses(a.forwardTo),
    redirectTo: addresses(a.redirectTo),
    forwardAsAttachmentTo: addresses(a.forwardAsAttachmentTo),
  };
}

export function toSignIn(s: Json): SignInRecord {
  return {
    id: String(s.id),
    createdDateTime: String(s.createdDateTime ?? ''),
    userId: String(s.userId ?? ''),
    userPrincipalName: str(s.userPrincipalName),
    appDisplayName: str(s.appDisplayName),
    ipAddress: str(s.ipAddress),
    errorCode: num(s.status?.errorCode),
    failureReason: str(s.status?.failureReason),
    conditionalAccessStatus: str(s.conditionalAccessStatus),
    country: str(s.location?.countryOrRegion),
  };
}

export function toDirectoryAudit(a: Json): DirectoryAuditRecord {
  const by = (a.initiatedBy ?? {}) as Json;
  return {
    id: String(a.id),
    activityDateTime: String(a.activityDateTime ?? ''),
    activityDisplayName: String(a.activityDisplayName ?? ''),
    category: String(a.category ?? ''),
    result: String(a.result ?? ''),
    initiatedBy: {
      userId: str(by.user?.id),
      userPrincipalName: str(by.user?.userPrincipalName),
      appDisplayName: str(by.app?.displayName),
    },
    targets: list(a.targetResources).map((t) => ({
      id: str(t.id),
      displayName: str(t.displayName),
      type: str(t.type),
    })),
    details: Object.fromEntries(
      list(a.additionalDetails).map((d) => [String(d.key ?? ''), String(d.value ?? '')] as const),
    ),
    resultReason: str(a.resultReason),
  };
}
