import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';

const root = join(__dirname, '../../..');
const text = readFileSync(join(root, 'Dockerfile'), 'utf8');
const dockerfile = DockerfileParser.parse(text);

/** The instructions of the stage that starts at the n-th FROM (the last one is what runs). */
function stage(index: number) {
  const froms = dockerfile.getFROMs();
  const start = froms[index]!.getRange().start.line;
  const end = froms[index + 1]?.getRange().start.line ?? Infinity;
  return dockerfile
    .getInstructions()
    .filter((i) => i.getRange().start.line >= start && i.getRange().start.line < end);
}
const lines = text.split('\n');
/** An instruction's text after its keyword, flags included, continuation lines joined. */
const args = (i: { getRange(): { start: { line: number }; end: { line: number } }; getKeyword(): string }) =>
  lines
    .slice(i.getRange().start.line, i.getRange().end.line + 1)
    .join(' ')
    .replace(/\\\s+/g, ' ')
    .trim()
    .slice(i.getKeyword().length)
    .trim();

/** A Docker daemon that already has the base image (tests pull nothing). */
function dockerWithBaseImage(image: string): boolean {
  try {
    execFileSync('docker', ['image', 'inspect', image], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

describe('Dockerfile', () => {
  it("passes dockerfile-utils' linter (the rules of VS Code's Docker extension)", () => {
    assert.deepEqual(
      validate(text).map((d) => `${d.range.start.line + 1}: ${d.message}`),
      [],
    );
  });

  it('builds in one stage and runs in another, with production dependencies only', () => {
    const froms = dockerfile.getFROMs();
    assert.ok(froms.length >= 2, 'multi-stage');
    const runtime = stage(froms.length - 1);
    const runs = runtime.filter((i) => i.getKeyword() === 'RUN').map(args);
    assert.ok(
      runs.some((r) => /npm ci\b.*--omit=dev/.test(r)),
      runs.join('\n'),
    );
    const copies = runtime.filter((i) => i.getKeyword() === 'COPY').map(args);
    assert.ok(
      copies.some((c) => /--from=build\s+\/app\/dist/.test(c)),
      'copies the built dist/ from the build stage',
    );
    assert.ok(!copies.some((c) => /node_modules/.test(c)), 'runtime installs its own node_modules');
  });

  it('runs as a user that is not root, with a health check on /healthz', () => {
    const runtime = stage(dockerfile.getFROMs().length - 1);
    const users = runtime.filter((i) => i.getKeyword() === 'USER').map(args);
    assert.ok(users.length > 0 && !/^(root|0)(:|$)/.test(users.at(-1)!), `USER ${users.at(-1)}`);
    const health = runtime.filter((i) => i.getKeyword() === 'HEALTHCHECK').map(args);
    assert.equal(health.length, 1);
    assert.match(health[0]!, /\/healthz/);
    assert.match(args(runtime.find((i) => i.getKeyword() === 'CMD')!), /dist\/bot\/main\.js/);
    assert.match(args(runtime.find((i) => i.getKeyword() === 'EXPOSE')!), /^3978$/);
  });

  it('keeps secrets, tests and local state out of the build context (.dockerignore)', () => {
    const ignore = readFileSync(join(root, '.dockerignore'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    assert.equal(ignore[0], '**', 'ignore everything, then allow what the build needs');
    const allowed = ignore.filter((l) => l.startsWith('!')).map((l) => l.slice(1));
    for (const kept of allowed) assert.doesNotMatch(kept, /^(node_modules|\.local|\.git|env|test|\.env)/);
    for (const copied of dockerfile
      .getInstructions()
      .filter((i) => i.getKeyword() === 'COPY')
      .map(args)) {
      if (copied.startsWith('--from')) continue;
      for (const src of copied.split(/\s+/).slice(0, -1))
        assert.ok(
          allowed.some((a) => a === src || a.startsWith(`${src}/`)),
          `${src} is not in the build context`,
        );
    }
  });

  it('builds where Docker and its base image are already here', function () {
    this.timeout(600_000);
    const image = /ARG NODE_IMAGE=(\S+)/.exec(text)![1]!;
    if (!dockerWithBaseImage(image)) this.skip(); // no Docker daemon here, or it would have to pull
    execFileSync('docker', ['build', '--pull=false', '-t', 'gatekeeper:test', root], { stdio: 'pipe' });
  });
});
