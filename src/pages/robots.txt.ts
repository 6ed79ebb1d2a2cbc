import type { APIRoute } from 'astro';
import { buildRobotsTxt } from '../lib/site/sitemap.ts';
import { siteUrl } from './_sitemap-urls.ts';

/** `/robots.txt`: allow all and name the sitemap. Crawlers only read it at the origin's root (base `/`). */
export const GET: APIRoute = () =>
  new Response(buildRobotsTxt(siteUrl('/sitemap.xml')), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
