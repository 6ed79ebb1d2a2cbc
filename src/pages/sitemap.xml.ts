import type { APIRoute } from 'astro';
import { buildSitemapIndexXml, buildSitemapXml } from '../lib/site/sitemap.ts';
import { sitemapChunks, siteUrl } from './_sitemap-urls.ts';

/** `/sitemap.xml`: the URL set itself for up to 50,000 pages, else an index of `/sitemap-<n>.xml` files. */
export const GET: APIRoute = async () => {
  const chunks = await sitemapChunks();
  const body =
    chunks.length === 1 ? buildSitemapXml(chunks[0] ?? []) : buildSitemapIndexXml(chunks.map((_, index) => siteUrl(`/sitemap-${index + 1}.xml`)));
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
