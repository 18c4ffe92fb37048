import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCENT } from '../manifest/icons';
import { buildAppPackage } from '../manifest/package';
import { manifestValues } from '../manifest/settings';

// Usage: TEAMS_APP_ID=<guid> MicrosoftAppId=<guid> BOT_DOMAIN=gatekeeper.contoso.com npx tsx scripts/package-manifest.ts
// Writes manifest/build/gatekeeper.zip, ready to upload in Teams admin center or with "Upload a custom app".
const root = join(__dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
try {
  const values = manifestValues(process.env, { version, accent: ACCENT });
  const out = join(root, 'manifest/build/gatekeeper.zip');
  mkdirSync(join(root, 'manifest/build'), { recursive: true });
  writeFileSync(out, buildAppPackage(values));
  console.log(`Teams app package written to ${out}`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
