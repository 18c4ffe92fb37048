/**
 * Clicks through the access journey in Microsoft 365 Agents Playground against `npm start`'s demo
 * mode, as Adele (requests), Megan (approves one, denies one) and Lee (stage 2, alternate approver),
 * and saves a screenshot of each step under docs/playground/. Exits non-zero at the first dead end.
 *
 *   sudo npm run playground:walk        (root: it makes a loopback-only network namespace)
 *
 * Not part of `npm test` or CI: it needs root and Chromium (/usr/bin/chromium, or CHROMIUM_PATH).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { DeadEndError, PlaygroundPage } from './playground/driver';
import { JOURNEY, type Step } from './playground/journey';
import { ensureNamespace, onlyLoopback, rerunInside } from './playground/netns';
import { PLAYGROUND_PORT, startBot, startPlayground, type Started } from './playground/processes';

const INSIDE = '--inside-netns';
const repo = resolve(__dirname, '..');
const shots = join(repo, 'docs/playground');
const logs = join(repo, '.local/playground');

async function asUser(browser: Browser, alias: string, steps: Step[]): Promise<void> {
  const pg: Started = await startPlayground(repo, alias, logs);
  let page: PlaygroundPage | undefined;
  try {
    page = await PlaygroundPage.open(browser, `http://localhost:${PLAYGROUND_PORT}`);
    for (const step of steps) {
      console.log(`  ${alias}: ${step.name}`);
      try {
        await step.run(page);
      } catch (err) {
        await page.screenshot(join(logs, `dead-end-${step.shot}.png`));
        throw err;
      }
      const warnings = await page.warnings();
      if (warnings.length)
        throw new DeadEndError(`Card warnings after "${step.name}": ${warnings.join('; ')}`);
      await page.screenshot(join(shots, `${step.shot}.png`));
    }
  } finally {
    await page?.close();
    await pg.stop();
  }
}

async function inside(): Promise<number> {
  // Belt and braces: never run the Playground where it could reach anything but loopback.
  if (!onlyLoopback()) throw new Error('Refusing to run: this network namespace has more than loopback');
  mkdirSync(shots, { recursive: true });
  mkdirSync(logs, { recursive: true });
  const bot = await startBot(repo, logs);
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-sync',
    ],
  });
  try {
    for (const { alias, steps } of JOURNEY) await asUser(browser, alias, steps);
    console.log(`The journey has no dead end. Screenshots: ${shots}`);
    return 0;
  } catch (err) {
    console.error(`Dead end: ${err instanceof Error ? err.message : String(err)}`);
    console.error(`Logs and the last screen: ${logs}`);
    return 1;
  } finally {
    await browser.close();
    await bot.stop();
  }
}

if (process.argv.includes(INSIDE)) {
  inside().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(2);
    },
  );
} else {
  ensureNamespace();
  process.exit(rerunInside(INSIDE));
}
