import { stringify } from 'csv-stringify/sync';
import type { FindingStatus } from './compare';
import { SECTIONS, SECTION_TEXT, type DigestFinding } from './model';

/**
 * A spreadsheet evaluates a cell that starts with = + - @ (or a tab / carriage return) as a formula:
 * an inbox rule named "=HYPERLINK(...)" must not run in the admin's Excel (OWASP, CSV injection).
 * Such cells get a leading apostrophe, which spreadsheets show as text.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The findings as CSV (RFC 4180 quoting by csv-stringify, a header row, CRLF line ends): common
 * columns first (Section, Status, Flagged), then every column the findings carry, in first-seen order.
 */
export function findingsCsv(findings: DigestFinding[], status: (f: DigestFinding) => FindingStatus): string {
  // Sections in card order, then by who it is about, then key (stable: the same week, the same file).
  const order = (f: DigestFinding) => SECTIONS.indexOf(f.section);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  findings = [...findings].sort(
    (a, b) =>
      order(a) - order(b) || (a.rank ?? 0) - (b.rank ?? 0) || cmp(a.subject, b.subject) || cmp(a.key, b.key),
  );
  const columns: string[] = [];
  for (const f of findings) for (const c of Object.keys(f.fields)) if (!columns.includes(c)) columns.push(c);
  const rows = findings.map((f) => [
    SECTION_TEXT[f.section].title,
    status(f) === 'new' ? 'New' : status(f) === 'open' ? 'Still open' : '',
    f.flagged ? 'yes' : 'no (listed)',
    ...columns.map((c) => f.fields[c] ?? ''),
  ]);
  return stringify(
    [['Section', 'Status', 'Flagged', ...columns], ...rows].map((r) => r.map(safeCell)),
    {
      record_delimiter: 'windows',
    },
  );
}
