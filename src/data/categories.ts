import { categoryIndex, type CategoryIndex } from '../lib/site/categories.ts';
import { getPapers } from './papers.ts';

let indexOfBuild: Promise<CategoryIndex> | undefined;

/**
 * The category filter of this build (src/lib/site/categories.ts), over the papers in source order, so its
 * `paperIds` are search-index doc ids: built once, shared by /search-index/categories.json and the pages' selects.
 */
export function getCategoryIndex(): Promise<CategoryIndex> {
  indexOfBuild ??= getPapers().then((papers) => categoryIndex(papers.map((paper) => paper.categories)));
  return indexOfBuild;
}
