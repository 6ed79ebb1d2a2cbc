import { round, serializeAtlas } from '../topics/atlas-json.ts';
import type { AtlasData } from '../topics/atlas-schema.ts';

/**
 * The version of the published `/atlas.json`: 2 gave related papers by their index in `papers`, 3 drops their shared
 * terms (the paper pages show them).
 */
export const PUBLISHED_ATLAS_VERSION = 3;

/**
 * The atlas as the site publishes it at `/atlas.json`: the stored atlas's fields, key order and precision
 * (`serializeAtlas`), except that each related paper is `[index, similarity]`, `index` its position in `papers`,
 * where the stored atlas names it by slug in an object with the terms it shares: the related lists were 78% of the
 * file (7.8 of 10.1 MB at 10,000 papers, each slug written again five times); the shared terms, which each paper's
 * page shows, were then half of what was left (28.9 of 58.9 MB at 102,478 papers). Nothing in the site reads the
 * file; it is published for readers' own tools, and a previous build's copy is what `ATLAS_PREVIOUS_ATLAS` reads
 * (topics, and each paper's slug and topic, which are unchanged). Same atlas, same bytes.
 * @example serializePublishedAtlas({ version: 1, levels: 1, topics: [], papers: [] }) // => '{"version":3,"levels":1,"topics":[],"papers":[]}'
 */
export function serializePublishedAtlas(atlas: AtlasData): string {
  const indexBySlug = new Map(atlas.papers.map((paper, index) => [paper.slug, index]));
  const stored = JSON.parse(serializeAtlas(atlas)) as { version: number; papers: { related: { slug: string; similarity: number }[] }[] };
  stored.version = PUBLISHED_ATLAS_VERSION;
  for (const paper of stored.papers) {
    (paper as { related: unknown }).related = paper.related.map((related) => {
      const index = indexBySlug.get(related.slug);
      if (index === undefined) throw new Error(`atlas.json: related paper "${related.slug}" is not in the atlas`);
      return [index, round(related.similarity, 3)];
    });
  }
  return JSON.stringify(stored);
}
