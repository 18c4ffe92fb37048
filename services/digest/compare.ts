import { SECTIONS, type DigestFinding, type SectionChange } from './model';

/** How a finding moved since last week: undefined when there is no last week to compare with. */
export type FindingStatus = 'new' | 'open' | undefined;

/**
 * New, fixed and still open, per section, by finding key. Only flagged findings count (a disabled rule
 * is listed, not counted); one that went from flagged to listed (a rule turned off) counts as fixed.
 */
export function compareFindings(current: DigestFinding[], previous: DigestFinding[] | undefined) {
  const flaggedBefore = new Map((previous ?? []).filter((f) => f.flagged).map((f) => [f.key, f]));
  const flaggedNow = new Set(current.filter((f) => f.flagged).map((f) => f.key));
  const status = (f: DigestFinding): FindingStatus =>
    previous === undefined || !f.flagged ? undefined : flaggedBefore.has(f.key) ? 'open' : 'new';
  const sections: SectionChange[] = SECTIONS.map((id) => {
    const now = current.filter((f) => f.section === id && f.flagged);
    const before = [...flaggedBefore.values()].filter((f) => f.section === id);
    const fixed = before.filter((f) => !f.event && !flaggedNow.has(f.key));
    const open = now.filter((f) => flaggedBefore.has(f.key)).length;
    return {
      id,
      count: now.length,
      previousCount: previous === undefined ? undefined : before.length,
      newCount: previous === undefined ? 0 : now.length - open,
      fixedCount: fixed.length,
      openCount: open,
      fixed: fixed.slice(0, 5).map((f) => ({ subject: f.subject, detail: f.detail })),
    };
  });
  return { sections, status };
}
