import type { APIRoute, GetStaticPaths } from 'astro';
import { buildSitemapXml } from '../lib/site/sitemap.ts';
import { sitemapChunks } from './_sitemap-urls.ts';

/** `/sitemap-<n>.xml`: the n-th 50,000 URLs, only built when the site has more pages than one sitemap may list. */
export const getStaticPaths = (async () => {
  const chunks = await sitemapChunks();
  if (chunks.length === 1) return [];
  return chunks.map((urls, index) => ({ params: { chunk: String(index + 1) }, props: { urls } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ urls: string[] }> = ({ props }) =>
  new Response(buildSitemapXml(props.urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
