import { strict as assert } from 'node:assert';
import type { Recorded } from '../../../emulator/teams/channel';
import { duplicateCards, type SentRecord } from '../../support/crash/duplicateCards';

/** A card as the channel records it: an outcome card whose first line is `title`. */
function card(seq: number, activityId: string, title: string, op: Recorded['op'] = 'reply'): Recorded {
  const content = { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: title }] };
  return {
    seq,
    op,
    conversationId: 'a:adele',
    activityId,
    alias: 'AdeleV',
    activity: { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content }] },
    authorized: true,
  };
}

const recorded = (activityId: string, key = 'requester:outcome'): SentRecord => ({
  eventId: `notification:ar-1:${key}`,
  activityId,
});

describe('crash run: duplicate cards and why they came again', () => {
  it('counts a card sent again after a kill whose first id never reached the store as the unrecorded window', () => {
    const sent = [card(1, 'a1', 'Approved'), card(5, 'a2', 'Approved')];
    const r = duplicateCards(sent, [3], [recorded('a2')]);
    assert.equal(r.duplicateCardCount, 1);
    assert.equal(r.unrecordedResends, 1);
    assert.deepEqual(r.resentAlthoughRecorded, []);
    assert.deepEqual(r.sentTwiceWithoutCrash, []);
    assert.equal(r.duplicateCards.length, 1);
  });

  it('names a card sent again although its first id was on record (the retry should have updated it)', () => {
    const sent = [card(1, 'a1', 'Approved'), card(5, 'a2', 'Approved')];
    const r = duplicateCards(sent, [3], [recorded('a1')]);
    assert.equal(r.duplicateCardCount, 1);
    assert.equal(r.unrecordedResends, 0);
    assert.deepEqual(r.resentAlthoughRecorded, ['AdeleV "Approved" at 1, 5 (a1 was recorded)']);
  });

  it('names a card sent twice with no kill in between, and does not count it as a crash duplicate', () => {
    const sent = [card(1, 'a1', 'Approved'), card(5, 'a2', 'Approved')];
    const r = duplicateCards(sent, [0, 5], []);
    assert.deepEqual(r.sentTwiceWithoutCrash, ['AdeleV "Approved" at 1, 5']);
    assert.equal(r.duplicateCardCount, 0);
  });

  it('does not count two notifications that only look alike, nor updates of a card', () => {
    const sent = [card(1, 'a1', 'Approved'), card(2, 'a1', 'Approved', 'update'), card(5, 'a2', 'Approved')];
    const r = duplicateCards(sent, [3], [recorded('a1', 'requester:outcome'), recorded('a2', 'watcher:lee')]);
    assert.equal(r.duplicateCardCount, 0);
    assert.deepEqual(r.duplicateCards, []);
  });

  it('counts a card sent three times as two repeats', () => {
    const sent = [card(1, 'a1', 'Approved'), card(4, 'a2', 'Approved'), card(7, 'a3', 'Approved')];
    const r = duplicateCards(sent, [2, 5], [recorded('a3')]);
    assert.equal(r.duplicateCardCount, 2);
    assert.equal(r.unrecordedResends, 2);
  });
});
