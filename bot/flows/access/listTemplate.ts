import template from '../../../cards/templates/access-list.json';
import { renderTemplate, type AdaptiveCard } from '../../../cards/render';
import type { Tone } from './tones';

/** A button of a list card. */
export interface Button {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

/** One row of a list card: what it is, its state, and what can be done with it. */
export interface Row {
  title: string;
  line: string;
  tone: Tone;
  detail: string;
  execute: Button[];
  confirm: (Button & { question: string; yesTitle: string })[];
  links: { title: string; url: string }[];
}

/** A row with no detail and no buttons unless given. */
export const row = (r: Partial<Row> & Pick<Row, 'title' | 'line'>): Row => ({
  tone: 'default',
  detail: '',
  execute: [],
  confirm: [],
  links: [],
  ...r,
});

/** The list card (access-list.json): heading, notes, rows and a Refresh. */
export function list(d: {
  heading: string;
  rows: Row[];
  emptyText: string;
  note?: string;
  notice?: string;
  refresh: Button;
}): AdaptiveCard {
  return renderTemplate(template, {
    heading: d.heading,
    notice: d.notice ?? '',
    emptyText: d.rows.length ? '' : d.emptyText,
    note: d.note ?? '',
    rows: d.rows,
    footer: [d.refresh],
  });
}
