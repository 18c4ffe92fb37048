import { strict as assert } from 'node:assert';
import { COMMANDS, matchIntent } from '../../../bot/commands';
import { INTENT_CASES } from './commands.cases';

describe('text commands', () => {
  for (const [text, intent, rest] of INTENT_CASES) {
    it(`reads "${text}" as ${intent ?? 'nothing'}`, () => {
      const match = matchIntent(text);
      assert.equal(match?.intent, intent);
      if (intent) assert.equal(match?.rest, rest);
    });
  }

  it('gives every phrase to one intent only', () => {
    const phrases = COMMANDS.flatMap((c) => [c.keyword, ...c.synonyms]);
    assert.equal(new Set(phrases).size, phrases.length);
  });

  it('fits the Teams command menu (at most 10 commands, short titles)', () => {
    assert.ok(COMMANDS.length <= 10);
    for (const c of COMMANDS) assert.ok(c.keyword.length <= 32 && c.description.length <= 128, c.keyword);
  });
});
