import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { PNG } from 'pngjs';
import {
  hostConfig,
  rendererProblems,
  sampleCards,
  THEMES,
  type AdaptiveCardsLib,
  type Theme,
} from '../../../scripts/cardPreview';

/** The browser globals the renderer reads: the basics and every element class. */
const BASICS = ['window', 'document', 'navigator', 'Node', 'Element', 'getComputedStyle'];

/**
 * Every card, from its template's sample data, through the Adaptive Cards JS renderer (the one Teams'
 * web client uses) under jsdom with each Teams host config: no parse warning, no validation event.
 * `npm run cards:render` does the same in Chromium and writes the pictures this test looks for.
 */
describe('cards in the Adaptive Cards JS renderer', () => {
  let AC: AdaptiveCardsLib;
  const saved = new Map<string, unknown>();
  before(() => {
    const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
    const g = globalThis as Record<string, unknown>;
    const w = window as unknown as Record<string, unknown>;
    const names = Object.getOwnPropertyNames(window).filter(
      (n) => BASICS.includes(n) || /^(HTML|SVG)\w*Element$/.test(n),
    );
    for (const name of names) {
      saved.set(name, g[name]);
      const value =
        typeof w[name] === 'function' && name === 'getComputedStyle'
          ? window.getComputedStyle.bind(window)
          : w[name];
      Object.defineProperty(g, name, { value, configurable: true, writable: true });
    }
    // Loaded once the DOM globals exist: the library reads them as it loads.
    AC = createRequire(__filename)('adaptivecards') as AdaptiveCardsLib;
  });
  after(() => {
    const g = globalThis as Record<string, unknown>;
    for (const [name, value] of saved) {
      if (value === undefined) delete g[name];
      else Object.defineProperty(g, name, { value, configurable: true, writable: true });
    }
  });

  const cards = sampleCards();
  for (const theme of Object.keys(THEMES) as Theme[]) {
    it(`renders every card without a warning in Teams' ${theme} theme`, () => {
      for (const { name, card } of cards)
        assert.deepEqual(rendererProblems(AC, card, hostConfig(theme)), [], name);
    });
  }

  it('reports what the renderer warns about', () => {
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlok', text: 'x' }] };
    assert.match(rendererProblems(AC, card, hostConfig('light')).join('\n'), /TextBlok/);
  });

  it('has a picture of every card in every theme in docs/cards (npm run cards:render)', () => {
    assert.ok(cards.length >= 12);
    for (const { name } of cards) {
      for (const theme of Object.keys(THEMES)) {
        const file = join(__dirname, '../../../docs/cards', `${name}.${theme}.png`);
        assert.ok(existsSync(file), `${file} is missing`);
        assert.equal(PNG.sync.read(readFileSync(file)).width, 492, file);
      }
    }
  });
});
