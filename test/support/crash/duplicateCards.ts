import { cardOf, cardText } from '../../../emulator/teams/cards';
import type { Recorded } from '../../../emulator/teams/channel';
import { itemIdOf } from './crashFlows';

/** What the store kept of one sent notification: its `notification.sent` audit event. */
export interface SentRecord {
  /** The event id: `notification:<item>:<key>`, one per notification the outbox sends. */
  eventId: string;
  activityId: string;
}

/** The cards the channel got more than once, and why each came again. */
export interface DuplicateCards {
  /** Every card that came more than once: "alias card ×n (activity ids)". */
  duplicateCards: string[];
  /** Cards sent again after a kill (a card sent 3 times counts 2), whatever the cause below. */
  duplicateCardCount: number;
  /**
   * Of those, sent again because the earlier send's id never reached the store: the kill landed
   * between the channel accepting the card and the bot recording its id. No retry can tell this card
   * from one that never arrived (Teams assigns activity ids and keeps no client key to dedupe on).
   */
  unrecordedResends: number;
  /** Sent again although the earlier send's id was on record: the retry should have updated it. */
  resentAlthoughRecorded: string[];
  /** The same card sent twice with no kill in between: never a crash's doing. */
  sentTwiceWithoutCrash: string[];
}

/**
 * Groups what the bot sent (not updates) by person and card — an approver's card and a status card by
 * the item they show, anything else by its first line (an outcome names its package) — and classifies
 * every repeat by the kills between (`kills`: the channel's record marks) and what the store recorded
 * (`recorded`). Two sends recorded under different notifications are two cards, not a repeat.
 */
export function duplicateCards(
  sent: readonly Recorded[],
  kills: readonly number[],
  recorded: readonly SentRecord[],
): DuplicateCards {
  const out: DuplicateCards = {
    duplicateCards: [],
    duplicateCardCount: 0,
    unrecordedResends: 0,
    resentAlthoughRecorded: [],
    sentTwiceWithoutCrash: [],
  };
  const eventOf = new Map(recorded.map((r) => [r.activityId, r.eventId]));
  for (const [key, records] of groupSends(sent)) {
    if (records.length < 2) continue;
    let repeats = 0;
    records.slice(1).forEach((r, i) => {
      const before = records[i]!;
      const [was, is] = [eventOf.get(before.activityId), eventOf.get(r.activityId)];
      if (was && is && was !== is) return; // two notifications that look alike
      repeats++;
      const where = `${key} at ${before.seq}, ${r.seq}`;
      if (!kills.some((k) => k >= before.seq && k < r.seq)) out.sentTwiceWithoutCrash.push(where);
      else if (was) out.resentAlthoughRecorded.push(`${where} (${before.activityId} was recorded)`);
      else out.unrecordedResends++;
    });
    if (repeats === 0) continue;
    out.duplicateCards.push(`${key} ×${records.length} (${records.map((r) => r.activityId).join(', ')})`);
  }
  out.duplicateCardCount = out.unrecordedResends + out.resentAlthoughRecorded.length;
  return out;
}

function groupSends(sent: readonly Recorded[]): Map<string, Recorded[]> {
  const sends = new Map<string, Recorded[]>();
  for (const r of sent) {
    if (r.op === 'update' || r.op === 'delete' || !cardOf(r)) continue;
    const text = cardText(cardOf(r));
    const kind = /asks for/.test(text)
      ? 'approval'
      : /access\.status/.test(JSON.stringify(cardOf(r)))
        ? 'status'
        : '';
    const key = `${r.alias} ${kind ? `${kind} card of ${itemIdOf(r)}` : `"${text.split('\n')[0]}"`}`;
    sends.set(key, [...(sends.get(key) ?? []), r]);
  }
  return sends;
}
