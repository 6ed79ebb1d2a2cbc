import type { APIRoute } from 'astro';
import { getAtlas } from '../data/atlas.ts';
import { serializePublishedAtlas } from '../lib/site/published-atlas.ts';

/** The topic step's output: topics, paper coordinates and related papers by index (README, "/atlas.json"). */
export const GET: APIRoute = async () =>
  new Response(serializePublishedAtlas(await getAtlas()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
