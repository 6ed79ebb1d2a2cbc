import lunr from 'lunr';
import { fuzzyDistance } from '../../src/lib/search/options.ts';
import { SHOWN, TOP_K, bundleHarness, displayRecords, type DisplayRecord, type Engine } from './engine.ts';

/** Lunr query: every word stemmed (boosted), fuzzy by length like ours, and a trailing wildcard for the word being typed. */
function lunrQuery(index: lunr.Index, query: string): lunr.Index.Result[] {
  const words = query.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const isTyping = /[a-z0-9]$/i.test(query);
  return index.query((builder) => {
    words.forEach((word, i) => {
      builder.term(word, { boost: 10 });
      const distance = fuzzyDistance(word);
      if (distance > 0) builder.term(word, { editDistance: distance, boost: 1 });
      if (isTyping && i === words.length - 1) builder.term(word, { wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false, boost: 1 });
    });
  });
}

export const lunrEngine: Engine = {
  name: 'Lunr 2.3 (stemmed, fuzzy + wildcard)',
  async build(papers) {
    const started = performance.now();
    const index = lunr(function () {
      this.ref('id');
      this.field('title', { boost: 3 });
      this.field('abstract');
      papers.forEach((paper, id) => this.add({ id: String(id), title: paper.title, abstract: paper.abstract }));
    });
    const indexText = JSON.stringify(index);
    const docsText = JSON.stringify(displayRecords(papers));
    const buildMs = performance.now() - started;
    return {
      files: new Map([
        ['index.json', Buffer.from(indexText)],
        ['docs.json', Buffer.from(docsText)],
      ]),
      upfront: ['index.json', 'docs.json'],
      buildMs,
      async open() {
        const loaded = lunr.Index.load(JSON.parse(indexText) as object);
        const records = JSON.parse(docsText) as DisplayRecord[];
        return {
          async search(query, shown) {
            const top = lunrQuery(loaded, query).slice(0, TOP_K).map((hit) => hit.ref);
            top.slice(0, shown).forEach((key) => records[Number(key)]);
            return top;
          },
        };
      },
      harness: await bundleHarness(`
        import lunr from 'lunr';
        // The same functions as in Node (their source, types stripped by esbuild), so both answer alike.
        ${fuzzyDistance.toString()}
        ${lunrQuery.toString()}
        let index, records;
        const search = (query, shown) => {
          const top = lunrQuery(index, query).slice(0, ${TOP_K}).map((hit) => hit.ref);
          top.slice(0, shown).forEach((key) => records[Number(key)]);
          return top;
        };
        window.harness = {
          async open() {
            const [serialized, docs] = await Promise.all([fetch('/index.json').then((r) => r.json()), fetch('/docs.json').then((r) => r.json())]);
            index = lunr.Index.load(serialized);
            records = docs;
          },
          async first(query) { search(query, ${SHOWN}); },
          async search(query, shown) { return search(query, shown); },
        };`),
    };
  },
};
