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

/** An input filled in by the walk, to fill in again if the Playground redraws its card. */
interface Typed {
  label: string;
  value: string;
  card?: string;
  choice?: boolean;
}

/** One Playground chat page, as one demo user. */
export class PlaygroundPage {
  /** What was typed since the last press: a redrawn card loses it (see click). */
  private typed: Typed[] = [];

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
    const form = this.typed.splice(0);
    await this.press(title, where, form);
    // The Playground sometimes draws a card again while other messages and updates arrive, and a card
    // drawn again has empty inputs: a press can meet an emptied form, and the card's own checks stop it
    // ("Please …"). A person would type again and press again; so does the walk, once.
    if (form.length && (await this.rejected(form))) {
      console.log(`    (the form was refused, emptied: typing again)`);
      await this.press(title, where, form);
      if (await this.rejected(form))
        throw new DeadEndError(`"${title}" was refused twice with the form filled in`);
    }
  }

  private async press(title: string, where: { after?: string; card?: string }, form: Typed[]) {
    const { after, card: inCard } = where;
    const until = Date.now() + 15_000; // the card may still be on its way
    for (;;) {
      const button = await this.findButton(title, after, inCard);
      if (button) {
        await this.restore(form);
        // A real mouse click: the Playground's React handlers do not always see a bare element.click().
        return button.click();
      }
      if (Date.now() > until) break;
      await sleep(300);
    }
    throw new DeadEndError(
      `No "${title}" button${after ? ` after "${after}"` : ''}${inCard ? ` in a card with "${inCard}"` : ''}`,
    );
  }

  /** Types again what a card drawn anew lost. */
  private async restore(form: Typed[]): Promise<void> {
    const lost = [];
    for (const t of form) if (!(await this.holds(t))) lost.push(t);
    if (lost.length) console.log(`    (the Playground drew the form again, empty: typing again)`);
    for (const t of lost) await this.typeInto(t);
  }

  /** True when the form's card shows its own "Please …" check under an input that is empty again. */
  private async rejected(form: Typed[]): Promise<boolean> {
    await sleep(1500);
    for (const t of form) {
      const card = await this.page.$$eval(
        '.ac-adaptiveCard',
        (cs, l, only) =>
          cs
            .filter((c) => !only || (c as HTMLElement).innerText.includes(only))
            .filter((c) => [...c.querySelectorAll('label')].some((x) => x.textContent?.includes(l)))
            .map((c) => (c as HTMLElement).innerText)
            .at(-1),
        t.label,
        t.card,
      );
      if (card && /\bPlease\b/.test(card) && !(await this.holds(t))) return true;
    }
    return false;
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
    const t: Typed = { label, value, card };
    await this.typeInto(t);
    const now = await this.valueOf(t);
    if (now !== value) throw new DeadEndError(`"${label}" holds "${now}" after typing "${value}"`);
    this.typed.push(t);
  }

  /** Picks `option` in the newest card drop-down labelled `label`. */
  async choose(label: string, option: string): Promise<void> {
    await sleep(2500); // as in fill
    const t: Typed = { label, value: option, choice: true };
    await this.typeInto(t);
    this.typed.push(t);
  }

  private async typeInto(t: Typed): Promise<void> {
    const input = await this.inputOf(t.label, t.card);
    await this.page.click(input);
    if (t.choice) {
      const opt = await this.page.waitForSelector(`::-p-aria([name="${t.value}"][role="option"])`, {
        timeout: 5000,
      });
      return opt!.click();
    }
    // Select what an emptied-then-refilled box may still hold, so typing replaces it.
    await this.page.$eval(input, (e) => (e as HTMLInputElement).select?.());
    await this.page.keyboard.type(t.value);
  }

  /** Whether the input still shows what was typed or picked (a drop-down shows its option's title). */
  private async holds(t: Typed): Promise<boolean> {
    const now = await this.valueOf(t);
    return t.choice ? now.toLowerCase().includes(t.value.toLowerCase()) : now === t.value;
  }

  /** What the input shows now: a text box's value, or a drop-down's shown option. */
  private async valueOf(t: Typed): Promise<string> {
    const input = await this.inputOf(t.label, t.card);
    return this.page.$eval(input, (e) => (e as HTMLInputElement).value || (e.textContent ?? '').trim());
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
    await this.restore(this.typed); // show what the person typed, as they would see it
    await this.page.screenshot({ path, clip: { x: 330, y: 48, width: 620, height: 852 } });
  }

  /** Closes the page. */
  close(): Promise<void> {
    return this.page.close();
  }
}
