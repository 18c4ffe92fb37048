import { invalidFilter, lexFilter, type FilterToken } from './filterLexer';

/** A parsed `$filter` expression. */
export type FilterNode =
  | { t: 'logic'; op: 'and' | 'or'; l: FilterNode; r: FilterNode }
  | { t: 'not'; e: FilterNode }
  | { t: 'cmp'; op: CmpOp; l: FilterNode; r: FilterNode }
  | { t: 'call'; fn: FilterFunction; args: FilterNode[] }
  | { t: 'lit'; v: string | number | boolean | null; datetime?: boolean }
  | { t: 'path'; segs: string[] }
  | { t: 'lambda'; kind: 'any' | 'all'; segs: string[]; variable?: string; body?: FilterNode };

export type CmpOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type FilterFunction = 'startswith' | 'endswith' | 'contains' | 'tolower' | 'toupper';

const CMP = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS = new Set(['startswith', 'endswith', 'contains', 'tolower', 'toupper']);
const ARITY: Record<FilterFunction, number> = {
  startswith: 2,
  endswith: 2,
  contains: 2,
  tolower: 1,
  toupper: 1,
};

/** Recursive-descent parser for the `$filter` subset the emulator supports. */
class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: FilterToken[],
    private readonly source: string,
  ) {}

  parse(): FilterNode {
    const node = this.or();
    if (this.pos < this.tokens.length)
      throw invalidFilter(`unexpected '${this.show(this.peek())}' in '${this.source}'.`);
    return node;
  }

  private peek(): FilterToken | undefined {
    return this.tokens[this.pos];
  }
  private show(t: FilterToken | undefined): string {
    return t ? String(t.value) : 'end of expression';
  }
  private isWord(w: string): boolean {
    const t = this.peek();
    return t?.kind === 'word' && t.value.toLowerCase() === w;
  }
  private isPunct(p: string): boolean {
    const t = this.peek();
    return t?.kind === 'punct' && t.value === p;
  }
  private expect(p: string): void {
    if (!this.isPunct(p)) throw invalidFilter(`expected '${p}' but found '${this.show(this.peek())}'.`);
    this.pos++;
  }

  private or(): FilterNode {
    let node = this.and();
    while (this.isWord('or')) {
      this.pos++;
      node = { t: 'logic', op: 'or', l: node, r: this.and() };
    }
    return node;
  }
  private and(): FilterNode {
    let node = this.unary();
    while (this.isWord('and')) {
      this.pos++;
      node = { t: 'logic', op: 'and', l: node, r: this.unary() };
    }
    return node;
  }
  private unary(): FilterNode {
    if (this.isWord('not')) {
      this.pos++;
      return { t: 'not', e: this.unary() };
    }
    const left = this.value();
    const t = this.peek();
    if (t?.kind === 'word' && CMP.has(t.value.toLowerCase())) {
      this.pos++;
      return { t: 'cmp', op: t.value.toLowerCase() as CmpOp, l: left, r: this.value() };
    }
    if (t?.kind === 'word' && !['and', 'or'].includes(t.value.toLowerCase())) {
      throw invalidFilter(`the operator '${t.value}' is not supported.`);
    }
    return left;
  }
  private value(): FilterNode {
    const t = this.peek();
    if (!t) throw invalidFilter(`unexpected end of '${this.source}'.`);
    this.pos++;
    if (t.kind === 'punct') {
      if (t.value !== '(') throw invalidFilter(`unexpected '${t.value}'.`);
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    if (t.kind === 'string' || t.kind === 'number' || t.kind === 'guid') return { t: 'lit', v: t.value };
    if (t.kind === 'datetime') return { t: 'lit', v: t.value, datetime: true };
    const word = t.value;
    const lower = word.toLowerCase();
    if (lower === 'true' || lower === 'false') return { t: 'lit', v: lower === 'true' };
    if (lower === 'null') return { t: 'lit', v: null };
    if (this.isPunct('(')) return this.callOrLambda(word);
    return { t: 'path', segs: word.split('/') };
  }
  private callOrLambda(word: string): FilterNode {
    this.expect('(');
    const segs = word.split('/');
    const last = segs[segs.length - 1]!.toLowerCase();
    if (segs.length > 1 && (last === 'any' || last === 'all')) {
      if (this.isPunct(')')) {
        this.pos++;
        return { t: 'lambda', kind: last, segs: segs.slice(0, -1) };
      }
      const v = this.peek();
      if (v?.kind !== 'word') throw invalidFilter(`expected a lambda variable in '${this.source}'.`);
      this.pos++;
      this.expect(':');
      const body = this.or();
      this.expect(')');
      return { t: 'lambda', kind: last, segs: segs.slice(0, -1), variable: v.value, body };
    }
    const fn = word.toLowerCase();
    if (!FUNCTIONS.has(fn)) throw invalidFilter(`the function '${word}' is not supported.`);
    const args: FilterNode[] = [this.or()];
    while (this.isPunct(',')) {
      this.pos++;
      args.push(this.or());
    }
    this.expect(')');
    if (args.length !== ARITY[fn as FilterFunction])
      throw invalidFilter(`wrong number of arguments to '${word}'.`);
    return { t: 'call', fn: fn as FilterFunction, args };
  }
}

/** Parses a `$filter` value; throws Graph's 400 for anything outside the supported subset. */
export function parseFilter(text: string): FilterNode {
  return new Parser(lexFilter(text), text).parse();
}
