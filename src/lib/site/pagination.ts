/** One page of a long list. */
export interface ListPage<T> {
  /** 1-based page number. */
  number: number;
  items: T[];
  pageCount: number;
}

// Lists longer than this are split: a 100k-paper list on one page would be a 20 MB HTML file. Topic pages list at
// most this many of their most representative papers.
export const PAPERS_PER_PAGE = 1000;

/**
 * Rows per page of the papers list (/papers/, /papers/page/<n>/): about 13,000 px of rows, a page a reader scrolls
 * through; 1,000 rows made 131,000 px with the page links only at the bottom. Its filters search the whole atlas.
 */
export const PAPERS_PER_LIST_PAGE = 100;

/** One link of a page navigation: a page number, or a gap standing for the pages left out. */
export type PageLink = number | 'gap';

/**
 * The page links of a long list: the first and last page, and the pages around the current one, with gaps
 * between, so 1,000 pages need a dozen links, not 1,000.
 * @example pageWindow(7, 100) // => [1, 'gap', 5, 6, 7, 8, 9, 'gap', 100]
 * @example pageWindow(2, 4) // => [1, 2, 3, 4]
 */
export function pageWindow(current: number, pageCount: number, radius = 2): PageLink[] {
  const shown = new Set<number>([1, pageCount]);
  for (let page = current - radius; page <= current + radius; page += 1) if (page >= 1 && page <= pageCount) shown.add(page);
  const sorted = [...shown].sort((a, b) => a - b);
  const links: PageLink[] = [];
  sorted.forEach((page, i) => {
    const previous = sorted[i - 1];
    // A gap of one page shows that page instead: "1 … 3" would hide only page 2.
    if (previous !== undefined && page - previous === 2) links.push(previous + 1);
    else if (previous !== undefined && page - previous > 2) links.push('gap');
    links.push(page);
  });
  return links;
}

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
