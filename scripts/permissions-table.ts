import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { permissionsTable, TABLE_BEGIN, TABLE_END } from './permissionsTable';

// `npm run docs:permissions`: rewrites the README's permissions table from
// services/adapters/graph/permissions.ts and gatewayPermissions.ts.
async function main(): Promise<void> {
  const path = join(__dirname, '../README.md');
  const readme = readFileSync(path, 'utf8');
  const start = readme.indexOf(TABLE_BEGIN);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md lacks ${TABLE_BEGIN} … ${TABLE_END}`);
  const next = `${readme.slice(0, start + TABLE_BEGIN.length)}\n\n${permissionsTable()}\n\n${readme.slice(end)}`;
  writeFileSync(path, await format(next, { parser: 'markdown', singleQuote: true, printWidth: 110 }));
  console.log('README.md: permissions table rewritten');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
