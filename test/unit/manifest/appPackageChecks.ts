import { inflateRawSync } from 'node:zlib';
import { PNG } from 'pngjs';

/**
 * What Teams' app validation (Developer Portal, Teams admin center upload) checks beyond the JSON schema,
 * as its docs state them: "Teams Store validation guidelines" (icons) and "App manifest" (bots, commands,
 * validDomains, webApplicationInfo). Returns every problem found; empty means it would be accepted.
 */
export function appPackageProblems(files: Map<string, Buffer>): string[] {
  const problems: string[] = [];
  const raw = files.get('manifest.json');
  if (!raw) return ['manifest.json is not at the root of the zip'];
  const m = JSON.parse(raw.toString('utf8')) as Manifest;
  problems.push(...iconProblems(files, m), ...botProblems(m), ...domainProblems(m));
  return problems;
}

interface Manifest {
  icons: { color: string; outline: string };
  bots?: { botId: string; commandLists?: { scopes: string[]; commands: { title: string }[] }[] }[];
  validDomains?: string[];
  webApplicationInfo?: { id: string; resource?: string };
}

function iconProblems(files: Map<string, Buffer>, m: Manifest): string[] {
  const out: string[] = [];
  const color = decode(files, m.icons.color, out);
  if (color) {
    if (color.width !== 192 || color.height !== 192) out.push('color icon must be 192×192');
    if (pixels(color).some((p) => p.a !== 255))
      out.push('color icon must be opaque (full colour background)');
  }
  const outline = decode(files, m.icons.outline, out);
  if (outline) {
    if (outline.width !== 32 || outline.height !== 32) out.push('outline icon must be 32×32');
    const px = pixels(outline);
    if (px.some((p) => p.a > 0 && (p.r !== 255 || p.g !== 255 || p.b !== 255)))
      out.push('outline icon must be white (only alpha varies)');
    if (!px.some((p) => p.a === 0)) out.push('outline icon must have a transparent background');
    if (!px.some((p) => p.a === 255)) out.push('outline icon is empty');
  }
  return out;
}

function decode(files: Map<string, Buffer>, name: string, out: string[]): PNG | undefined {
  const data = files.get(name);
  if (!data) {
    out.push(`${name} is named in the manifest but not in the zip`);
    return undefined;
  }
  try {
    return PNG.sync.read(data);
  } catch {
    out.push(`${name} is not a PNG`);
    return undefined;
  }
}

function pixels(png: PNG): { r: number; g: number; b: number; a: number }[] {
  const out = [];
  for (let i = 0; i < png.data.length; i += 4)
    out.push({ r: png.data[i]!, g: png.data[i + 1]!, b: png.data[i + 2]!, a: png.data[i + 3]! });
  return out;
}

function botProblems(m: Manifest): string[] {
  const out: string[] = [];
  for (const bot of m.bots ?? []) {
    for (const list of bot.commandLists ?? []) {
      const titles = list.commands.map((c) => c.title.toLowerCase());
      if (new Set(titles).size !== titles.length) out.push(`duplicate command titles in ${list.scopes}`);
      if (titles.length > 10) out.push('at most 10 commands per scope');
    }
    // SSO: the bot's token exchange resource names the app registration Teams asks a token for.
    if (m.webApplicationInfo && !m.webApplicationInfo.resource?.includes(m.webApplicationInfo.id))
      out.push('webApplicationInfo.resource must be the Application ID URI of webApplicationInfo.id');
  }
  return out;
}

function domainProblems(m: Manifest): string[] {
  const out: string[] = [];
  for (const d of m.validDomains ?? []) {
    if (/^[a-z]+:\/\//i.test(d) || d.includes('/')) out.push(`validDomains entry ${d} must be a bare host`);
    // Teams refuses wildcards over whole top-level domains or domains the publisher does not own.
    if (/^\*\.[^.]+$/.test(d) || d === '*') out.push(`validDomains entry ${d} is too broad`);
  }
  return out;
}

/** Reads a zip's entries back (the test's own reader, independent of manifest/zip.ts). */
export function unzip(archive: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let at = 0;
  while (archive.readUInt32LE(at) === 0x04034b50) {
    const size = archive.readUInt32LE(at + 18);
    const nameLength = archive.readUInt16LE(at + 26);
    const extra = archive.readUInt16LE(at + 28);
    const name = archive.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const start = at + 30 + nameLength + extra;
    files.set(name, inflateRawSync(archive.subarray(start, start + size)));
    at = start + size;
  }
  return files;
}
