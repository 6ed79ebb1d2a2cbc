import type { APIRoute, GetStaticPaths } from 'astro';
import { getSearchBundle } from '../../data/search.ts';

/**
 * Publishes the prebuilt search index as static files under `/search-index/` (manifest, head and body shards,
 * doc-store chunks, facets; see src/lib/search/manifest.ts). Built once per build; the browser only loads it.
 */
export const getStaticPaths = (async () => {
  const { files } = await getSearchBundle();
  return [...files.keys()].sort().map((file) => ({ params: { file }, props: { body: files.get(file) ?? '', file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string | Uint8Array; file: string }> = ({ props }) =>
  new Response(typeof props.body === 'string' ? props.body : new Uint8Array(props.body), {
    headers: { 'Content-Type': props.file.endsWith('.deflate') ? 'application/octet-stream' : 'application/json; charset=utf-8' },
  });
