import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { hostConfig, sampleCards, THEMES, type Theme } from './cardPreview';

// `npm run cards:render`: every card (template + sample data) rendered by the Adaptive Cards JS renderer
// with Teams' host configs, light, dark and high contrast, in headless Chromium (Debian's `chromium`;
// CHROMIUM_PATH to use another), to docs/cards/<card>.<theme>.png. Fails on any renderer warning.
const out = join(__dirname, '../docs/cards');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const library = readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js'), 'utf8');

/** How Teams draws buttons and inputs in each theme (the renderer leaves them to the host's CSS). */
const CONTROLS: Record<
  Theme,
  { button: string; input: string; border: string; text: string; cardBorder: string }
> = {
  light: { button: '#ffffff', input: '#ffffff', border: '#d1d1d1', text: '#242424', cardBorder: '#e0e0e0' },
  dark: { button: '#292929', input: '#1f1f1f', border: '#5c5c5c', text: '#ffffff', cardBorder: '#3d3d3d' },
  highcontrast: {
    button: '#000000',
    input: '#000000',
    border: '#ffffff',
    text: '#ffffff',
    cardBorder: '#ffffff',
  },
};

/**
 * The page: the renderer, a card column as wide as Teams' chat, the theme's background, and renderCard,
 * which checks a card as scripts/cardPreview.ts's rendererProblems does and shows it. Plain JavaScript in
 * a string: functions passed to the page are serialised, and the TypeScript loader rewrites them.
 */
function page(theme: Theme): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; background: ${THEMES[theme].page}; font-family: 'Segoe UI', 'Liberation Sans', sans-serif; }
    #card { width: 460px; padding: 16px; }
    #card > div { border-radius: 6px; overflow: hidden; border: 1px solid ${CONTROLS[theme].cardBorder}; }
    .ac-pushButton { font: 600 14px 'Segoe UI', 'Liberation Sans', sans-serif; padding: 5px 12px;
      border-radius: 4px; border: 1px solid ${CONTROLS[theme].border}; background: ${CONTROLS[theme].button};
      color: ${CONTROLS[theme].text}; }
    .ac-input, .ac-input select, .ac-input input, .ac-input textarea, select.ac-input, input.ac-input,
    textarea.ac-input { font: 14px 'Segoe UI', 'Liberation Sans', sans-serif; background: ${CONTROLS[theme].input};
      color: ${CONTROLS[theme].text}; border: 1px solid ${CONTROLS[theme].border}; border-radius: 4px;
      padding: 4px 8px; box-sizing: border-box; color-scheme: ${theme === 'light' ? 'light' : 'dark'}; }
  </style><script>${library}</script><script>
    window.renderCard = function (card, config) {
      var AC = window.AdaptiveCards;
      var problems = [];
      var warn = console.warn;
      console.warn = function () { problems.push(Array.prototype.join.call(arguments, ' ')); };
      if (!AC.AdaptiveCard.onProcessMarkdown)
        AC.AdaptiveCard.onProcessMarkdown = function (text, result) { result.didProcess = false; };
      var ac = new AC.AdaptiveCard();
      ac.hostConfig = new AC.HostConfig(config);
      var context = new AC.SerializationContext();
      ac.parse(card, context);
      for (var i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
      ac.validateProperties().validationEvents.forEach(function (e) { problems.push(e.message); });
      var element = ac.render();
      if (!element) problems.push('the renderer produced nothing');
      else document.getElementById('card').replaceChildren(element);
      console.warn = warn;
      return problems;
    };
  </script></head><body><div id="card"></div></body></html>`;
}

async function main(): Promise<void> {
  if (!existsSync(chromium)) throw new Error(`No Chromium at ${chromium}: apt-get install -y chromium`);
  mkdirSync(out, { recursive: true });
  const browser = await puppeteer.launch({
    executablePath: chromium,
    // Headless and offline: the page is built here, nothing is fetched.
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const tab = await browser.newPage();
    await tab.setRequestInterception(true);
    tab.on('request', (r) => void (r.url().startsWith('data:') ? r.continue() : r.abort()));
    let written = 0;
    for (const theme of Object.keys(THEMES) as Theme[]) {
      await tab.setContent(page(theme));
      for (const { name, card } of sampleCards()) {
        const problems = (await tab.evaluate(
          `window.renderCard(${JSON.stringify(card)}, ${JSON.stringify(hostConfig(theme))})`,
        )) as string[];
        if (problems.length) throw new Error(`${name} (${theme}): ${problems.join('; ')}`);
        const element = await tab.$('#card');
        writeFileSync(join(out, `${name}.${theme}.png`), await element!.screenshot({ type: 'png' }));
        written += 1;
      }
    }
    console.log(`${written} pictures written to docs/cards/`);
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
