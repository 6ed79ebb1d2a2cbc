import type { SluggedPaper } from '../ingest/paper.ts';
import { authorSlugOf, type Author, type AuthorIndex } from './authors.ts';
import { toPaperListItems, type PaperListItem } from './paper-list.ts';

/** What an author's page lists: their papers as list rows, and the names its author filter labels. */
export interface AuthorPageList {
  items: PaperListItem[];
  /** `[slug, name]` of every author the rows name, in first-seen order: the author filter's labels. */
  coAuthorNames: [string, string][];
}

/**
 * The rows of an author's page and the author names they need, computed the same way for the page's cache key
 * (in getStaticPaths) and for its rendering.
 * @example authorPageList(index.authors[0], index, paperBySlug, nameBySlug)
 * // => { items: [{ slug: 'p1', title: 'Deep Nets', authorSlugs: ['ada-lovelace'], … }], coAuthorNames: [['ada-lovelace', 'Ada Lovelace']] }
 */
export function authorPageList(
  author: Author,
  index: AuthorIndex,
  paperBySlug: ReadonlyMap<string, SluggedPaper>,
  nameBySlug: ReadonlyMap<string, string>,
): AuthorPageList {
  const papers = author.paperSlugs.flatMap((slug) => paperBySlug.get(slug) ?? []);
  const items = toPaperListItems(papers, (name) => authorSlugOf(index, name));
  const coAuthorSlugs = [...new Set(items.flatMap((item) => item.authorSlugs))];
  const coAuthorNames = coAuthorSlugs.flatMap((slug): [string, string][] => {
    const name = nameBySlug.get(slug);
    return name === undefined ? [] : [[slug, name]];
  });
  return { items, coAuthorNames };
}
