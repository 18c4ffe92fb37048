import { encodePng } from './png';

/** Gatekeeper's accent colour, also the manifest's accentColor. */
export const ACCENT = '#2E5AAC';

type Rgba = [number, number, number, number];

/** A keyhole (circle over a tapering slot) in unit coordinates, centred: the "gate" in Gatekeeper. */
function inKeyhole(u: number, v: number): boolean {
  const circle = (u - 0.5) ** 2 + (v - 0.4) ** 2 <= 0.14 ** 2;
  const slotHalfWidth = 0.05 + (v - 0.45) * 0.18;
  const slot = v >= 0.45 && v <= 0.76 && Math.abs(u - 0.5) <= slotHalfWidth;
  return circle || slot;
}

/** Draws size × size pixels, sampling 4×4 per pixel so the edges are smooth. */
function draw(size: number, paint: (u: number, v: number) => Rgba): Buffer {
  const out = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = paint((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size);
          for (let i = 0; i < 4; i++) acc[i]! += c[i]! / (n * n);
        }
      }
      acc.forEach((value, i) => out.writeUInt8(Math.round(value), (y * size + x) * 4 + i));
    }
  }
  return out;
}

const hex = (h: string): Rgba => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)).concat(255) as Rgba;

/** The 192×192 full-colour icon: a white keyhole on the accent colour. */
export function colorIcon(): Buffer {
  const accent = hex(ACCENT);
  return encodePng(
    192,
    192,
    draw(192, (u, v) => (inKeyhole(u, v) ? [255, 255, 255, 255] : accent)),
  );
}

/** The 32×32 outline icon: white on transparent, as Teams requires. */
export function outlineIcon(): Buffer {
  return encodePng(
    32,
    32,
    draw(32, (u, v) => (inKeyhole(u, v) ? [255, 255, 255, 255] : [255, 255, 255, 0])),
  );
}
