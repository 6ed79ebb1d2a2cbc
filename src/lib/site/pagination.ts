/** One page of a long list. */
export interface ListPage<T> {
  /** 1-based page number. */
  number: number;
  items: T[];
  pageCount: number;
}

// Lists longer than this are split: a 100k-paper list on one page would be a 20 MB HTML file.
export const PAPERS_PER_PAGE = 1000;

/**
 * Split items into pages of `size`; an empty list is one empty page.
 * @example paginateItems([1, 2, 3], 2) // => [{ number: 1, items: [1, 2], pageCount: 2 }, { number: 2, items: [3], pageCount: 2 }]
 */
export function paginateItems<T>(items: readonly T[], size: number): ListPage<T>[] {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pageCount }, (_, index) => ({
    number: index + 1,
    items: items.slice(index * size, (index + 1) * size),
    pageCount,
  }));
}

/**
 * The site path of a papers-list page: page 1 is `/papers/`, later ones `/papers/page/<n>/`.
 * @example papersPagePath(3) // => '/papers/page/3/'
 */
export function papersPagePath(pageNumber: number): string {
  return pageNumber <= 1 ? '/papers/' : `/papers/page/${pageNumber}/`;
}
