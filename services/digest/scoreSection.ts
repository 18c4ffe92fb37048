import type { SecureScoreSnapshot, SecurityReportsGateway } from '../ports/securityReports';
import type { DigestFinding, ScoreSummary } from './model';

const WEEK_MS = 7 * 86_400_000;
/** Snapshots are daily (about 90 days kept): 8 weeks back needs 50 of them. */
const SNAPSHOTS = 57;

/** One point per week, newest last: the newest snapshot, then the newest one at least k weeks older. */
export function weeklyTrend(snapshots: SecureScoreSnapshot[], weeks = 8): { date: string; score: number }[] {
  const newestFirst = [...snapshots].sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime));
  const newest = newestFirst[0];
  if (!newest) return [];
  const t0 = Date.parse(newest.createdDateTime);
  const out: { date: string; score: number }[] = [];
  for (let k = 0; k < weeks; k++) {
    // Half a day of slack: snapshot times drift a little from day to day.
    const s = newestFirst.find((x) => Date.parse(x.createdDateTime) <= t0 - k * WEEK_MS + 43_200_000);
    if (!s || out.some((p) => p.date === s.createdDateTime)) break;
    out.push({ date: s.createdDateTime, score: s.currentScore });
  }
  return out.reverse();
}

/** Secure Score now, its 8-week trend, and the open controls (one finding each, largest gap first). */
export async function collectScore(
  reports: SecurityReportsGateway,
  top = 5,
): Promise<{ summary?: ScoreSummary; findings: DigestFinding[] }> {
  const [snapshots, profiles] = await Promise.all([
    reports.secureScores(SNAPSHOTS),
    reports.controlProfiles(),
  ]);
  const latest = [...snapshots].sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime))[0];
  if (!latest) return { findings: [] };
  const byId = new Map(profiles.map((p) => [p.id, p]));
  const open = latest.controlScores
    .flatMap((c) => {
      const p = byId.get(c.controlName);
      if (!p || p.deprecated || c.score >= p.maxScore) return [];
      return [
        {
          id: p.id,
          title: p.title,
          gap: p.maxScore - c.score,
          score: c.score,
          max: p.maxScore,
          remediation: p.remediation ?? '',
          url: p.actionUrl,
        },
      ];
    })
    .sort((a, b) => b.gap - a.gap || a.id.localeCompare(b.id));
  const findings: DigestFinding[] = open.map((c, rank) => ({
    key: `score:${c.id}`,
    section: 'score',
    category: 'open control',
    flagged: true,
    rank,
    subject: c.title,
    detail:
      `${c.gap} ${c.gap === 1 ? 'point' : 'points'} to gain (${c.score} of ${c.max}). ${c.remediation}`.trim(),
    fields: {
      Control: c.id,
      Title: c.title,
      Score: String(c.score),
      'Max score': String(c.max),
      'Points to gain': String(c.gap),
      Remediation: c.remediation,
      Link: c.url ?? '',
    },
  }));
  return {
    summary: {
      current: latest.currentScore,
      max: latest.maxScore,
      trend: weeklyTrend(snapshots),
      topControls: open
        .slice(0, top)
        .map(({ id, title, gap, remediation, url }) => ({ id, title, gap, remediation, url })),
    },
    findings,
  };
}
