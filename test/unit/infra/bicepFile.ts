import { readFileSync } from 'node:fs';

/** A parameter of a Bicep file: its name, whether it has a default, and whether it is @secure(). */
export interface BicepParam {
  name: string;
  optional: boolean;
  secure: boolean;
}

/** What the structural check reads from a Bicep file (enough to check how files fit together). */
export interface BicepFile {
  params: BicepParam[];
  outputs: string[];
  /** `Type@apiVersion` of every resource. */
  resources: string[];
  /** Every module: its path and the names of the params it passes. */
  modules: { path: string; passes: string[] }[];
  /** Braces, brackets and parentheses balance (outside strings and comments). */
  balanced: boolean;
  text: string;
}

/** Blanks comments and string contents (keeping interpolations' braces out of the count). */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/\/\/[^\n]*/g, (m) => ' '.repeat(m.length))
    .replace(/'(?:\\.|[^'\\\n])*'/g, (m) => `'${' '.repeat(m.length - 2)}'`);
}

/** The text of the `{ … }` block that starts at `open` (an index of `{` in `c`). */
function block(c: string, open: number): string {
  let depth = 0;
  for (let i = open; i < c.length; i++) {
    if (c[i] === '{') depth++;
    if (c[i] === '}' && --depth === 0) return c.slice(open + 1, i);
  }
  return c.slice(open + 1);
}

/** Keys at the top level of an object body, on lines of their own or several to a line. */
function topKeys(body: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let startOfEntry = true;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (depth === 0 && startOfEntry && /\w/.test(ch)) {
      const m = /^(\w+)\s*:/.exec(body.slice(i));
      if (m) keys.push(m[1]!);
      startOfEntry = false;
    }
    if ('{[('.includes(ch)) depth++;
    else if ('}])'.includes(ch)) depth--;
    else if (depth === 0 && (ch === '\n' || ch === ',')) startOfEntry = true;
  }
  return keys;
}

/** Reads a Bicep file's parameters, outputs, resources and modules. */
export function readBicep(path: string): BicepFile {
  const text = readFileSync(path, 'utf8');
  const c = code(text);
  const lines = text.split('\n');
  const params = [...c.matchAll(/^param\s+(\w+)\s+\w+(\s*=)?/gm)].map((m) => {
    const line = c.slice(0, m.index).split('\n').length - 1;
    let secure = false;
    for (let i = line - 1; i >= 0 && lines[i]!.trim().startsWith('@'); i--)
      secure ||= lines[i]!.trim() === '@secure()';
    return { name: m[1]!, optional: Boolean(m[2]), secure };
  });
  const outputs = [...c.matchAll(/^output\s+(\w+)\s/gm)].map((m) => m[1]!);
  const resources = [...text.matchAll(/^resource\s+\w+\s+'([^']+)'/gm)].map((m) => m[1]!);
  const modules = [...text.matchAll(/^module\s+\w+\s+'([^']+)'[^{]*\{/gm)].map((m) => {
    const body = block(c, m.index + m[0].length - 1);
    const params = /\bparams\s*:\s*\{/.exec(body);
    return { path: m[1]!, passes: params ? topKeys(block(body, params.index + params[0].length - 1)) : [] };
  });
  const counts = (open: string, close: string) => c.split(open).length === c.split(close).length;
  const balanced = counts('{', '}') && counts('[', ']') && counts('(', ')');
  return { params, outputs, resources, modules, balanced, text };
}
