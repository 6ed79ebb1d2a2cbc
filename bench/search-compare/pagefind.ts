import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { SHOWN, TOP_K, type Engine } from './engine.ts';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(join(dir, file)).isFile())
    .sort();
}

export const pagefindEngine: Engine = {
  name: 'Pagefind 1.6',
  async build(papers) {
    const outDir = mkdtempSync(join(tmpdir(), 'search-compare-pagefind-'));
    const started = performance.now();
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`pagefind.createIndex failed: ${errors.join('; ')}`);
    for (const [id, paper] of papers.entries()) {
      const html = `<!doctype html><html lang="en"><head><title>${escapeHtml(paper.title)}</title></head><body><h1>${escapeHtml(paper.title)}</h1><p>${escapeHtml(paper.abstract)}</p></body></html>`;
      const added = await index.addHTMLFile({ url: `/p/${id}/`, content: html });
      if (added.errors.length > 0) throw new Error(`pagefind.addHTMLFile(${paper.slug}): ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`pagefind.writeFiles: ${written.errors.join('; ')}`);
    const buildMs = performance.now() - started;
    await pagefind.close();
    const files = new Map(filesUnder(outDir).map((file) => [relative(outDir, join(outDir, file)), readFileSync(join(outDir, file))]));
    rmSync(outDir, { recursive: true, force: true });
    return {
      files,
      buildMs,
      harness: `
        const keyOf = (url) => url.split('/')[2];
        let engine;
        window.harness = {
          async open() { engine = await import('/pagefind/pagefind.js'); await engine.init(); },
          async first(query) {
            const response = await engine.search(query);
            await Promise.all(response.results.slice(0, ${SHOWN}).map((result) => result.data()));
          },
          // A Pagefind hit names its page only in its fragment, so the top ${TOP_K} fragments are loaded, not just the shown ones.
          async search(query) {
            const response = await engine.search(query);
            const data = await Promise.all(response.results.slice(0, ${TOP_K}).map((result) => result.data()));
            return data.map((record) => keyOf(record.url));
          },
        };`,
    };
  },
};
