import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import { cardMessageBytes, TEAMS_MESSAGE_LIMIT_BYTES } from '../../cards/limits';
import type { AdaptiveCard } from '../../cards/render';

const cardsDir = join(__dirname, '../../cards');
const readJson = (path: string): object => JSON.parse(readFileSync(path, 'utf8')) as object;

let compiled: ValidateFunction | undefined;

/** The Adaptive Cards 1.5 schema (cards/schema), compiled once. */
export function cardSchema(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv({ allowUnionTypes: true, strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  // The card schema is draft-06, which names itself with `id`; ajv 8 only understands `$id`.
  const { id, ...schema } = readJson(join(cardsDir, 'schema/adaptive-card-1.5.json')) as { id?: string };
  compiled = ajv.compile({ $id: id, ...schema });
  return compiled;
}

/** Throws unless the card is a valid Adaptive Card 1.5 that Teams accepts for its size. */
export function assertValidCard(card: unknown, what: string): void {
  const validate = cardSchema();
  if (!validate(card)) {
    throw new Error(
      `${what}: not a valid Adaptive Card 1.5: ${JSON.stringify(validate.errors?.slice(0, 3))}`,
    );
  }
  const c = card as AdaptiveCard;
  if (c.version !== '1.5') throw new Error(`${what}: version ${c.version}, not 1.5`);
  // (Text may hold "${…}" as typed; a template key left behind means a template did not expand.)
  if (/"\$data"|"\$when"/.test(JSON.stringify(c))) throw new Error(`${what}: a template key left`);
  const bytes = cardMessageBytes(c);
  if (bytes > TEAMS_MESSAGE_LIMIT_BYTES) throw new Error(`${what}: ${bytes} bytes, over the Teams limit`);
}

type Rgb = [number, number, number];

/** '#ff252424' (ARGB) or '#252424' over a background, as the eye sees it. */
function blend(color: string, over: Rgb): Rgb {
  const hex = color.replace('#', '');
  const [a, rgb] = hex.length === 8 ? [parseInt(hex.slice(0, 2), 16) / 255, hex.slice(2)] : [1, hex];
  const c = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16)) as Rgb;
  return c.map((v, i) => Math.round(v * a + over[i]! * (1 - a))) as Rgb;
}

function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of text colour on a background colour. */
export function contrastRatio(text: string, background: string): number {
  const bg = blend(background, [255, 255, 255]);
  const fg = blend(text, bg);
  const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

interface HostConfig {
  containerStyles: Record<
    string,
    { backgroundColor: string; foregroundColors: Record<string, { default: string; subtle: string }> }
  >;
}

/** Teams' light, dark and high contrast host configs (cards/schema). */
export const HOST_CONFIGS: [name: string, config: HostConfig][] = ['light', 'dark', 'highcontrast'].map(
  (n) => [n, readJson(join(cardsDir, `schema/teams-host-config-${n}.json`)) as HostConfig],
);

/** Every text on the card whose colour on its container's background is below `min` in a host config. */
export function lowContrastTexts(card: unknown, min = 4.5): string[] {
  const out: string[] = [];
  for (const [name, host] of HOST_CONFIGS) {
    const walk = (n: unknown, style: string): void => {
      if (Array.isArray(n)) return n.forEach((x) => walk(x, style));
      if (!n || typeof n !== 'object') return;
      const o = n as Record<string, unknown>;
      const here =
        typeof o.style === 'string' && o.type !== undefined && o.style in host.containerStyles
          ? o.style
          : style;
      if ((o.type === 'TextRun' || o.type === 'TextBlock') && typeof o.text === 'string') {
        const s = host.containerStyles[here]!;
        const color = String(o.color ?? 'default').toLowerCase();
        const fg = s.foregroundColors[color] ?? s.foregroundColors.default!;
        const ratio = contrastRatio(o.isSubtle ? fg.subtle : fg.default, s.backgroundColor);
        if (ratio < min)
          out.push(`${name}: "${o.text.slice(0, 40)}" ${color} on ${here} ${ratio.toFixed(2)}:1`);
      }
      for (const v of Object.values(o)) walk(v, here);
    };
    walk(card, 'default');
  }
  return out;
}
