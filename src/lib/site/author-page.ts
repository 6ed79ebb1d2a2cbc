import type { SluggedPaper } from '../ingest/paper.ts';
import { authorSlugOf, type Author, type AuthorIndex } from './authors.ts';
import type { CategoryIndex } from './categories.ts';
import { toPaperListItems, type PaperListItem } from './paper-list.ts';

/** What an author's page lists: their papers as list rows, and the names its author filter labels. */
export interface AuthorPageList {
  items: PaperListItem[];
  /** `[slug, name]` of every author the rows name, in first-seen order: the author filter's labels. */
  coAuthorNames: [string, string][];
  /** `[value, label]` of every category the rows carry, in first-seen order: the category filter's labels. */
  categoryLabels: [string, string][];
}

/**
 * The rows of an author's page and the author and category names they need, computed the same way for the page's
 * cache key (in getStaticPaths) and for its rendering. `categories` is the atlas's category filter
 * (src/lib/site/categories.ts); without it the rows carry no categories.
 * @example authorPageList(index.authors[0], index, paperBySlug, nameBySlug, categoryIndex)
 * // => { items: [{ slug: 'p1', title: 'Deep Nets', authorSlugs: ['ada-lovelace'], categories: ['cs.LG'], … }],
 * //      coAuthorNames: [['ada-lovelace', 'Ada Lovelace']], categoryLabels: [['cs.LG', 'Machine Learning (cs.LG)']] }
 */
export function authorPageList(
  author: Author,
  index: AuthorIndex,
  paperBySlug: ReadonlyMap<string, SluggedPaper>,
  nameBySlug: ReadonlyMap<string, string>,
  categories?: Pick<CategoryIndex, 'valuesOf' | 'labelOf'>,
): AuthorPageList {
  const papers = author.paperSlugs.flatMap((slug) => paperBySlug.get(slug) ?? []);
  const items = toPaperListItems(papers, (name) => authorSlugOf(index, name), categories?.valuesOf);
  const categoryLabels = [...new Set(items.flatMap((item) => item.categories))].map((value): [string, string] => [value, categories?.labelOf(value) ?? value]);
  const coAuthorSlugs = [...new Set(items.flatMap((item) => item.authorSlugs))];
  const coAuthorNames = coAuthorSlugs.flatMap((slug): [string, string][] => {
    const name = nameBySlug.get(slug);
    return name === undefined ? [] : [[slug, name]];
  });
  return { items, coAuthorNames, categoryLabels };
}
