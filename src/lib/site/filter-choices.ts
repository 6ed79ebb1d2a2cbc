import type { CategoryOption } from './categories.ts';

/**
 * The choices of the papers list's Topic, Category and From/To year selects, served once as `/papers/filters.json` and put into
 * the selects by the browser when the filters are first used (src/scripts/papers-browser.ts). Written into every
 * list page they were ~9 kB at 10,000 papers and ~30 kB at 102,538 (346 topics, ~300 categories) on each of its
 * 1,025 pages (and the two year selects ~2 kB); the form is shown only where scripts run (`.js-only`), so no reader without JavaScript had them.
 * `/search-index/categories.json` is not used for this: it lists every choice's paper ids (hundreds of kB at
 * 100k papers) and no labels.
 */
export interface FilterChoices {
  /** Search-index topic id and label, A–Z (PapersBrowserView.topics). */
  topics: { id: number; label: string }[];
  /** Category choices, most papers first (src/lib/site/categories.ts). */
  categories: CategoryOption[];
  /** Publication years, newest first (the From and To selects; PapersBrowserView.years). */
  years: number[];
}

/**
 * The JSON of `/papers/filters.json`: `{ "topics": [[id, label], …], "categories": [[value, label, count], …],
 * "years": [newest, …] }`, arrays rather than objects as it is read only by `parseFilterChoices`.
 * @example filterChoicesToJson({ topics: [{ id: 3, label: 'graph · GNN' }], categories: [{ value: 'cs.LG', label: 'Machine Learning (cs.LG)', count: 12 }], years: [2024, 2023] })
 * // => '{"topics":[[3,"graph · GNN"]],"categories":[["cs.LG","Machine Learning (cs.LG)",12]],"years":[2024,2023]}'
 */
export function filterChoicesToJson(choices: FilterChoices): string {
  return JSON.stringify({
    topics: choices.topics.map((topic) => [topic.id, topic.label]),
    categories: choices.categories.map((option) => [option.value, option.label, option.count]),
    years: choices.years,
  });
}

/**
 * The choices a `/papers/filters.json` holds; entries of the wrong shape are left out, and anything that is not
 * such a file gives no choices (the selects then keep only "All topics", "Any category", "Any year").
 * @example parseFilterChoices('{"topics":[[3,"graph · GNN"]],"categories":[["cs.LG","Machine Learning (cs.LG)",12]]}').categories
 * // => [{ value: 'cs.LG', label: 'Machine Learning (cs.LG)', count: 12 }]
 */
export function parseFilterChoices(text: string): FilterChoices {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { topics: [], categories: [], years: [] };
  }
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const rows = (key: string): unknown[][] => (Array.isArray(record[key]) ? record[key].filter((row): row is unknown[] => Array.isArray(row)) : []);
  return {
    topics: rows('topics').flatMap(([id, label]) => (typeof id === 'number' && typeof label === 'string' ? [{ id, label }] : [])),
    categories: rows('categories').flatMap(([option, label, count]) =>
      typeof option === 'string' && typeof label === 'string' && typeof count === 'number' ? [{ value: option, label, count }] : [],
    ),
    years: Array.isArray(record['years']) ? record['years'].filter((year): year is number => Number.isInteger(year)) : [],
  };
}

/**
 * The text of a category choice in a select: its label and its papers ("Machine Learning (cs.LG) · 1,204"), as
 * the whole-atlas selects show it (CategoryField.astro on /search/ renders the same).
 * @example categoryChoiceText({ value: 'cs.LG', label: 'Machine Learning (cs.LG)', count: 1204 }) // => 'Machine Learning (cs.LG) · 1,204'
 */
export function categoryChoiceText(option: CategoryOption): string {
  return `${option.label} · ${option.count.toLocaleString('en-US')}`;
}
