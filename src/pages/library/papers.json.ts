import type { APIRoute } from 'astro';
import { getPapers } from '../../data/papers.ts';
import { getAtlasLookups } from '../../data/atlas.ts';
import { catalogueRow, encodeCatalogue } from '../../lib/library/catalogue.ts';
import { paperSnapshot } from '../../lib/library/snapshot.ts';

/** Every paper's citation fields and topic for /library/ (src/lib/library/catalogue.ts), in source order. */
export const GET: APIRoute = async () => {
  const [papers, { badgeBySlug }] = await Promise.all([getPapers(), getAtlasLookups()]);
  const rows = papers.map((paper) => catalogueRow(paper.slug, paperSnapshot(paper, badgeBySlug.get(paper.slug))));
  return new Response(encodeCatalogue(rows), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
