import { GraphHttpError } from '../routing';

/** One lexical token of a `$filter` expression. */
export type FilterToken =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'datetime'; value: string }
  | { kind: 'guid'; value: string }
  | { kind: 'word'; value: string }
  | { kind: 'punct'; value: '(' | ')' | ',' | ':' };

const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const NUMBER = /^-?\d+(\.\d+)?/;
// Words include slash paths (`target/objectId`, `members/any`) and `@odata.type`-like names.
const WORD = /^[A-Za-z_@$][\w.@$]*(\/[A-Za-z_@$][\w.@$]*)*/;

/** An error that reads like Graph's answer to a filter it cannot parse. */
export function invalidFilter(detail: string): GraphHttpError {
  return new GraphHttpError(400, 'BadRequest', `Invalid filter clause: ${detail}`);
}

/** Splits a `$filter` value into tokens; rejects characters OData does not use. */
export function lexFilter(text: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw invalidFilter('unterminated string literal.');
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      tokens.push({ kind: 'string', value });
      continue;
    }
    if ('(),:'.includes(ch)) {
      tokens.push({ kind: 'punct', value: ch as '(' | ')' | ',' | ':' });
      i++;
      continue;
    }
    const rest = text.slice(i);
    const guid = GUID.exec(rest);
    if (guid) {
      tokens.push({ kind: 'guid', value: guid[0] });
      i += guid[0].length;
      continue;
    }
    const dt = DATETIME.exec(rest);
    if (dt && dt[0].length > 4 && rest[4] === '-') {
      tokens.push({ kind: 'datetime', value: dt[0] });
      i += dt[0].length;
      continue;
    }
    const num = NUMBER.exec(rest);
    if (num) {
      tokens.push({ kind: 'number', value: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', value: word[0] });
      i += word[0].length;
      continue;
    }
    throw invalidFilter(`syntax error at position ${i} in '${text}'.`);
  }
  return tokens;
}
