import type { DigestRun } from '../ports/digestStore';
import { compareFindings } from './compare';
import { SECTIONS, SECTION_TEXT, type DigestFinding, type SectionId } from './model';

/** Items shown per section; the rest are in the section's CSV. */
const ITEMS_PER_SECTION = 6;

/** What was done from the card about a finding (Enable auditing), shown in place of its button. */
export interface FindingAction {
  by: string;
  at: string;
  outcome: 'done' | 'failed';
  message: string;
}

export interface DigestCardItem {
  key: string;
  subject: string;
  detail: string;
  /** 'New' or 'Still open' against last week; '' when there is no last week. */
  status: string;
  /** Set when the card offers Enable auditing for it. */
  canEnableAuditing: boolean;
  action?: FindingAction;
}

export interface DigestCardSection {
  id: SectionId;
  title: string;
  todo: string;
  count: number;
  /** e.g. "+1 since last week", "same as last week", "first digest". */
  change: string;
  movement: string;
  items: DigestCardItem[];
  more: number;
  /** Listed, not counted (disabled rules). */
  apart: DigestCardItem[];
  fixed: { subject: string; detail: string }[];
}

/** The digest card's content, the same for every recipient (links are added per recipient). */
export interface DigestCardData {
  runId: string;
  title: string;
  generatedAt: string;
  mailboxCount: number;
  score?: {
    line: string;
    trend: string;
    points: number[];
    controls: { title: string; gap: number; remediation: string; url: string }[];
  };
  sections: DigestCardSection[];
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

function change(count: number, previous: number | undefined): string {
  if (previous === undefined) return 'first digest: nothing to compare with';
  const d = count - previous;
  return d === 0 ? 'same as last week' : `${d > 0 ? '+' : ''}${d} since last week`;
}

/** "371 → 412.5 of 857 over 8 weeks (+41.5)": first and last point; the chart shows the rest. */
function trendLine(points: number[], max: number): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined) return '';
  const d = last - first;
  return `${fmt(first)} → ${fmt(last)} of ${fmt(max)} over ${points.length} weeks (${d >= 0 ? '+' : ''}${fmt(d)})`;
}

/** Builds the card's content from a complete run, its findings and last week's. */
export function digestCardData(
  run: DigestRun,
  current: DigestFinding[],
  previous: DigestFinding[] | undefined,
): DigestCardData {
  const summary = run.summary!;
  const { status } = compareFindings(current, previous);
  const item = (f: DigestFinding): DigestCardItem => {
    const s = status(f);
    return {
      key: f.key,
      subject: f.subject,
      detail: f.detail,
      status: s === 'new' ? 'New' : s === 'open' ? 'Still open' : '',
      canEnableAuditing: f.section === 'auditing' && !!f.target,
    };
  };
  const sections = SECTIONS.map((id): DigestCardSection => {
    const c = summary.sections.find((x) => x.id === id)!;
    const mine = current.filter((f) => f.section === id);
    // New ones first: movement is what an admin reads for.
    const flagged = mine
      .filter((f) => f.flagged)
      .sort(
        (a, b) => Number(status(b) === 'new') - Number(status(a) === 'new') || (a.rank ?? 0) - (b.rank ?? 0),
      );
    return {
      id,
      ...SECTION_TEXT[id],
      count: c.count,
      change: change(c.count, c.previousCount),
      movement:
        c.previousCount === undefined
          ? ''
          : `New ${c.newCount} · Fixed ${c.fixedCount} · Still open ${c.openCount}`,
      items: flagged.slice(0, ITEMS_PER_SECTION).map(item),
      more: Math.max(0, flagged.length - ITEMS_PER_SECTION),
      apart: mine
        .filter((f) => !f.flagged)
        .slice(0, ITEMS_PER_SECTION)
        .map(item),
      fixed: c.fixed,
    };
  });
  const score = summary.score && {
    line: `${fmt(summary.score.current)} of ${fmt(summary.score.max)} (${Math.round((summary.score.current / summary.score.max) * 100)}%)`,
    trend: trendLine(
      summary.score.trend.map((p) => p.score),
      summary.score.max,
    ),
    points: summary.score.trend.map((p) => p.score),
    controls: summary.score.topControls.map((c) => ({
      title: c.title,
      gap: c.gap,
      remediation: c.remediation,
      url: c.url ?? '',
    })),
  };
  return {
    runId: run.id,
    title: `Weekly audit digest, ${run.at.toISOString().slice(0, 10)}`,
    generatedAt: summary.generatedAt,
    mailboxCount: summary.mailboxCount,
    score,
    sections,
  };
}
