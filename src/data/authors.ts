import type { SluggedPaper } from '../lib/ingest/paper.ts';
import { buildAuthorIndex, type AuthorIndex } from '../lib/site/authors.ts';
import { getPaperBySlug, getPapers } from './papers.ts';

/** Author data every author-aware page needs, built once per build so 100k papers × many authors stays linear. */
export interface AuthorLookups {
  index: AuthorIndex;
  /** Display name per author slug. */
  nameBySlug: Map<string, string>;
  /** Every paper by its slug. */
  paperBySlug: Map<string, SluggedPaper>;
}

let lookupsOfBuild: Promise<AuthorLookups> | undefined;

/** Every author of the atlas with their papers and slugs (src/lib/site/authors.ts) and lookups; memoised per build. */
export function getAuthorLookups(): Promise<AuthorLookups> {
  lookupsOfBuild ??= Promise.all([getPapers(), getPaperBySlug()]).then(([papers, paperBySlug]) => {
    const index = buildAuthorIndex(papers);
    return { index, nameBySlug: new Map(index.authors.map((author) => [author.slug, author.name])), paperBySlug };
  });
  return lookupsOfBuild;
}

/**
 * Whether the atlas has author pages: only when some paper names its authors, since a corpus of bare abstracts
 * has none. The header's Authors link depends on it, so paper pages' cache keys do too.
 */
export async function hasAuthorPages(): Promise<boolean> {
  return (await getAuthorLookups()).index.authors.length > 0;
}

/**
 * Authors listed per page of the authors index before it is split by letter: 2,000 rows (~0.6 MB of HTML) is as
 * long a list as a reader scrolls or a phone renders comfortably; past it, one page per letter.
 */
export const AUTHORS_PER_INDEX_PAGE = 2000;
