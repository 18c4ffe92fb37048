/**
 * Clicks through Microsoft 365 Agents Playground's chat page like a person: types, presses card
 * buttons, fills card inputs, and waits for what the bot shows. Every wait that runs out is a dead end.
 */
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { setTimeout as sleep } from 'node:timers/promises';

/** Thrown when the page never shows what the journey expects: the newcomer would be stuck there. */
export class DeadEndError extends Error {}

/** The Playground's own warning about `refresh`, which it cannot render (a Teams feature, see README). */
const KNOWN_WARNINGS = [/User specific view is not supported/];

/** Only loopback: the page's fonts and animations from a CDN are refused, never fetched. */
function loopbackOnly(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
}

/** One Playground chat page, as one demo user. */
export class PlaygroundPage {
  private constructor(private readonly page: Page) {}

  /** Opens the Playground's chat (it must already listen on `url`). */
  static async open(browser: Browser, url: string): Promise<PlaygroundPage> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.setRequestInterception(true);
    page.on('request', (r) => void (loopbackOnly(r.url()) ? r.continue() : r.abort()));
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const pg = new PlaygroundPage(page);
    await pg.page.waitForSelector('[data-lexical-editor="true"]', { timeout: 30_000 });
    return pg;
  }

  /** Types a message in the compose box and sends it. */
  async say(text: string): Promise<void> {
    await this.page.click('[data-lexical-editor="true"]');
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** Text of every Adaptive Card in the chat, oldest first. */
  cards(): Promise<string[]> {
    return this.page.$$eval('.ac-adaptiveCard', (cs) => cs.map((c) => (c as HTMLElement).innerText));
  }

  /** Waits until one card shows every text of `texts`; a dead end otherwise. Returns that card's text. */
  async waitForCard(texts: string | string[], timeoutMs = 30_000): Promise<string> {
    const all = typeof texts === 'string' ? [texts] : texts;
    const until = Date.now() + timeoutMs;
    for (;;) {
      const hit = (await this.cards()).reverse().find((c) => all.every((t) => c.includes(t)));
      if (hit) return hit;
      if (Date.now() > until)
        throw new DeadEndError(
          `No card says ${all.map((t) => `"${t}"`).join(' and ')} after ${timeoutMs / 1000} s`,
        );
      await sleep(500);
    }
  }

  /**
   * Presses the newest card button titled `title`; with `after`, the first such button that follows
   * that text in the newest card showing it (a row's own button in a list); with `card`, only in the
   * newest card that shows that text.
   */
  async click(title: string, where: { after?: string; card?: string } = {}): Promise<void> {
    const { after, card: inCard } = where;
    const until = Date.now() + 15_000; // the card may still be on its way
    for (;;) {
      const button = await this.findButton(title, after, inCard);
      // A real mouse click: the Playground's React handlers do not always see a bare element.click().
      if (button) return button.click();
      if (Date.now() > until) break;
      await sleep(300);
    }
    throw new DeadEndError(
      `No "${title}" button${after ? ` after "${after}"` : ''}${inCard ? ` in a card with "${inCard}"` : ''}`,
    );
  }

  private async findButton(title: string, after?: string, inCard?: string) {
    const found = await this.page.evaluateHandle(
      (t, near, only) => {
        const cards = [...document.querySelectorAll('.ac-adaptiveCard')]
          .reverse()
          .filter((c) => !only || (c as HTMLElement).innerText.includes(only));
        for (const card of cards) {
          const label = near
            ? [...card.querySelectorAll('.ac-textRun, .ac-textBlock')].find((e) =>
                e.textContent?.includes(near),
              )
            : undefined;
          if (near && !label) continue;
          const buttons = [...card.querySelectorAll('button')].filter(
            (b) =>
              b.getAttribute('aria-label') === t &&
              (!label || label.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING),
          );
          const b = near ? buttons[0] : buttons.at(-1);
          if (b) return b;
        }
        return null;
      },
      title,
      after,
      inCard,
    );
    return found.asElement() as ElementHandle<Element> | null;
  }

  /** Types into the newest input labelled `label` (a text box or area), in the newest card with `card`. */
  async fill(label: string, value: string, card?: string): Promise<void> {
    await sleep(2500); // a card just shown may render once more, emptying what was typed too early
    const input = await this.inputOf(label, card);
    await this.page.click(input);
    await this.page.keyboard.type(value);
    const now = await this.page.$eval(input, (e) => (e as HTMLInputElement).value);
    if (now !== value) throw new DeadEndError(`"${label}" holds "${now}" after typing "${value}"`);
  }

  /** Picks `option` in the newest card drop-down labelled `label`. */
  async choose(label: string, option: string): Promise<void> {
    await sleep(2500); // as in fill
    await this.page.click(await this.inputOf(label));
    const opt = await this.page.waitForSelector(`::-p-aria([name="${option}"][role="option"])`, {
      timeout: 5000,
    });
    await opt!.click();
  }

  private async inputOf(label: string, card?: string): Promise<string> {
    // The card may still be on its way: look again for a while before calling it a dead end.
    const until = Date.now() + 15_000;
    let id: string | null | undefined;
    while (!id && Date.now() < until) {
      if (id === null) await sleep(300);
      id = await this.page.$$eval(
        '.ac-adaptiveCard',
        (cs, l, only) =>
          cs
            .filter((c) => !only || (c as HTMLElement).innerText.includes(only))
            .flatMap((c) => [...c.querySelectorAll('label')])
            .filter((x) => x.textContent?.includes(l))
            .at(-1)
            ?.getAttribute('for'),
        label,
        card,
      );
      id ??= null;
    }
    if (!id) throw new DeadEndError(`No input labelled "${label}"`);
    return `[id="${id}"]`;
  }

  /** The Playground's log lines that warn about a card, less the known one (see KNOWN_WARNINGS). */
  async warnings(): Promise<string[]> {
    const text = await this.page.$eval('body', (b) => (b as HTMLElement).innerText);
    return text
      .split('\n')
      .filter((l) => /Warning:|Error:/.test(l))
      .filter((l) => !KNOWN_WARNINGS.some((k) => k.test(l)));
  }

  /** A small PNG of the chat column (not the Playground's side panels). */
  async screenshot(path: string): Promise<void> {
    await sleep(700); // let the card settle after an update
    await this.page.screenshot({ path, clip: { x: 330, y: 48, width: 620, height: 852 } });
  }

  /** Closes the page. */
  close(): Promise<void> {
    return this.page.close();
  }
}
