import FlexSearch from 'flexsearch';
import { SHOWN, TOP_K, bundleHarness, displayRecords, type DisplayRecord, type Engine } from './engine.ts';

function flexOptions(encoder: 'Default' | 'LatinExtra'): ConstructorParameters<typeof FlexSearch.Document>[0] {
  const charset = FlexSearch.Charset[encoder];
  return {
    document: {
      id: 'id',
      index: [
        { field: 'title', tokenize: 'forward', encoder: charset },
        { field: 'abstract', tokenize: 'forward', encoder: charset },
      ],
    },
  };
}

export function flexEngine(encoder: 'Default' | 'LatinExtra'): Engine {
  return {
    name: encoder === 'Default' ? 'FlexSearch 0.8 (forward, default encoder)' : 'FlexSearch 0.8 (forward, LatinExtra)',
    smallCorpusOnly: encoder !== 'Default',
    async build(papers) {
      const started = performance.now();
      const index = new FlexSearch.Document(flexOptions(encoder));
      papers.forEach((paper, id) => index.add({ id, title: paper.title, abstract: paper.abstract }));
      const exported: Record<string, string> = {};
      await index.export((key: string, data: string) => {
        exported[key] = data;
      });
      const indexText = JSON.stringify(exported);
      const docsText = JSON.stringify(displayRecords(papers));
      const buildMs = performance.now() - started;
      const files = new Map([
        ['index.json', Buffer.from(indexText)],
        ['docs.json', Buffer.from(docsText)],
      ]);
      return {
        files,
        upfront: ['index.json', 'docs.json'],
        buildMs,
        async open() {
          const loaded = new FlexSearch.Document(flexOptions(encoder));
          for (const [key, data] of Object.entries(JSON.parse(indexText) as Record<string, string>)) loaded.import(key, data);
          const records = JSON.parse(docsText) as DisplayRecord[];
          return {
            async search(query, shown) {
              const results = await loaded.search(query, { limit: TOP_K, suggest: true, merge: true });
              const top = results.map((hit) => String(hit.id));
              top.slice(0, shown).forEach((key) => records[Number(key)]);
              return top;
            },
          };
        },
        harness: await bundleHarness(`
          import FlexSearch from 'flexsearch';
          const encoder = FlexSearch.Charset[${JSON.stringify(encoder)}];
          const options = { document: { id: 'id', index: ['title', 'abstract'].map((field) => ({ field, tokenize: 'forward', encoder })) } };
          let index, records;
          const search = (query, shown) => {
            const top = index.search(query, { limit: ${TOP_K}, suggest: true, merge: true }).map((hit) => String(hit.id));
            top.slice(0, shown).forEach((key) => records[Number(key)]);
            return top;
          };
          window.harness = {
            async open() {
              const [exported, docs] = await Promise.all([fetch('/index.json').then((r) => r.json()), fetch('/docs.json').then((r) => r.json())]);
              index = new FlexSearch.Document(options);
              for (const [key, data] of Object.entries(exported)) index.import(key, data);
              records = docs;
            },
            async first(query) { search(query, ${SHOWN}); },
            async search(query, shown) { return search(query, shown); },
          };`),
      };
    },
  };
}

