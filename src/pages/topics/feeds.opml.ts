import type { APIRoute } from 'astro';
import { topicFeedsOpml } from '../../data/feeds.ts';

/** `/topics/feeds.opml`: every topic's Atom feed, for a feed reader to subscribe to all at once. */
export const GET: APIRoute = async () => new Response(await topicFeedsOpml(), { headers: { 'Content-Type': 'text/x-opml; charset=utf-8' } });
