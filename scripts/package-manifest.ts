import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildAppPackage } from '../manifest/package';
import { manifestValues } from '../manifest/settings';

// `npm run package [-- env/.env.dev]`: fills the manifest's ids from the environment (or from the env
// file named, as the Agents Toolkit writes them) and writes manifest/build/gatekeeper.zip, ready for
// Teams admin center ("Upload new app") or "Upload a custom app". Needs TEAMS_APP_ID, MicrosoftAppId (or
// BOT_ID) and BOT_DOMAIN; see the README's "Deploy to your tenant".
const root = join(__dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
try {
  const envFile = process.argv[2];
  if (envFile) process.loadEnvFile(resolve(envFile));
  const values = manifestValues(process.env, { version });
  const out = join(root, 'manifest/build/gatekeeper.zip');
  mkdirSync(join(root, 'manifest/build'), { recursive: true });
  writeFileSync(out, buildAppPackage(values));
  console.log(`Teams app package written to ${out}`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
