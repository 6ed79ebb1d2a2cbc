import type { APIRoute } from 'astro';
import { getAtlas } from '../data/atlas.ts';
import { serializeAtlas } from '../lib/topics/atlas-json.ts';

/** The topic step's output: topics, paper coordinates and related papers (schema: src/lib/topics/atlas-schema.ts). */
export const GET: APIRoute = async () =>
  new Response(serializeAtlas(await getAtlas()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
