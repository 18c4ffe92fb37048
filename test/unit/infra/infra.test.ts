import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig } from '../../../services/config';
import { readBicep, type BicepFile } from './bicepFile';

const root = join(__dirname, '../../..');
const infra = join(root, 'infra');
const files = new Map<string, BicepFile>();
for (const f of ['main.bicep', ...readdirSync(join(infra, 'modules')).map((m) => `modules/${m}`)])
  files.set(f, readBicep(join(infra, f)));
const main = files.get('main.bicep')!;
const all = [...files.values()];

/** A Bicep compiler on this machine, if any (none is installable from the registries reachable here). */
function bicepCompiler(): string[] | undefined {
  for (const cmd of [
    ['bicep', 'build'],
    ['az', 'bicep', 'build', '--file'],
  ]) {
    try {
      execFileSync(cmd[0]!, ['--version'], { stdio: 'ignore' });
      return cmd;
    } catch {
      // not installed
    }
  }
  return undefined;
}

/** ${{NAME}} placeholders of the Agents Toolkit in a file. */
const placeholders = (file: string) =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/\$\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!);
/** Keys an env file sets. */
const envKeys = (file: string) =>
  readFileSync(join(root, file), 'utf8')
    .split('\n')
    .map((l) => /^(\w+)=/.exec(l)?.[1])
    .filter((k): k is string => !!k);

describe('infra: Bicep, as far as it can be checked here', () => {
  it('compiles with the Bicep CLI where one is installed', function () {
    const compiler = bicepCompiler();
    if (!compiler) this.skip(); // neither `bicep` nor `az` is installable from npm, PyPI or Debian
    execFileSync(compiler[0]!, [...compiler.slice(1), join(infra, 'main.bicep'), '--stdout'], {
      stdio: 'pipe',
    });
  });

  it('declares the resources a deployment needs, each with a dated API version', () => {
    const types = all.flatMap((f) => f.resources);
    for (const t of types) assert.match(t, /^Microsoft\.[A-Za-z]+\/[A-Za-z/]+@\d{4}-\d{2}-\d{2}(-preview)?$/);
    const kinds = new Set(types.map((t) => t.split('@')[0]));
    for (const needed of [
      'Microsoft.BotService/botServices',
      'Microsoft.BotService/botServices/channels',
      'Microsoft.BotService/botServices/connections',
      'Microsoft.App/containerApps',
      'Microsoft.App/managedEnvironments',
      'Microsoft.DocumentDB/mongoClusters',
      'Microsoft.KeyVault/vaults',
      'Microsoft.KeyVault/vaults/secrets',
      'Microsoft.ManagedIdentity/userAssignedIdentities',
      'Microsoft.Authorization/roleAssignments',
    ])
      assert.ok(kinds.has(needed), `no ${needed}`);
  });

  it('has balanced brackets, and modules get exactly the parameters they declare', () => {
    for (const [name, f] of files) assert.ok(f.balanced, `${name}: brackets do not balance`);
    for (const [name, f] of files) {
      for (const m of f.modules) {
        const target = files.get(join(dirname(name), m.path).replace(/^\.\//, ''));
        assert.ok(target, `${name}: no module ${m.path}`);
        const declared = target.params.map((p) => p.name);
        for (const p of m.passes)
          assert.ok(declared.includes(p), `${name} passes ${p}, which ${m.path} lacks`);
        for (const p of target.params.filter((x) => !x.optional))
          assert.ok(m.passes.includes(p.name), `${name} does not pass ${p.name} to ${m.path}`);
      }
    }
  });

  it('keeps every secret parameter @secure() and in Key Vault, read by the managed identity', () => {
    for (const [name, f] of files)
      for (const p of f.params.filter((x) => /secret|password|connectionString|uri$/i.test(x.name)))
        if (!/SecretUri$/.test(p.name)) assert.ok(p.secure, `${name}: ${p.name} must be @secure()`);
    const app = files.get('modules/containerapp.bicep')!.text;
    assert.match(app, /keyVaultUrl: botSecretUri, identity: identityId/);
    assert.match(app, /keyVaultUrl: mongoUriSecretUri, identity: identityId/);
    assert.doesNotMatch(app, /value: (botAppSecret|mongoUri)\b/);
  });

  it('probes /healthz and /readyz, the routes the bot serves', () => {
    const app = files.get('modules/containerapp.bicep')!.text;
    const server = readFileSync(join(root, 'bot/server.ts'), 'utf8');
    for (const [probe, path] of [
      ['Liveness', '/healthz'],
      ['Readiness', '/readyz'],
    ]) {
      assert.match(app, new RegExp(`type: '${probe}'\\s+httpGet: \\{ path: '${path}'`));
      assert.ok(server.includes(`server.get('${path}'`), `the bot serves no ${path}`);
    }
  });

  it('gives the container only settings the bot reads, and enough of them to start', () => {
    const app = files.get('modules/containerapp.bicep')!.text;
    const names = [...app.matchAll(/\{ name: '(\w+)', (value|secretRef):/g)].map((m) => m[1]!);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const n of names) assert.ok(readme.includes(`\`${n}\``), `${n} is not a documented setting`);
    const id = '00000000-0000-4000-8000-000000000001';
    const examples: Record<string, string> = {
      PORT: '3978',
      LOG_LEVEL: 'info',
      MicrosoftAppType: 'SingleTenant',
      MONGODB_URI: 'mongodb://db.example/',
    };
    const sample = Object.fromEntries(names.map((n) => [n, examples[n] ?? (/Id$|_ID$/.test(n) ? id : 'x')]));
    assert.equal(loadConfig(sample).mode, 'production');
  });

  it('uses the SSO Application ID URI the manifest names, and keeps a slot for the PIM step-up connection', () => {
    const bot = files.get('modules/bot.bicep')!.text;
    assert.match(bot, /var ssoAppIdUri = 'api:\/\/botid-\$\{botAppId\}'/);
    assert.match(bot, /tokenExchangeUrl', value: ssoAppIdUri/);
    assert.match(bot, /SLOT: PIM step-up connection/);
  });

  it('the Agents Toolkit finds a value for every placeholder, and every parameter main.bicep needs', () => {
    const params = JSON.parse(readFileSync(join(infra, 'azure.parameters.json'), 'utf8')) as {
      parameters: Record<string, unknown>;
    };
    const given = Object.keys(params.parameters);
    for (const p of given)
      assert.ok(
        main.params.some((x) => x.name === p),
        `main.bicep has no param ${p}`,
      );
    for (const p of main.params.filter((x) => !x.optional)) assert.ok(given.includes(p.name), p.name);
    for (const [yml, env] of [
      ['m365agents.yml', 'env/.env.dev'],
      ['m365agents.local.yml', 'env/.env.local'],
    ] as const) {
      const written = [
        ...readFileSync(join(root, yml), 'utf8').matchAll(/^\s+\w+: ([A-Z][A-Z0-9_]+)$/gm),
      ].map((m) => m[1]!);
      const known = new Set([...envKeys(env), ...written, ...main.outputs]);
      // Only the dev environment deploys main.bicep with its parameters file.
      const deploys = yml === 'm365agents.yml' ? ['infra/azure.parameters.json'] : [];
      const used = [yml, ...deploys, 'infra/entra/aad.manifest.json'].flatMap(placeholders);
      // SECRET_* live in the .user file beside the env file, which the toolkit writes and git ignores.
      for (const name of used.filter((n) => !n.startsWith('SECRET_')))
        assert.ok(known.has(name), `${yml}: nothing sets ${name}`);
    }
    assert.ok(existsSync(join(root, 'manifest/manifest.template.json')));
  });
});
