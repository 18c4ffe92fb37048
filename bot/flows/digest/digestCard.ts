import { z } from 'zod';
import template from '../../../cards/templates/digest.json';
import { assertFitsTeams, cardMessageBytes, TEAMS_MESSAGE_LIMIT_BYTES } from '../../../cards/limits';
import { renderTemplate, type AdaptiveCard } from '../../../cards/render';
import type { DigestCardData, DigestCardItem, FindingAction } from '../../../services/digest/cardData';
import { digestChartDataUri } from './digestChart';

/** What the digest notification carries: the card content, actions taken, and the recipient's links. */
export type DigestCardInput = DigestCardData & {
  actions: Record<string, FindingAction>;
  allCsv: string;
  csv: Record<string, string>;
  chartUrl?: string;
};

const Shape = z.object({
  runId: z.string(),
  title: z.string(),
  sections: z.array(z.object({ id: z.string(), items: z.array(z.object({ key: z.string() })) })),
  actions: z.record(z.string(), z.unknown()),
  allCsv: z.string(),
  csv: z.record(z.string(), z.string()),
});

/** The digest card; with too many items for Teams' 28 KB, fewer items per section (the CSV has them all). */
export function renderDigestCard(input: Record<string, unknown>): AdaptiveCard {
  Shape.parse(input);
  const data = input as unknown as DigestCardInput;
  for (let perSection = 6; perSection >= 0; perSection--) {
    const card = renderTemplate(template, digestCardView(data, perSection));
    if (cardMessageBytes(card) <= TEAMS_MESSAGE_LIMIT_BYTES || perSection === 0) {
      assertFitsTeams(card, 'digest');
      return card;
    }
  }
  throw new Error('unreachable');
}

function item(data: DigestCardInput, i: DigestCardItem) {
  const action = data.actions[i.key];
  return {
    ...i,
    statusLabel: i.status ? `${i.status.toUpperCase()} ` : '',
    actionText: action ? action.message : '',
    showEnable: i.canEnableAuditing && action?.outcome !== 'done',
  };
}

/** The template's data for a card showing at most `perSection` items per section. */
export function digestCardView(data: DigestCardInput, perSection: number) {
  const mailboxes = data.mailboxCount === 1 ? '1 mailbox' : `${data.mailboxCount} mailboxes`;
  return {
    runId: data.runId,
    title: data.title,
    subtitle: `${mailboxes} checked; collected ${data.generatedAt.slice(0, 16).replace('T', ' ')} UTC`,
    hasScore: !!data.score,
    score: data.score && {
      ...data.score,
      chartAlt: `Chart. Secure Score by week: ${data.score.points.join(', ')}. Findings by section: ${data.sections.map((s) => `${s.title} ${s.count}`).join(', ')}.`,
    },
    chartUrl:
      data.chartUrl ??
      (data.score && data.score.points.length > 0
        ? digestChartDataUri(
            data.score.points,
            data.sections.map((s) => s.count),
          )
        : ''),
    allCsv: data.allCsv,
    sections: data.sections.map((s) => {
      const shown = s.items.slice(0, perSection);
      return {
        ...s,
        changeLine: [s.change, s.movement].filter(Boolean).join(' · '),
        items: shown.map((i) => item(data, i)),
        more: s.more + (s.items.length - shown.length),
        apart: s.apart.slice(0, perSection),
        fixed: s.fixed.slice(0, perSection),
        csvUrl: data.csv[s.id] ?? data.allCsv,
      };
    }),
  };
}
