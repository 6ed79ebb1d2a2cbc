import type { CategoryEntry, FacetFile } from './manifest.ts';

/** What a whole-atlas listing is narrowed by (/search/, the papers list); every field left out narrows nothing. */
export interface SearchFilters {
  topic?: number;
  /** Earliest publication year kept (inclusive); undated papers are left out when a year bound is set. */
  yearFrom?: number;
  /** Latest publication year kept (inclusive). */
  yearTo?: number;
  /**
   * An author: the papers of the author of that name in `authors.json` (all their merged spellings) when one has
   * exactly this name, else the papers whose authors contain every word (as written, the last as a prefix).
   */
  author?: string;
  /** A choice of the category filter (`cs.LG`, `language-evolution`): the papers `categories.json` lists for it. */
  category?: string;
}

/**
 * True when the filters narrow anything, i.e. a filters-only listing makes sense.
 * @example hasFilters({ yearFrom: 2021 }) // => true
 * @example hasFilters({ author: '  ' }) // => false
 */
export function hasFilters(filters: SearchFilters): boolean {
  return (
    filters.topic !== undefined ||
    filters.yearFrom !== undefined ||
    filters.yearTo !== undefined ||
    (filters.author ?? '').trim() !== '' ||
    (filters.category ?? '') !== ''
  );
}

/**
 * Ids 0..documentCount-1 whose topic and year pass the filters (a year bound leaves undated papers out). A paper's
 * facet is its finest topic, so a theme (a topic that is some `topics` entry's parent) keeps its subtopics' papers.
 * @example [...idsPassingFacets({ topic: [0, 1, 0], year: [2020, 2021, 0] }, 3, { topic: 0, yearFrom: 2019 })] // => [0]
 * @example [...idsPassingFacets({ topic: [1, 2, 3], year: [0, 0, 0] }, 3, { topic: 0 }, [{ id: 1, parent: 0 }, { id: 2, parent: 0 }])] // => [0, 1]
 */
export function idsPassingFacets(
  facets: FacetFile,
  documentCount: number,
  filters: SearchFilters,
  topics: readonly { id: number; parent?: number | undefined }[] = [],
): Set<number> {
  const { topic, yearFrom, yearTo } = filters;
  const wanted = topic === undefined ? undefined : new Set([topic, ...topics.filter((entry) => entry.parent === topic).map((entry) => entry.id)]);
  const ids = new Set<number>();
  for (let id = 0; id < documentCount; id += 1) {
    if (wanted !== undefined && !wanted.has(facets.topic[id] ?? -1)) continue;
    const year = facets.year[id] ?? 0;
    if ((yearFrom !== undefined || yearTo !== undefined) && year === 0) continue;
    if ((yearFrom !== undefined && year < yearFrom) || (yearTo !== undefined && year > yearTo)) continue;
    ids.add(id);
  }
  return ids;
}

/**
 * The papers of one category choice; none for a value the file does not hold (a link from another build matches
 * nothing rather than everything).
 * @example [...categoryIds([['cs.LG', [2, 5]]], 'cs.LG')] // => [2, 5]
 */
export function categoryIds(entries: readonly CategoryEntry[], value: string): Set<number> {
  return new Set(entries.find(([entryValue]) => entryValue === value)?.[1] ?? []);
}

/**
 * `ids` narrowed to `allowed`, or `ids` itself when nothing was narrowed yet (`allowed` undefined).
 * @example [...intersect(new Set([1, 2, 3]), new Set([2, 3, 4]))] // => [2, 3]
 */
export function intersect(allowed: Set<number> | undefined, ids: Set<number>): Set<number> {
  return allowed === undefined ? ids : new Set([...allowed].filter((id) => ids.has(id)));
}
