import type { APIRoute } from 'astro';
import { getPapers } from '../../data/papers.ts';
import { getAtlasLookups } from '../../data/atlas.ts';
import { catalogueRow, encodeCatalogue } from '../../lib/library/catalogue.ts';
import { paperSnapshot } from '../../lib/library/snapshot.ts';
import { deflateText } from '../../lib/bytes/deflate.ts';

/**
 * Every paper's citation fields and topic for /library/ (src/lib/library/catalogue.ts), in source order, as JSON
 * raw-deflated (src/lib/bytes/; 17.8 MB of JSON at 102,478 papers): /library/ inflates it when it first needs it.
 */
export const GET: APIRoute = async () => {
  const [papers, { badgeBySlug }] = await Promise.all([getPapers(), getAtlasLookups()]);
  const rows = papers.map((paper) => catalogueRow(paper.slug, paperSnapshot(paper, badgeBySlug.get(paper.slug))));
  return new Response(new Uint8Array(deflateText(encodeCatalogue(rows))), { headers: { 'Content-Type': 'application/octet-stream' } });
};
