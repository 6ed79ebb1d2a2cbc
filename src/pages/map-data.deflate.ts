import type { APIRoute } from 'astro';
import { getAtlas } from '../data/atlas.ts';
import { serializeMapData } from '../lib/map/map-data.ts';
import { deflateText } from '../lib/bytes/deflate.ts';

/**
 * What the map fetches: its topics and papers as JSON (`serializeMapData`), raw-deflated as the search index is
 * (src/lib/bytes/): 20 MB of JSON at 102,478 papers, a quarter of that stored, and a page inflates it with the
 * browser's own DecompressionStream (src/scripts/map/atlas-data.ts).
 */
export const GET: APIRoute = async () =>
  new Response(new Uint8Array(deflateText(serializeMapData(await getAtlas()))), { headers: { 'Content-Type': 'application/octet-stream' } });
