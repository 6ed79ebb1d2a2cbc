import type { SluggedPaper } from '../ingest/paper.ts';
import { texToPlain } from '../tex/plain.ts';
import { foldText } from '../text/fold.ts';
import type { CategoryOption } from './categories.ts';

/** What one row of a papers list shows. */
export interface PaperListItem {
  slug: string;
  title: string;
  teaser: string;
  authors: string;
  year: string;
  /**
   * Folded, lower-case text the list's filter box matches besides what the row shows: its authors (up to
   * MAX_ROW_AUTHORS; the row shows three). The title and teaser are not repeated here: the browser folds them from
   * the row itself (src/scripts/paper-list.ts), so the filter matches the words a reader sees.
   */
  filterText: string;
  /** Category filter values (src/lib/site/categories.ts: `cs.LG`, `deep-learning`), primary first; what it matches. */
  categories: string[];
  /** Author page slugs, in author order; what the author filter matches. Empty when no author index was given. */
  authorSlugs: string[];
}

/**
 * One page of the papers list (/papers/, /papers/page/<n>/) as src/components/PapersBrowser.astro shows it: its rows
 * and what its whole-atlas filters offer (topics, years, categories, whether any paper names authors).
 */
export interface PapersBrowserView {
  items: PaperListItem[];
  /** Topic badge (label, colour, link) per paper slug, when topics exist. */
  topicBySlug: Map<string, { label: string; color: string; href: string }>;
  /** Topics for the topic filter, A–Z: search-index topic id and label. */
  topics: { id: number; label: string }[];
  /** Publication years of the atlas, newest first (empty: no paper is dated, no year filter). */
  years: number[];
  hasAuthors: boolean;
  /** Choices of the category filter (src/lib/site/categories.ts), most papers first; empty: no category filter. */
  categories: CategoryOption[];
  /** 1-based. */
  pageNumber: number;
  pageCount: number;
  /** Papers in the whole atlas. */
  paperCount: number;
  /** True when the list runs newest first (some paper is dated), else in source order. */
  isByDate: boolean;
}

/**
 * A row's teaser: one line of a desktop list (~155 characters at 1280 px), three to four on a phone (~45 a line),
 * enough to tell papers apart; the paper page has the abstract. It was 220 (a line and a half on a desktop, five
 * lines on a phone), ~7 kB more on each of the papers list's 1,025 pages at 102,538 papers.
 */
export const TEASER_CHARS = 150;

/**
 * Fold text for matching: lower-case, diacritics removed, whitespace collapsed.
 * @example foldForMatch('TÜLU  3') // => 'tulu 3'
 */
export function foldForMatch(text: string): string {
  return foldText(text)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Cut text at a word boundary near `maxChars`, adding an ellipsis when cut.
 * @example truncateAtWord('Graph neural networks for molecules', 20) // => 'Graph neural…'
 */
export function truncateAtWord(text: string, maxChars: number): string {
  const clean = collapsedPrefix(text, maxChars);
  if (clean.length <= maxChars) return clean;
  const cut = clean.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars * 0.4 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/**
 * `text` with white-space runs made one space and trimmed, or, when that is longer than `maxChars`, a prefix of it
 * that is (still longer than `maxChars`, so a cut at `maxChars` is the same). Teasers and descriptions cut 1 kB
 * abstracts at 155 characters: collapsing only the start spares rewriting the whole abstract 20,000 times a 10k build.
 */
function collapsedPrefix(text: string, maxChars: number): string {
  for (let length = 2 * maxChars + 16; length < text.length; length *= 2) {
    const prefix = text.slice(0, length).replace(/\s+/g, ' ').trimStart();
    // A letter past maxChars proves the whole text, collapsed and trimmed, is longer than maxChars too.
    if (prefix.trimEnd().length > maxChars) return prefix;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Authors a list row carries for its text and author filters. A row is repeated on every co-author's page, so a
 * row carrying all of a 5,000-author paper's names would make output quadratic in the author count (5,000 pages of
 * 5,000 names each); past this many, the later authors are not filterable from lists (their own pages still list
 * the paper).
 */
export const MAX_ROW_AUTHORS = 20;

/**
 * The rows of a papers list, in the papers' order. `authorSlugOf` maps an author name as written to the slug of
 * its author page (src/lib/site/authors.ts); without it rows carry no author slugs and the author filter is off.
 * `categoryValuesOf` gives the category filter's values of a paper's raw categories (src/lib/site/categories.ts:
 * arXiv codes, merged keywords, rare ones out); without it rows carry no categories and the category filter is off.
 * @example toPaperListItems([paper])[0].teaser // => 'Despite rapid progress in building conversational AI agents…'
 */
export function toPaperListItems(
  papers: readonly SluggedPaper[],
  authorSlugOf?: (name: string) => string | undefined,
  categoryValuesOf?: (categories: readonly string[]) => string[],
): PaperListItem[] {
  return papers.map((paper) => {
    const authors = paper.authors.length > 3 ? `${paper.authors.slice(0, 3).join(', ')} et al.` : paper.authors.join(', ');
    return {
      slug: paper.slug,
      title: texToPlain(paper.title),
      teaser: truncateAtWord(texToPlain(paper.abstract), TEASER_CHARS),
      authors,
      year: paper.date?.slice(0, 4) ?? '',
      filterText: foldForMatch(paper.authors.slice(0, MAX_ROW_AUTHORS).join(' ')),
      categories: categoryValuesOf === undefined ? [] : categoryValuesOf(paper.categories),
      authorSlugs: authorSlugOf === undefined ? [] : [...new Set(paper.authors.slice(0, MAX_ROW_AUTHORS).flatMap((name) => authorSlugOf(name) ?? []))],
    };
  });
}

/**
 * Papers newest first: by publication date (a full date before a bare year of the same year, as it is more
 * precise, compared as text: ISO dates sort by time), undated papers last, ties in source order.
 * @example newestFirst([{ date: '2021', order: 0 }, { date: undefined, order: 1 }, { date: '2023-05-01', order: 2 }]).map((p) => p.order) // => [2, 0, 1]
 */
export function newestFirst<T extends { date?: string | undefined; order: number }>(papers: readonly T[]): T[] {
  return [...papers].sort((a, b) => {
    if (a.date === undefined || b.date === undefined) return (a.date === undefined ? 1 : 0) - (b.date === undefined ? 1 : 0) || a.order - b.order;
    return (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) || a.order - b.order;
  });
}

/**
 * The publication years of the papers, each once, newest first: what a year-range filter offers (empty when no
 * paper is dated).
 * @example yearsOf([{ date: '2021-03-01' }, { date: undefined }, { date: '2023' }, { date: '2021' }]) // => [2023, 2021]
 */
export function yearsOf(papers: readonly { date?: string | undefined }[]): number[] {
  return [...new Set(papers.flatMap((paper) => (paper.date ? [Number(paper.date.slice(0, 4))] : [])))].sort((a, b) => b - a);
}

/** One choice of a list filter's select box. */
export interface FilterOption {
  value: string;
  label: string;
  count: number;
}

/** The select boxes a list offers; a list with no years (categories, authors) gets no box for them. */
export interface ListFilterOptions {
  years: FilterOption[];
  categories: FilterOption[];
  authors: FilterOption[];
}

/** Longest select box: beyond this the most frequent values are kept, so a 1,000-paper page stays light. */
export const MAX_FILTER_OPTIONS = 200;

function countValues(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

const optionCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The `max` most frequent values (ties: collation order), then listed in collation order. */
function topOptions(counts: Map<string, number>, labelOf: (value: string) => string, max: number): FilterOption[] {
  return [...counts]
    .map(([value, count]) => ({ value, label: labelOf(value), count }))
    .sort((left, right) => right.count - left.count || optionCollator.compare(left.label, right.label) || (left.value < right.value ? -1 : 1))
    .slice(0, max)
    .sort((left, right) => optionCollator.compare(left.label, right.label) || (left.value < right.value ? -1 : 1));
}

/**
 * The options of a list's year, category and author select boxes, from the rows it shows: years newest first,
 * categories most papers first (as the whole-atlas category filter), authors A–Z, each capped at the
 * `MAX_FILTER_OPTIONS` most frequent. `authorNameOf` gives the label of an author slug, `categoryLabelOf` that of
 * a category value.
 * @example listFilterOptions(items, (slug) => nameBySlug.get(slug) ?? slug).years // => [{ value: '2024', label: '2024', count: 12 }, …]
 */
export function listFilterOptions(
  items: readonly { year: string; categories: readonly string[]; authorSlugs: readonly string[] }[],
  authorNameOf: (slug: string) => string,
  categoryLabelOf: (value: string) => string = (value) => value,
): ListFilterOptions {
  const years = [...countValues(items.flatMap((item) => (item.year === '' ? [] : [item.year])))]
    .sort(([left], [right]) => (left < right ? 1 : left > right ? -1 : 0))
    .map(([value, count]) => ({ value, label: value, count }));
  return {
    years,
    categories: [...countValues(items.flatMap((item) => item.categories))]
      .map(([value, count]) => ({ value, label: categoryLabelOf(value), count }))
      .sort((left, right) => right.count - left.count || optionCollator.compare(left.label, right.label) || (left.value < right.value ? -1 : 1))
      .slice(0, MAX_FILTER_OPTIONS),
    authors: topOptions(countValues(items.flatMap((item) => item.authorSlugs)), authorNameOf, MAX_FILTER_OPTIONS),
  };
}

/** What a list is filtered by: words of the text box (folded) and the selected year, category and author ('' = any). */
export interface ListFilterState {
  text: string;
  year: string;
  category: string;
  author: string;
}

/** The part of a row the filters read. */
export interface FilterableRow {
  filterText: string;
  year: string;
  categories: readonly string[];
  authorSlugs: readonly string[];
}

/**
 * True when a row passes every filter: all words of the text box appear in its folded text, and it has the
 * selected year, category and author (an empty selection passes everything).
 * @example rowMatchesFilters({ filterText: 'graph nets ada lovelace', year: '2024', categories: ['cs.LG'], authorSlugs: ['ada-lovelace'] },
 *   { text: 'Graph', year: '2024', category: 'cs.LG', author: '' }) // => true
 */
export function rowMatchesFilters(row: FilterableRow, state: ListFilterState): boolean {
  if (state.year !== '' && row.year !== state.year) return false;
  if (state.category !== '' && !row.categories.includes(state.category)) return false;
  if (state.author !== '' && !row.authorSlugs.includes(state.author)) return false;
  const words = foldForMatch(state.text).split(' ').filter(Boolean);
  return words.every((word) => row.filterText.includes(word));
}

/** URL query keys of the list state. */
const STATE_KEYS = { text: 'filter', year: 'year', category: 'category', author: 'author' } as const;

/**
 * The filter state a URL query holds (`?filter=graph&year=2024&category=cs.LG&author=ada-lovelace`); missing keys are ''.
 * @example listStateFromSearch('?year=2024&author=ada-lovelace') // => { text: '', year: '2024', category: '', author: 'ada-lovelace' }
 */
export function listStateFromSearch(search: string): ListFilterState {
  const params = new URLSearchParams(search);
  return {
    text: params.get(STATE_KEYS.text) ?? '',
    year: params.get(STATE_KEYS.year) ?? '',
    category: params.get(STATE_KEYS.category) ?? '',
    author: params.get(STATE_KEYS.author) ?? '',
  };
}

/**
 * Write the filter state into URL query params, removing empty ones and keeping unrelated ones.
 * @example writeListState(new URLSearchParams('sort=title'), { text: 'graph', year: '', category: 'cs.LG', author: '' }).toString()
 * // => 'sort=title&filter=graph&category=cs.LG'
 */
export function writeListState(params: URLSearchParams, state: ListFilterState): URLSearchParams {
  for (const field of ['text', 'year', 'category', 'author'] as const) {
    if (state[field] === '') params.delete(STATE_KEYS[field]);
    else params.set(STATE_KEYS[field], state[field]);
  }
  return params;
}
