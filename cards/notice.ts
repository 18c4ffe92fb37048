import template from './templates/notice.json';
import { renderTemplate, type AdaptiveCard } from './render';

/** A plain informational message: a title, a line of text and optional facts. */
export interface NoticeCardData {
  title: string;
  text: string;
  facts?: { title: string; value: string }[];
}

/** The card for simple notices that need no action. */
export function renderNoticeCard(data: NoticeCardData): AdaptiveCard {
  return renderTemplate(template, { ...data, facts: data.facts ?? [] });
}
