import type { APIRoute } from 'astro';
import { getAtlas } from '../data/atlas.ts';
import { serializeMapData } from '../lib/map/map-data.ts';

/** What the map fetches: `/atlas.json` without the related-paper lists (schema: src/lib/topics/atlas-schema.ts). */
export const GET: APIRoute = async () =>
  new Response(serializeMapData(await getAtlas()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
