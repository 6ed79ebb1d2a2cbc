import { createHash } from 'node:crypto';
import type { SluggedPaper } from '../ingest/paper.ts';
import type { TopicBadge } from './topic-view.ts';
import type { SiteChrome } from './chrome.ts';

/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose `cacheKey` and module
 * dependency hash both match the previous build is copied from the cache instead of rendered. So a key must
 * change whenever anything the page renders changes, and stay the same when nothing it renders does; values that
 * change with every added paper (a paper's position, the corpus size) must not be rendered on keyed pages at all.
 */

// 64 bits: Astro compares keys per path, so a collision would need two versions of one page to collide.
const KEY_HEX_CHARS = 16;

/**
 * JSON with object keys in code-unit order at every depth, so equal values give equal text whatever order their
 * fields were set in. `undefined` fields are left out, as `JSON.stringify` does: a page renders them as absent.
 * @example stableJson({ b: 1, a: [{ d: 2, c: undefined }] }) // => '{"a":[{"d":2}],"b":1}'
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) => {
    if (field === null || typeof field !== 'object' || Array.isArray(field)) return field;
    if (field instanceof Map || field instanceof Set) throw new TypeError('stableJson: convert Maps and Sets to arrays first');
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(field).sort()) sorted[key] = (field as Record<string, unknown>)[key];
    return sorted;
  });
}

/**
 * The cache key of a page that renders exactly `inputs`: the first 16 hex characters of the SHA-256 of their
 * stable JSON. Equal inputs give the same key on every run and machine.
 * @example pageCacheKey({ title: 'Deep Nets', buildDate: '2023-11-14' }) // => '47c5968b9fec2d33'
 */
export function pageCacheKey(inputs: Record<string, unknown>): string {
  return createHash('sha256').update(stableJson(inputs)).digest('hex').slice(0, KEY_HEX_CHARS);
}

/** A related paper as a paper page lists it: linked by its title. */
export interface RelatedPaperLink {
  slug: string;
  title: string;
  /** Cosine similarity in [0, 1]; shown as a percentage. */
  similarity: number;
  /** The terms both papers share that the page shows, strongest first. */
  shared: string[];
}

/**
 * The props of a paper page (src/pages/papers/[slug].astro): everything it renders, its layout, header and footer
 * included, since its components take props and read nothing else.
 */
export interface PaperPageInputs {
  paper: SluggedPaper;
  /** The neighbours in the papers list's order, linked by "← Newer" / "Older →" (their titles are not shown). */
  previous: { slug: string } | undefined;
  next: { slug: string } | undefined;
  /** The paper's topic badge (label, slug, colour), when the atlas has topics. */
  badge: TopicBadge | undefined;
  /** The atlas's outlier flag for the paper. */
  isWeak: boolean;
  related: RelatedPaperLink[];
  /** The slug of each author's page, in author order; undefined for a name without a page. */
  authorSlugs: (string | undefined)[];
  /** What the layout's header and footer show. */
  chrome: SiteChrome;
}

/**
 * The cache key of a paper page. The paper's `order` is left out: the page does not show it, and it shifts for
 * every later paper when one is inserted earlier in source order.
 * @example paperPageCacheKey({ paper, previous: undefined, next: { slug: 'b-2' }, badge: undefined, isWeak: false,
 *   related: [], authorSlugs: ['ada-lovelace'], chrome: { hasAuthorPages: true, hasDates: true, buildDate: '2023-11-14' } })
 * // => 16 hex characters; the same for `{ ...paper, order: 7 }`, another for `{ ...paper, title: 'B' }`
 */
export function paperPageCacheKey(inputs: PaperPageInputs): string {
  const { order: _order, ...paperShown } = inputs.paper;
  return pageCacheKey({ ...inputs, paper: paperShown });
}
