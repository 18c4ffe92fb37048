import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderTemplate, type AdaptiveCard } from '../cards/render';

const CARDS = join(__dirname, '../cards');

/** Teams' themes, each with its host config (cards/schema/teams-host-config-*.json) and page colour. */
export const THEMES = {
  light: { hostConfig: 'teams-host-config-light.json', page: '#f5f5f5' },
  dark: { hostConfig: 'teams-host-config-dark.json', page: '#1f1f1f' },
  highcontrast: { hostConfig: 'teams-host-config-highcontrast.json', page: '#000000' },
} as const;

/** A theme's name: light, dark or highcontrast. */
export type Theme = keyof typeof THEMES;

/** A theme's host config, as parsed JSON. */
export function hostConfig(theme: Theme): object {
  return JSON.parse(readFileSync(join(CARDS, 'schema', THEMES[theme].hostConfig), 'utf8')) as object;
}

/** Every card template expanded with its sample data (cards/templates/x.json with x.sample.json). */
export function sampleCards(): { name: string; card: AdaptiveCard }[] {
  const dir = join(CARDS, 'templates');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.sample.json'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.json'.length);
      const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as object;
      return { name, card: renderTemplate(read(f), read(`${name}.sample.json`)) };
    });
}

/** The part of the adaptivecards package a check needs (it runs in jsdom or in Chromium). */
export interface AdaptiveCardsLib {
  AdaptiveCard: {
    onProcessMarkdown?: (text: string, result: { didProcess: boolean }) => void;
  } & (new () => {
    hostConfig: unknown;
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: { message: string }[] };
    render(): { outerHTML: string } | undefined;
  });
  HostConfig: new (json: unknown) => unknown;
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
}

/**
 * Parses, validates and renders a card with the Adaptive Cards JS renderer under a host config, as Teams'
 * web client does; returns every parse warning, validation event or render failure (none is fine).
 */
export function rendererProblems(AC: AdaptiveCardsLib, card: object, config: object): string[] {
  // Teams formats TextBlock markdown itself; without a processor the renderer shows the text as it is
  // (and says so once on the console, which is about this page, not about the card).
  AC.AdaptiveCard.onProcessMarkdown ??= (_text, result) => (result.didProcess = false);
  const problems: string[] = [];
  const warn = console.warn;
  // The renderer also reports some problems only on the console.
  console.warn = (...args: unknown[]) => problems.push(args.map(String).join(' '));
  try {
    const ac = new AC.AdaptiveCard();
    ac.hostConfig = new AC.HostConfig(config);
    const context = new AC.SerializationContext();
    ac.parse(card, context);
    for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
    problems.push(...ac.validateProperties().validationEvents.map((e) => e.message));
    if (!ac.render()) problems.push('the renderer produced nothing');
  } finally {
    console.warn = warn;
  }
  return problems;
}
