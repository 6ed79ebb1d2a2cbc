import { buildSearchIndex, papersToSearchInput, type SearchBundle } from '../lib/search/build-index.ts';
import { authorEntries } from '../lib/search/author-suggest.ts';
import { getAtlasLookups } from './atlas.ts';
import { getAuthorLookups } from './authors.ts';
import { getCategoryIndex } from './categories.ts';
import { getPapers } from './papers.ts';
import { startSearchBodyIndex } from './search-body.ts';
import { getVectorPack } from './vectors.ts';
import { getTrends } from './trends.ts';

let bundleOfBuild: Promise<SearchBundle> | undefined;

/** The published search index of this build's papers: built once, shared by the `/search-index/` files. */
export function getSearchBundle(): Promise<SearchBundle> {
  if (bundleOfBuild === undefined) {
    // Astro asks every route for its paths before it renders any, and this route's paths wait for the body index's
    // worker. When the topic step was short (a stored fit reused or folded into) the main thread would idle there
    // (10k: 2–4 s); the vector files and the trends, which need the topics but not the index, are made meanwhile.
    // Their own routes await the same memoised promises, so an error still fails the build there.
    void getVectorPack().catch(() => {});
    void getTrends().catch(() => {});
  }
  bundleOfBuild ??= Promise.all([getPapers(), getAtlasLookups(), startSearchBodyIndex(), getAuthorLookups(), getCategoryIndex()]).then(([papers, { atlas, colorOfTopic }, body, authors, categories]) => {
    const startedMs = performance.now();
    const built = buildSearchIndex(papersToSearchInput(papers, atlas, colorOfTopic), {}, body);
    // The author filters' typeahead list: every author, family-name order (src/lib/search/author-suggest.ts).
    const idOfSlug = new Map(papers.map((paper, id) => [paper.slug, id]));
    built.files.set('authors.json', JSON.stringify(authorEntries(authors.index.authors, (slug) => idOfSlug.get(slug))));
    // The category filter's papers per choice (src/lib/site/categories.ts), fetched when a category is picked.
    built.files.set('categories.json', JSON.stringify(categories.options.map((option, i) => [option.value, categories.paperIds[i] ?? []])));
    // Same `[atlas]` prefix as the topic step's lines, so bench/run.ts can time the index stage of a build.
    console.log(`[atlas] search index: ${papers.length} papers, ${built.files.size} files in ${((performance.now() - startedMs) / 1000).toFixed(1)} s (body index built alongside the topic step)`);
    return built;
  });
  return bundleOfBuild;
}
