import type { APIRoute, GetStaticPaths } from 'astro';
import { getAtlasLookups } from '../../data/atlas.ts';
import { getPapers } from '../../data/papers.ts';
import { buildSearchIndex, papersToSearchInput, type SearchBundle } from '../../lib/search/build-index.ts';

/**
 * Publishes the prebuilt search index as static files under `/search-index/` (manifest, head and body shards,
 * doc-store chunks, facets; see src/lib/search/manifest.ts). Built once per build; the browser only loads it.
 */
let bundle: Promise<SearchBundle> | undefined;

function getSearchBundle(): Promise<SearchBundle> {
  bundle ??= Promise.all([getPapers(), getAtlasLookups()]).then(([papers, { atlas, colorOfTopic }]) => {
    const startedMs = performance.now();
    const built = buildSearchIndex(papersToSearchInput(papers, atlas, colorOfTopic));
    // Same `[atlas]` prefix as the topic step's lines, so bench/run.ts can time the index stage of a build.
    console.log(`[atlas] search index: ${papers.length} papers, ${built.files.size} files in ${((performance.now() - startedMs) / 1000).toFixed(1)} s`);
    return built;
  });
  return bundle;
}

export const getStaticPaths = (async () => {
  const { files } = await getSearchBundle();
  return [...files.keys()].sort().map((file) => ({ params: { file }, props: { body: files.get(file) ?? '' } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string }> = ({ props }) =>
  new Response(props.body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
