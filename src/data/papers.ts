import { getCollection } from 'astro:content';
import type { SluggedPaper } from '../lib/ingest/paper.ts';
import { compareCodeUnits } from '../lib/text/compare.ts';

let papersInSourceOrder: Promise<SluggedPaper[]> | undefined;

/** All papers of the atlas in source order, with their slugs; loaded once per build. */
export function getPapers(): Promise<SluggedPaper[]> {
  papersInSourceOrder ??= getCollection('papers').then((entries) =>
    entries
      .map((entry) => ({ ...entry.data, slug: entry.id }))
      .sort((a, b) => a.order - b.order || compareCodeUnits(a.slug, b.slug)),
  );
  return papersInSourceOrder;
}

let paperBySlugOfBuild: Promise<Map<string, SluggedPaper>> | undefined;

/** Every paper by its slug; built once per build, so pages that look papers up stay linear at 100k papers. */
export function getPaperBySlug(): Promise<Map<string, SluggedPaper>> {
  paperBySlugOfBuild ??= getPapers().then((papers) => new Map(papers.map((paper) => [paper.slug, paper])));
  return paperBySlugOfBuild;
}
