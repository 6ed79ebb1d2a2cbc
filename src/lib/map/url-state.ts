import type { MapView } from './view-transform.ts';

/** What a shared map link restores: the view, the focused topic and the selected paper, each optional. */
export interface MapUrlState {
  view: MapView | null;
  topicSlug: string | null;
  paperSlug: string | null;
}

/** Parameter names in the query string; other parameters on the URL are left alone. */
const PARAM = { zoom: 'z', x: 'x', y: 'y', topic: 't', paper: 'p' } as const;
/** Zoom factors outside this range are not views anyone made; they are dropped rather than obeyed. */
const ZOOM_RANGE: readonly [number, number] = [0.05, 10_000];
/** Data coordinates live in about [0, 1]; a centre far outside it is a broken link. */
const CENTER_RANGE: readonly [number, number] = [-100, 100];
const MAX_SLUG_LENGTH = 300;

/**
 * Write a map state into a query string, keeping unrelated parameters of `currentSearch` and their order.
 * Numbers get fixed precision (zoom 3 decimals, centre 5) with trailing zeros trimmed, so links stay short and stable.
 * @example encodeMapUrlState({ view: { zoom: 2.1, centerX: 0.25, centerY: 0.5 }, topicSlug: 'graphs', paperSlug: null }) // => '?z=2.1&x=0.25&y=0.5&t=graphs'
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
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * Read a map state from a query string. Anything missing, malformed or out of range becomes null, so a mangled
 * link opens the default view instead of a blank map.
 * @example decodeMapUrlState('?z=2.1&x=0.25&y=0.5&p=some-paper') // => { view: { zoom: 2.1, centerX: 0.25, centerY: 0.5 }, topicSlug: null, paperSlug: 'some-paper' }
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
  };
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
