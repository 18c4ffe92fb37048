import { cardOf, cardText } from '../../../emulator/teams/cards';
import type { Recorded } from '../../../emulator/teams/channel';
import { parse } from 'csv-parse/sync';

/** Every Action.OpenUrl of a card, by title. */
export function openUrls(card: unknown): { title: string; url: string }[] {
  const out: { title: string; url: string }[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (o.type === 'Action.OpenUrl') out.push({ title: String(o.title), url: String(o.url) });
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** The digest card's text, one section at a time (a section starts with "<title>: <count>"). */
export function sectionText(r: Recorded | Record<string, unknown>, title: string): string {
  const text = 'alias' in r ? cardText(cardOf(r as Recorded)) : cardText(r);
  const start = text.indexOf(`${title}: `);
  if (start < 0) throw new Error(`No section ${title} in ${text}`);
  const end = text.indexOf('Download CSV', start);
  return text.slice(start, end);
}

/** GETs a URL; the body as text. */
export async function fetchText(url: string): Promise<{ status: number; body: string; type: string }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.text(), type: res.headers.get('content-type') ?? '' };
}

/** A CSV body as rows of cells (byte order mark dropped). */
export function csvRows(body: string): string[][] {
  return parse(body.replace(/^\ufeff/, ''), { relax_column_count: false }) as string[][];
}
