import { encodePng } from '../../../manifest/png';

const W = 360;
const H = 120;
type Rgb = [number, number, number];
const BACKGROUND: Rgb = [255, 255, 255];
const SCORE: Rgb = [98, 100, 167]; // Teams purple
const SCORE_LATEST: Rgb = [70, 71, 117];
const SECTION: Rgb[] = [
  [98, 100, 167],
  [196, 49, 75],
  [202, 80, 16],
  [0, 120, 212],
  [138, 136, 134],
  [16, 124, 16],
];

/**
 * A small chart as a PNG data URI: Secure Score by week (bars, left) and findings by section (bars,
 * right). No text in the image: the card says the same in words, and the image's alt text lists the
 * numbers, so the card reads well without it. Drawn with the PNG encoder the manifest icons use (a
 * few rectangles need no chart library). Adaptive Cards take a data URI as Image.url from schema 1.2
 * (schema explorer, Image), so the chart needs no link of its own, and no signed URL either.
 */
export function digestChartDataUri(scores: number[], sectionCounts: number[]): string {
  const px = Buffer.alloc(W * H * 4);
  const rect = (x0: number, y0: number, w: number, h: number, [r, g, b]: Rgb) => {
    for (let y = Math.max(0, Math.round(y0)); y < Math.min(H, Math.round(y0 + h)); y++)
      for (let x = Math.max(0, Math.round(x0)); x < Math.min(W, Math.round(x0 + w)); x++) {
        const i = (y * W + x) * 4;
        px[i] = r;
        px[i + 1] = g;
        px[i + 2] = b;
        px[i + 3] = 255;
      }
  };
  rect(0, 0, W, H, BACKGROUND);
  // Score bars on a scale from a little below the lowest week, so movement shows.
  const lo = Math.min(...scores) * 0.9;
  const hi = Math.max(...scores);
  const span = Math.max(hi - lo, 1);
  const barW = 18;
  scores.forEach((s, i) => {
    const h = 12 + ((s - lo) / span) * (H - 24);
    rect(8 + i * (barW + 6), H - 6 - h, barW, h, i === scores.length - 1 ? SCORE_LATEST : SCORE);
  });
  rect(8, H - 6, scores.length * (barW + 6) - 6, 1, [200, 200, 200]);
  // Findings by section: one horizontal bar each, longest = the busiest section.
  const most = Math.max(...sectionCounts, 1);
  const x0 = 220;
  sectionCounts.forEach((c, i) => {
    rect(x0, 8 + i * 18, 2, 12, [200, 200, 200]);
    if (c > 0)
      rect(x0 + 2, 8 + i * 18, Math.max(3, (c / most) * (W - x0 - 12)), 12, SECTION[i % SECTION.length]!);
  });
  return `data:image/png;base64,${encodePng(W, H, px).toString('base64')}`;
}
