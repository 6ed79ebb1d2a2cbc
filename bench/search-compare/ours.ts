import { buildSearchIndex } from '../../src/lib/search/build-index.ts';
import { SearchEngine } from '../../src/lib/search/engine.ts';
import { SHOWN, TOP_K, bundleHarness, type Engine } from './engine.ts';

/**
 * Our sharded MiniSearch index, built in memory from the same title + abstract records as the other engines (no
 * topics or authors), so the comparison is like for like. The index the site ships, topics and all, is measured
 * from a built dist/ by bench/search.ts.
 */
export const oursEngine: Engine = {
  name: 'Research Atlas (sharded MiniSearch)',
  async build(papers) {
    const started = performance.now();
    const bundle = buildSearchIndex({ papers, topics: [] });
    const buildMs = performance.now() - started;
    const files = new Map([...bundle.files].map(([file, text]) => [`search-index/${file}`, Buffer.from(text)]));
    return {
      files,
      buildMs,
      async open() {
        const engine = await SearchEngine.open(async (file) => bundle.files.get(file) ?? '');
        return {
          async search(query, shown) {
            const response = await engine.search(query);
            const top = response.hits.slice(0, TOP_K).map((hit) => hit.id);
            await engine.docs(top.slice(0, shown));
            return top.map(String);
          },
        };
      },
      harness: await bundleHarness(`
        import { SearchEngine } from './src/lib/search/engine.ts';
        let engine;
        window.harness = {
          async open() { engine = await SearchEngine.open((file) => fetch('/search-index/' + file).then((r) => r.text())); },
          async first(query) {
            const response = await engine.search(query, { stages: 'head' });
            await engine.docs(response.hits.slice(0, ${SHOWN}).map((hit) => hit.id));
          },
          async search(query, shown) {
            const response = await engine.search(query);
            const top = response.hits.slice(0, ${TOP_K}).map((hit) => hit.id);
            await engine.docs(top.slice(0, shown));
            return top.map(String);
          },
        };`),
    };
  },
};
