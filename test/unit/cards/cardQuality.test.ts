import { strict as assert } from 'node:assert';
import { assertValidCard, contrastRatio, lowContrastTexts } from '../../support/cardChecks';
import { PLAIN_TEXT_CASES } from './plainText.cases';

describe('every card as the renderers build it', () => {
  for (const [name, render] of PLAIN_TEXT_CASES) {
    describe(name, () => {
      it('is a valid Adaptive Card 1.5 under the Teams size limit', () => {
        assertValidCard(render(), name);
      });

      it("keeps every text readable (4.5:1) on its container in Teams' light, dark and high contrast themes", () => {
        assert.deepEqual(lowContrastTexts(render()), []);
      });
    });
  }
});

describe('contrast check', () => {
  it('computes WCAG ratios and finds the light theme\'s "Good" text unreadable', () => {
    assert.equal(contrastRatio('#000000', '#ffffff').toFixed(1), '21.0');
    assert.ok(contrastRatio('#92c353', '#ffffff') < 3);
    const card = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Approved', color: 'Good' }] }],
    };
    assert.equal(lowContrastTexts(card).length, 1);
    const styled = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Container', style: 'good', items: card.body }],
    };
    assert.equal(
      lowContrastTexts({
        ...styled,
        body: [
          {
            ...styled.body[0],
            items: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Approved' }] }],
          },
        ],
      }).length,
      0,
    );
  });
});
