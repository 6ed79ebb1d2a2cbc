import type { MapView } from './view-transform.ts';

/**
 * What a shared map link restores, each part optional: the view, the focused topic, the selected paper, the words
 * highlighted with the search box (`q`), the year range (`from`, `to`) and the papers a link highlights (`papers`).
 */
export interface MapUrlState {
  view: MapView | null;
  topicSlug: string | null;
  paperSlug: string | null;
  query: string | null;
  /** First and last year shown in colour, inclusive; null for all years. */
  years: readonly [number, number] | null;
  /** Papers a link (/similar/, /search/) asked to highlight, by slug; null for none. */
  highlighted: readonly string[] | null;
}

/** Parameter names in the query string; other parameters on the URL are left alone. */
const PARAM = { zoom: 'z', x: 'x', y: 'y', topic: 't', paper: 'p', query: 'q', from: 'from', to: 'to', papers: 'papers' } as const;
/** Years a link may name; anything else is a broken link. */
const YEAR_RANGE: readonly [number, number] = [1000, 3000];
const MAX_QUERY_LENGTH = 200;
/** Zoom factors outside this range are not views anyone made; they are dropped rather than obeyed. */
const ZOOM_RANGE: readonly [number, number] = [0.05, 10_000];
/** Data coordinates live in about [0, 1]; a centre far outside it is a broken link. */
const CENTER_RANGE: readonly [number, number] = [-100, 100];
const MAX_SLUG_LENGTH = 300;

/**
 * Write a map state into a query string, keeping unrelated parameters of `currentSearch` and their order.
 * Numbers get fixed precision (zoom 3 decimals, centre 5) with trailing zeros trimmed, so links stay short and stable.
 * @example encodeMapUrlState({ view: { zoom: 2.1, centerX: 0.25, centerY: 0.5 }, topicSlug: 'graphs', paperSlug: null, query: null, years: [2012, 2014], highlighted: null }) // => '?z=2.1&x=0.25&y=0.5&t=graphs&from=2012&to=2014'
 */
export function encodeMapUrlState(state: MapUrlState, currentSearch = ''): string {
  const params = new URLSearchParams(currentSearch);
  for (const name of Object.values(PARAM)) params.delete(name);
  if (state.view) {
    params.set(PARAM.zoom, formatNumber(state.view.zoom, 3));
    params.set(PARAM.x, formatNumber(state.view.centerX, 5));
    params.set(PARAM.y, formatNumber(state.view.centerY, 5));
  }
  if (state.topicSlug) params.set(PARAM.topic, state.topicSlug);
  if (state.paperSlug) params.set(PARAM.paper, state.paperSlug);
  if (state.query?.trim()) params.set(PARAM.query, state.query.trim());
  if (state.years) {
    params.set(PARAM.from, String(state.years[0]));
    params.set(PARAM.to, String(state.years[1]));
  }
  if (state.highlighted) params.set(PARAM.papers, state.highlighted.join(','));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * Read a map state from a query string. Anything missing, malformed or out of range becomes null, so a mangled
 * link opens the default view instead of a blank map.
 * A year range needs both ends; they are put in order.
 * @example decodeMapUrlState('?z=2.1&x=0.25&y=0.5&p=some-paper&q=graph') // => { view: { zoom: 2.1, centerX: 0.25, centerY: 0.5 }, topicSlug: null, paperSlug: 'some-paper', query: 'graph', years: null, highlighted: null }
 */
export function decodeMapUrlState(search: string): MapUrlState {
  const params = new URLSearchParams(search);
  const zoom = parseNumber(params.get(PARAM.zoom), ZOOM_RANGE);
  const centerX = parseNumber(params.get(PARAM.x), CENTER_RANGE);
  const centerY = parseNumber(params.get(PARAM.y), CENTER_RANGE);
  return {
    view: zoom !== null && centerX !== null && centerY !== null ? { zoom, centerX, centerY } : null,
    topicSlug: parseSlug(params.get(PARAM.topic)),
    paperSlug: parseSlug(params.get(PARAM.paper)),
    query: parseQuery(params.get(PARAM.query)),
    years: parseYears(params.get(PARAM.from), params.get(PARAM.to)),
    highlighted: decodeHighlightSlugs(search),
  };
}

function parseQuery(raw: string | null): string | null {
  const query = raw?.trim() ?? '';
  return query.length > 0 ? query.slice(0, MAX_QUERY_LENGTH) : null;
}

function parseYears(rawFrom: string | null, rawTo: string | null): [number, number] | null {
  const from = parseNumber(rawFrom, YEAR_RANGE);
  const to = parseNumber(rawTo, YEAR_RANGE);
  if (from === null || to === null || !Number.isInteger(from) || !Number.isInteger(to)) return null;
  return from <= to ? [from, to] : [to, from];
}

function formatNumber(value: number, decimals: number): string {
  const fixed = value.toFixed(decimals);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

function parseNumber(raw: string | null, [min, max]: readonly [number, number]): number | null {
  if (raw === null || raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) && value >= min && value <= max ? value : null;
}

function parseSlug(raw: string | null): string | null {
  if (raw === null) return null;
  const slug = raw.trim();
  return slug.length > 0 && slug.length <= MAX_SLUG_LENGTH ? slug : null;
}

/** Most papers a `?papers=` link may highlight. */
const MAX_HIGHLIGHTED = 200;

/**
 * Slugs of the papers a link asks the map to highlight (`?papers=a,b,c`, as /similar/'s "show on map" writes it),
 * malformed ones dropped; null when the parameter is absent.
 * @example decodeHighlightSlugs('?papers=graph-nets,attention') // => ['graph-nets', 'attention']
 */
export function decodeHighlightSlugs(search: string): string[] | null {
  const raw = new URLSearchParams(search).get('papers');
  if (raw === null) return null;
  const slugs = raw.split(',').map((slug) => parseSlug(slug)).filter((slug): slug is string => slug !== null);
  return slugs.slice(0, MAX_HIGHLIGHTED);
}
