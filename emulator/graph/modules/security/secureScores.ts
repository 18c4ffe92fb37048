import type { FixtureSecureScore } from '../../../tenant/fixture';

type Row = Record<string, unknown>;
const WEEK_MS = 7 * 86_400_000;
const VENDOR = { provider: 'SecureScore', providerVersion: null, subProvider: null, vendor: 'Microsoft' };

/** Where each fixture control belongs (Secure Score's categories and services). */
const CONTROL_META: Record<string, { category: string; service: string }> = {
  mailboxAuditingEnabled: { category: 'Data', service: 'EXO' },
};
function metaOf(name: string) {
  return CONTROL_META[name] ?? { category: 'Identity', service: 'AzureAD' };
}

/** Weekly Secure Score snapshots, newest first, dated back from `now` at midnight UTC. */
export function secureScores(score: FixtureSecureScore | undefined, tenantId: string, now: Date): Row[] {
  if (!score) return [];
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const newestFirst = [...score.weeklyHistoryOldestFirst].reverse();
  return newestFirst.map((current, weeksAgo) => {
    const created = new Date(today - weeksAgo * WEEK_MS).toISOString();
    return {
      id: `${tenantId}_${created.slice(0, 10)}`,
      azureTenantId: tenantId,
      activeUserCount: 0,
      createdDateTime: created,
      currentScore: current,
      maxScore: score.maxScore,
      licensedUserCount: 0,
      enabledServices: ['HasExchange', 'HasSharePoint', 'HasOD4B', 'HasAzureAD'],
      averageComparativeScores: [
        { basis: 'AllTenants', averageScore: 38.1 },
        { basis: 'TotalSeats', averageScore: 41.7 },
      ],
      controlScores: score.controls.map((c) => ({
        controlCategory: metaOf(c.controlName).category,
        controlName: c.controlName,
        description: c.description,
        score: c.score,
      })),
      vendorInformation: VENDOR,
    };
  });
}

/** The control profiles behind the score, ranked by what they are worth. */
export function controlProfiles(score: FixtureSecureScore | undefined, tenantId: string): Row[] {
  if (!score) return [];
  const ranked = [...score.controls].sort((a, b) => b.maxScore - a.maxScore);
  return ranked.map((c, i) => ({
    id: c.controlName,
    azureTenantId: tenantId,
    title: c.description,
    controlCategory: metaOf(c.controlName).category,
    actionType: 'Config',
    actionUrl: `https://security.microsoft.com/securescore?viewid=actions&actionId=${c.controlName}`,
    maxScore: c.maxScore,
    rank: i + 1,
    remediation: c.description,
    service: metaOf(c.controlName).service,
    tier: 'Core',
    deprecated: false,
    userImpact: 'Low',
    implementationCost: 'Low',
    threats: [],
    complianceInformation: [],
    controlStateUpdates: [],
    vendorInformation: VENDOR,
  }));
}
