import { strict as assert } from 'node:assert';
import { HOSTILE, PLAIN_TEXT_CASES } from './plainText.cases';

interface Shown {
  where: string;
  text: string;
  /** Adaptive Cards render markdown in TextBlock.text, Fact.title and Fact.value (Teams, "Text formatting in cards"). */
  markdown: boolean;
}

/** Every string on the card, and whether Teams would read it as markdown. */
function strings(node: unknown, where = 'card', inFactSet = false, out: Shown[] = []): Shown[] {
  if (typeof node === 'string') out.push({ where, text: node, markdown: false });
  else if (Array.isArray(node)) node.forEach((n, i) => strings(n, `${where}[${i}]`, inFactSet, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(o)) {
      const path = `${where}.${key}`;
      const markdown =
        (o.type === 'TextBlock' && key === 'text') || (inFactSet && (key === 'title' || key === 'value'));
      if (typeof value === 'string') out.push({ where: path, text: value, markdown });
      else strings(value, path, o.type === 'FactSet' && key === 'facts', out);
    }
  }
  return out;
}

describe('cards show text from users and from Entra as plain text', () => {
  for (const [name, render] of PLAIN_TEXT_CASES) {
    it(name, () => {
      const shown = strings(render());
      const hostile = shown.filter((s) => s.text.includes('Approve here'));
      assert.ok(hostile.length > 0, 'the text is on the card');
      for (const s of hostile) {
        assert.ok(!s.markdown, `${s.where} is rendered as markdown: ${s.text}`);
        // Whole and unchanged: no template expression expanded, no character dropped or escaped.
        assert.ok(s.text.includes(HOSTILE), `${s.where} changed the text: ${s.text}`);
      }
      const runs = shown.filter((s) => /\.inlines\[\d+\]\.text$/.test(s.where) && s.text.includes(HOSTILE));
      assert.ok(runs.length > 0, 'shown in a TextRun (plain text)');
      for (const s of shown.filter((x) => x.markdown))
        assert.doesNotMatch(s.text, /\]\(|\*\*|<at>|\$\{/, `${s.where} holds markup: ${s.text}`);
    });
  }
});
