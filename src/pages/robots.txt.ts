import type { APIRoute } from 'astro';
import { buildRobotsTxt } from '../lib/site/sitemap.ts';
import { absoluteUrl } from '../lib/site/xml.ts';
import { atlasConfig } from '../lib/config.ts';

/** `/robots.txt`: allow all and name the sitemap. Crawlers only read it at the origin's root (base `/`). */
export const GET: APIRoute = () =>
  new Response(buildRobotsTxt(absoluteUrl(atlasConfig().site, import.meta.env.BASE_URL, '/sitemap.xml')), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
