import { getCollection } from 'astro:content';
import type { SluggedPaper } from '../lib/ingest/paper.ts';

let papersInSourceOrder: Promise<SluggedPaper[]> | undefined;

/** All papers of the atlas in source order, with their slugs; loaded once per build. */
export function getPapers(): Promise<SluggedPaper[]> {
  papersInSourceOrder ??= getCollection('papers').then((entries) =>
    entries
      .map((entry) => ({ ...entry.data, slug: entry.id }))
      .sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug)),
  );
  return papersInSourceOrder;
}
