import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import { renderTemplate, type AdaptiveCard } from '../../../cards/render';
import { cardMessageBytes, TEAMS_MESSAGE_LIMIT_BYTES } from '../../../cards/limits';
import { isVerb } from '../../../cards/verbs';

const cardsDir = join(__dirname, '../../../cards');
const templatesDir = join(cardsDir, 'templates');
const readJson = (path: string): object => JSON.parse(readFileSync(path, 'utf8')) as object;

function validator() {
  const ajv = new Ajv({ allowUnionTypes: true, strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  // The card schema is draft-06, which names itself with `id`; ajv 8 only understands `$id`.
  const { id, ...schema } = readJson(join(cardsDir, 'schema/adaptive-card-1.5.json')) as { id?: string };
  return ajv.compile({ $id: id, ...schema });
}

/** Every Action.Execute anywhere in the card, including nested ActionSets and ShowCards. */
function executeVerbs(node: unknown, found: unknown[] = []): unknown[] {
  if (Array.isArray(node)) node.forEach((n) => executeVerbs(n, found));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute') found.push(o.verb);
    Object.values(o).forEach((v) => executeVerbs(v, found));
  }
  return found;
}

const templates = readdirSync(templatesDir).filter((f) => f.endsWith('.json') && !f.endsWith('.sample.json'));

describe('card templates', () => {
  const validate = validator();

  it('finds the templates in cards/templates', () => {
    assert.ok(templates.includes('welcome.json') && templates.includes('error.json'), templates.join());
  });

  for (const file of templates) {
    describe(file, () => {
      const name = file.replace(/\.json$/, '');
      let card: AdaptiveCard;
      before(() => {
        card = renderTemplate(
          readJson(join(templatesDir, file)),
          readJson(join(templatesDir, `${name}.sample.json`)),
        );
      });

      it('is kebab-case and has sample data next to it', () => {
        assert.match(name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      });

      it('renders to a valid Adaptive Card 1.5', () => {
        assert.equal(card.version, '1.5');
        const ok = validate(card);
        assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 1));
      });

      it('leaves no template expression unresolved with its sample data', () => {
        assert.doesNotMatch(JSON.stringify(card), /\$\{|"\$data"|"\$when"/);
      });

      it('fits in a Teams message', () => {
        assert.ok(cardMessageBytes(card) < TEAMS_MESSAGE_LIMIT_BYTES, `${cardMessageBytes(card)} bytes`);
      });

      it('only uses known verbs', () => {
        for (const verb of executeVerbs(card)) assert.ok(isVerb(verb), `unknown verb ${String(verb)}`);
      });
    });
  }
});

describe('card schema validation', () => {
  it('rejects a card that Teams would not render', () => {
    const validate = validator();
    assert.equal(
      validate({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlok', text: 'x' }] }),
      false,
    );
    assert.equal(
      validate({ type: 'AdaptiveCard', version: '1.5', actions: [{ type: 'Action.Execute', vrb: 'x' }] }),
      false,
    );
  });

  it('measures a card over the Teams limit as too big', () => {
    const body = Array.from({ length: 400 }, (_, i) => ({
      type: 'TextBlock',
      text: `line ${i} `.repeat(10),
    }));
    assert.ok(cardMessageBytes({ type: 'AdaptiveCard', version: '1.5', body }) > TEAMS_MESSAGE_LIMIT_BYTES);
  });
});
