import type { APIRoute } from 'astro';
import { siteFeedXml } from '../data/feeds.ts';

/** `/feed.xml`: an Atom feed of the newest papers (source order when papers have no dates). */
export const GET: APIRoute = async () =>
  new Response(await siteFeedXml(), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
