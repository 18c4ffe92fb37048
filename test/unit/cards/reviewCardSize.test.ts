import { strict as assert } from 'node:assert';
import { renderReviewCard } from '../../../bot/flows/reviews/reviewCard';
import { cardMessageBytes, TEAMS_MESSAGE_LIMIT_BYTES } from '../../../cards/limits';
import { reviewPage } from './reviewCards.cases';

describe('review card size', () => {
  it('a full page with every text at its longest stays under 28 KB', () => {
    // Entra display names reach 256 characters, reasons 500; multi-byte text weighs the most.
    const longest = '€'.repeat(600);
    const card = renderReviewCard(
      reviewPage(longest),
      { now: new Date(), timeZone: 'Europe/Berlin' },
      longest,
    );
    const bytes = cardMessageBytes(card);
    assert.ok(bytes < TEAMS_MESSAGE_LIMIT_BYTES, `${bytes} bytes`);
  });

  it('cuts long names on the card rather than growing past the limit', () => {
    const card = JSON.stringify(renderReviewCard(reviewPage('x'.repeat(600)), { now: new Date() }));
    assert.doesNotMatch(card, /x{400}/);
  });
});
