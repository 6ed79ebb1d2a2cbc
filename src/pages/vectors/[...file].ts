import type { APIRoute, GetStaticPaths } from 'astro';
import { getVectorPack } from '../../data/vectors.ts';

/**
 * Publishes the vector files of /similar/ under `/vectors/` (manifest, topic centroids, term shards, paper shards;
 * see src/lib/vectors/format.ts). Built once per build; the browser's worker fetches only what a query needs.
 */
export const getStaticPaths = (async () => {
  const { files } = await getVectorPack();
  return [...files.keys()].sort().map((file) => ({ params: { file }, props: { body: files.get(file)! } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: Uint8Array }> = ({ params, props }) =>
  new Response(new Uint8Array(props.body), {
    headers: { 'Content-Type': params.file?.endsWith('.json') ? 'application/json; charset=utf-8' : 'application/octet-stream' },
  });
