import type { GraphRequest } from '../../routing';
import { GraphHttpError } from '../../routing';

type Row = Record<string, unknown>;

/**
 * A Graph entity type as the emulator serves it: its structural properties, and its navigation
 * properties with the shape (a key of the same registry) of what they lead to. Views carry more (every
 * navigation, and aids for `$filter` such as a request's target); answers carry only what the type has.
 */
export interface EntityShape {
  /** The type's name, e.g. `microsoft.graph.accessPackageAssignmentRequest`, as 400s name it. */
  type: string;
  properties: readonly string[];
  /** Navigation property → shape of its target; undefined = passed through as the view has it. */
  navigation: Readonly<Record<string, string | undefined>>;
}

/** The shapes of one API family, by key. */
export type ShapeRegistry = Readonly<Record<string, EntityShape>>;

/** One `$expand` item with its nested options: `assignment($expand=target;$select=id)`. */
interface ExpandItem {
  name: string;
  expand?: string;
  select?: string;
}

/** Splits at `sep` outside parentheses. */
function splitTop(raw: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of raw) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === sep && depth === 0) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

function parseExpand(raw: string | undefined | null): ExpandItem[] {
  if (!raw) return [];
  return splitTop(raw, ',').map((part) => {
    const m = /^([^(]+)(?:\((.*)\))?$/s.exec(part);
    const item: ExpandItem = { name: (m?.[1] ?? part).trim() };
    for (const option of splitTop(m?.[2] ?? '', ';')) {
      const [key = '', ...rest] = option.split('=');
      const value = rest.join('=').trim();
      if (key.trim().toLowerCase() === '$expand') item.expand = value;
      if (key.trim().toLowerCase() === '$select') item.select = value;
    }
    return item;
  });
}

const unknownProperty = (name: string, shape: EntityShape) =>
  new GraphHttpError(400, 'BadRequest', `Could not find a property named '${name}' on type '${shape.type}'.`);

/**
 * What a query asks of one type, checked the way Graph checks it: `$select` of a property the type lacks
 * and `$expand` of anything but one of its navigation properties answer 400 (nested options too).
 */
export class Shaper {
  private readonly select?: string[];
  private readonly expand: { item: ExpandItem; nested?: Shaper }[];

  constructor(
    private readonly registry: ShapeRegistry,
    private readonly key: string,
    select: string | undefined | null,
    expand: string | undefined | null,
  ) {
    const shape = this.shape;
    const selected = select
      ? select
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined;
    for (const name of selected ?? []) {
      if (name !== '*' && !shape.properties.includes(name) && !(name in shape.navigation))
        throw unknownProperty(name, shape);
    }
    this.select = selected?.includes('*') ? undefined : selected;
    const items = parseExpand(expand);
    const all = items.some((i) => i.name === '*');
    const names = all ? Object.keys(shape.navigation) : items.map((i) => i.name);
    this.expand = names.map((name) => {
      if (!(name in shape.navigation)) {
        if (shape.properties.includes(name)) {
          throw new GraphHttpError(
            400,
            'BadRequest',
            `Property '${name}' on type '${shape.type}' is not a navigation property or complex property. Only navigation properties can be expanded.`,
          );
        }
        throw unknownProperty(name, shape);
      }
      const item = items.find((i) => i.name === name) ?? { name };
      const target = shape.navigation[name];
      return { item, nested: target ? new Shaper(registry, target, item.select, item.expand) : undefined };
    });
  }

  /** The request's `$select` and `$expand` for the shape `key` of `registry`. */
  static of(req: GraphRequest, registry: ShapeRegistry, key: string): Shaper {
    return new Shaper(registry, key, req.query.get('$select'), req.query.get('$expand'));
  }

  private get shape(): EntityShape {
    const shape = this.registry[this.key];
    if (!shape) throw new Error(`emulator: no shape '${this.key}'`);
    return shape;
  }

  /** The item as Graph sends it: selected (or all) properties, annotations, and expanded navigations. */
  apply = (item: Row): Row => {
    const out: Row = {};
    for (const [k, v] of Object.entries(item)) if (k.startsWith('@odata.')) out[k] = v;
    for (const name of this.select ?? this.shape.properties) if (name in item) out[name] = item[name];
    for (const { item: e, nested } of this.expand) {
      const value = item[e.name];
      out[e.name] =
        value === undefined
          ? null
          : nested && Array.isArray(value)
            ? value.map((v) => nested.apply(v as Row))
            : nested && value && typeof value === 'object'
              ? nested.apply(value as Row)
              : value;
    }
    return out;
  };
}
