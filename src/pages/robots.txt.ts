import type { APIRoute } from 'astro';
import { buildRobotsTxt } from '../lib/site/sitemap.ts';
import { absoluteUrl } from '../lib/site/xml.ts';

/** `/robots.txt`: allow all and name the sitemap. Crawlers only read it at the origin's root (base `/`). */
export const GET: APIRoute = ({ site }) =>
  new Response(buildRobotsTxt(absoluteUrl(site ?? 'http://localhost:4321', import.meta.env.BASE_URL, '/sitemap.xml')), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
