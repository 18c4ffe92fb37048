import { GATEWAY_PERMISSIONS } from '../services/adapters/graph/gatewayPermissions';
import { PERMISSIONS, type PermissionName } from '../services/adapters/graph/permissions';

/** The README's markers around the generated permissions table. */
export const TABLE_BEGIN = '<!-- permissions-table:begin (npm run docs:permissions) -->';
export const TABLE_END = '<!-- permissions-table:end -->';

/** One row of the permissions table, cell by cell. */
export type Row = [
  permission: string,
  api: string,
  type: string,
  feature: string,
  calls: string,
  why: string,
];

/** The rows: one per permission, with the gateway calls that need it and the features they serve. */
export function permissionRows(): Row[] {
  return (Object.keys(PERMISSIONS) as PermissionName[]).map((name) => {
    const p = PERMISSIONS[name];
    const users = Object.entries(GATEWAY_PERMISSIONS).flatMap(([gateway, methods]) =>
      Object.entries(methods)
        .filter(([, m]) => m.needs.includes(name))
        .map(([method, m]) => ({ call: `${gateway}.${method}`, feature: m.feature })),
    );
    const features = [...new Set(users.map((u) => u.feature))].join(', ');
    const calls = users.map((u) => `\`${u.call}\``).join(', ');
    return [`\`${name}\``, p.api, p.type, features, calls, p.why];
  });
}

/** The table as markdown (prettier aligns it when the README is formatted). */
export function permissionsTable(): string {
  const head: Row = ['Permission', 'API', 'Type', 'Feature', 'Calls that need it', 'Why this one'];
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...permissionRows().map(line)].join('\n');
}

/** The rows of the table found between the README's markers, cells trimmed. */
export function readmeRows(readme: string): string[][] {
  const start = readme.indexOf(TABLE_BEGIN);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error('README has no permissions table markers');
  return readme
    .slice(start + TABLE_BEGIN.length, end)
    .split('\n')
    .filter((l) => l.trim().startsWith('|'))
    .slice(2)
    .map((l) =>
      l
        .trim()
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim().replace(/\\\|/g, '|')),
    );
}
