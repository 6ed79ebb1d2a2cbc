/**
 * Recommendation benchmark: the library ranking (src/lib/library/recommend.ts, the code the /library/ page's
 * worker runs) over 1k / 10k / 100k synthetic unit paper vectors of 100 dimensions, in Chromium. Libraries of 5,
 * 50 and 500 saved papers with 20 "not interested"; median of 5 runs after a warm-up. Writes
 * bench/results/recommend.json and prints a table.
 *
 *   node bench/recommend.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tools/chromium.ts';

const SIZES = [1_000, 10_000, 100_000];
const LIBRARY_SIZES = [5, 50, 500];
const DIMENSIONS = 100;

const bundle = await build({
  entryPoints: [new URL('../src/lib/library/recommend.ts', import.meta.url).pathname],
  bundle: true,
  format: 'iife',
  globalName: 'Recommend',
  write: false,
});
const script = bundle.outputFiles[0]?.text ?? '';

const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage();
await page.addScriptTag({ content: script });
const rows: { papers: number; saved: number; medianMs: number }[] = [];
for (const papers of SIZES) {
  for (const saved of LIBRARY_SIZES) {
    const medianMs = await page.evaluate(
      ({ papers, saved, dimensions }) => {
        let state = 12345;
        const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
        const vectors = new Float32Array(papers * dimensions);
        for (let row = 0; row < papers; row += 1) {
          let norm = 0;
          for (let d = 0; d < dimensions; d += 1) {
            const value = random() - 0.5 + (d === row % 20 ? 1 : 0);
            vectors[row * dimensions + d] = value;
            norm += value * value;
          }
          for (let d = 0; d < dimensions; d += 1) vectors[row * dimensions + d]! /= Math.sqrt(norm);
        }
        const ids = Array.from({ length: papers }, (_, index) => `paper-${index}`);
        const library = ids.filter((_, index) => index % 20 === 3).slice(0, saved);
        const negatives = ids.filter((_, index) => index % 20 === 7).slice(0, 20);
        const run = () => {
          const start = performance.now();
          (globalThis as unknown as { Recommend: typeof import('../src/lib/library/recommend.ts') }).Recommend.rankRecommendations({ ids, dimensions, vectors }, library, negatives, { limit: 50 });
          return performance.now() - start;
        };
        run();
        const times = Array.from({ length: 5 }, run).sort((a, b) => a - b);
        return times[2] ?? 0;
      },
      { papers, saved, dimensions: DIMENSIONS },
    );
    rows.push({ papers, saved, medianMs: Math.round(medianMs * 10) / 10 });
    console.log(`${String(papers).padStart(7)} papers  ${String(saved).padStart(4)} saved  ${medianMs.toFixed(1).padStart(8)} ms`);
  }
}
await browser.close();
mkdirSync(new URL('results/', import.meta.url), { recursive: true });
writeFileSync(new URL('results/recommend.json', import.meta.url), `${JSON.stringify({ dimensions: DIMENSIONS, rows }, null, 2)}\n`);
