import { strict as assert } from 'node:assert';
import { MAX_COMMAND_CHARS, matchIntent, normalise } from '../../../bot/commands';

const MB = 1 << 20;

// What the parser makes of texts built to be slow (their speed is in `npm run bench`, never here).
describe('text commands: long and hostile texts', () => {
  it('reads only the first MAX_COMMAND_CHARS characters of a text', () => {
    const text = `request access ${'x'.repeat(MB)} tail`;
    const match = matchIntent(text);
    assert.equal(match?.intent, 'requestAccess');
    assert.equal(match?.rest, 'x'.repeat(MAX_COMMAND_CHARS - 'request access '.length));
    assert.doesNotMatch(match?.rest ?? '', /tail/);
  });

  it('does not see a command word that comes after the cut', () => {
    assert.equal(matchIntent(`${' '.repeat(MAX_COMMAND_CHARS)}help`), undefined);
    assert.equal(matchIntent(`help${' '.repeat(5_000)}banana`)?.rest, '');
  });

  it("parses 'a', 200k spaces, 'b' (the quadratic case) as 'a'", () => {
    assert.equal(normalise(`a${' '.repeat(200_000)}b`), 'a');
    assert.equal(matchIntent(`a${' '.repeat(200_000)}b`), undefined);
    assert.equal(normalise(`a${' '.repeat(200_000)}b`, Infinity), 'a b');
  });

  it('parses megabytes of unclosed or line-broken mentions without losing the text around them', () => {
    assert.equal(normalise('<at>'.repeat(MB / 4), Infinity), '<at>'.repeat(MB / 4));
    assert.equal(
      normalise(`${'<at>\n'.repeat(1000)}</at> help`, Infinity),
      `${'<at> '.repeat(1000)}</at> help`,
    );
    assert.equal(normalise(`${'<at>Bot</at>'.repeat(50_000)} Help!`, Infinity), 'help');
  });

  it('keeps the meaning of mentions and punctuation', () => {
    assert.equal(normalise('<AT>Gatekeeper</at>  My   Requests!!'), 'my requests');
    assert.equal(normalise('<at>first\nline</at> help'), '<at>first line</at> help');
    assert.equal(normalise('<at>a</at> x <at>b</at> y <at>'), 'x y <at>');
    assert.equal(normalise(' ,.!\t'), '');
  });
});
