import { createTitleMatcher, normalizeWords } from '../../lib/map/title-match.ts';
import type { SearchEngine } from '../../lib/search/engine.ts';
import type { MapModel } from './atlas-data.ts';

/**
 * What the map's search box needs: paper indices matching a query (ascending), or null when the query is empty.
 * The site's full-text engine fills it when its index is published; the title/keyword matcher otherwise.
 */
export type MapSearch = (query: string) => Promise<number[] | null>;

/** Title and topic-keyword matching over the atlas itself: no extra download. */
export function createTitleSearch(model: MapModel): MapSearch {
  const match = createTitleMatcher(model.atlas.papers, model.atlas.topics);
  return (query) => Promise.resolve(match(query));
}

/**
 * Full-text search with the site's MiniSearch index (titles, topics, authors, abstracts): papers matching every
 * query word are highlighted. When the index cannot be loaded (a build without it), `fallback` answers instead.
 */
export function createEngineSearch(base: string, model: MapModel, fallback: MapSearch): MapSearch {
  let toIndices: Promise<(ids: number[]) => Promise<number[]>> | undefined;
  return async (query) => {
    if (normalizeWords(query).length === 0) return null;
    let engine: SearchEngine;
    try {
      // Loaded on the first query only: the engine is the bulk of the search code and most map visits never search.
      const { loadEngine } = await import('../search/load-engine.ts');
      engine = await loadEngine(base);
    } catch {
      return fallback(query);
    }
    toIndices ??= docIdsToIndices(engine, model);
    const response = await engine.search(query);
    const ids = response.hits.filter((hit) => hit.matchedWords === response.wordCount).map((hit) => hit.id);
    return (await (await toIndices)(ids)).sort((a, b) => a - b);
  };
}

/**
 * How search doc ids become atlas paper indices. Both list papers in source order, so ids are indices when the
 * first and last records agree (checked once, two small fetches); otherwise each hit's slug is looked up.
 */
async function docIdsToIndices(engine: SearchEngine, model: MapModel): Promise<(ids: number[]) => Promise<number[]>> {
  const last = model.count - 1;
  const probe = await engine.docs([0, last]);
  const isSameOrder =
    probe.get(0)?.[1] === model.atlas.papers[0]?.slug && probe.get(last)?.[1] === model.atlas.papers[last]?.slug;
  if (isSameOrder) return (ids) => Promise.resolve(ids.filter((id) => id >= 0 && id < model.count));
  return async (ids) => {
    const records = await engine.docs(ids);
    const indices: number[] = [];
    for (const record of records.values()) {
      const index = model.paperIndexBySlug.get(record[1]);
      if (index !== undefined) indices.push(index);
    }
    return indices;
  };
}

/**
 * Wire the search form: debounced input, Enter does not submit, results reported with their count. Returns a
 * function that puts a query into the box and runs it (a `?q=` link).
 */
export function attachSearchBox(
  form: HTMLFormElement,
  search: MapSearch,
  onResults: (query: string, matches: number[] | null) => void,
): ((query: string) => void) | null {
  const input = form.querySelector<HTMLInputElement>('input[type="search"]');
  if (!input) return null;
  let timer: number | undefined;
  let latestQuery = '';
  const run = () => {
    const query = input.value;
    latestQuery = query;
    void search(query).then(
      (matches) => {
        if (query === latestQuery) onResults(query, matches);
      },
      (error: unknown) => console.warn('AtlasMap search:', error),
    );
  };
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, 150);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    run();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && input.value) {
      event.stopPropagation();
      input.value = '';
      run();
    }
  });
  return (query) => {
    input.value = query;
    run();
  };
}
