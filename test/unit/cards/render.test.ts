import { strict as assert } from 'node:assert';
import { Template } from 'adaptivecards-templating';
import sinon from 'sinon';
import { renderTemplate } from '../../../cards/render';
import errorTemplate from '../../../cards/templates/error.json';
import noticeTemplate from '../../../cards/templates/notice.json';

const copy = <T>(o: T): T => JSON.parse(JSON.stringify(o)) as T;

describe('renderTemplate', () => {
  afterEach(() => sinon.restore());

  it('parses a template once, however often it renders', () => {
    const template = copy(noticeTemplate);
    // Template.prepare (private in the typings) parses a payload; the constructor calls it.
    const prepare = sinon.spy(Template as unknown as { prepare(node: unknown): unknown }, 'prepare');
    for (let i = 0; i < 3; i += 1) renderTemplate(template, { title: `t${i}`, text: 'x', facts: [] });
    assert.equal(prepare.getCalls().filter((c) => c.args[0] === template).length, 1);
  });

  it('gives equal cards for equal data, each a new object', () => {
    const data = { title: 'Hello', text: 'World', facts: [{ title: 'a', value: 'b' }] };
    const first = renderTemplate(noticeTemplate, data);
    const second = renderTemplate(noticeTemplate, data);
    assert.deepEqual(second, first);
    assert.notEqual(second, first);
    assert.notEqual(second.body, first.body);
  });

  it('carries nothing from one render into the next', () => {
    const a = renderTemplate(errorTemplate, {
      title: 'A',
      message: 'alpha',
      code: 'codeA',
      reference: 'ref-a',
    });
    (a.body as unknown[]).push({ type: 'TextBlock', text: 'added later' });
    const b = renderTemplate(errorTemplate, { title: 'B', message: 'beta', code: 'codeB' });
    const text = JSON.stringify(b);
    for (const leaked of ['alpha', 'codeA', 'ref-a', 'added later'])
      assert.ok(!text.includes(leaked), leaked);
    assert.match(text, /Reference: codeB"/);
    const facts = renderTemplate(noticeTemplate, {
      title: 'x',
      text: 'y',
      facts: [{ title: 'f1', value: 'v1' }],
    });
    const none = renderTemplate(noticeTemplate, { title: 'x', text: 'y', facts: [] });
    assert.match(JSON.stringify(facts), /f1/);
    assert.doesNotMatch(JSON.stringify(none), /f1|FactSet/);
  });

  it('still refuses a template that is not a card', () => {
    assert.throws(() => renderTemplate({ type: 'TextBlock', text: '${x}' }, { x: 1 }), /AdaptiveCard/);
  });
});
