import { createHash } from 'node:crypto';
import { foldText } from '../text/fold.ts';

/**
 * Page slugs for papers: readable title words plus a suffix that depends only on the paper itself
 * (its arXiv id, else a hash of its title and abstract), so adding, removing or reordering papers
 * never changes another paper's slug.
 */

/** Longest slug base (the title part), in characters; cut at a word boundary. */
export const MAX_SLUG_BASE_LENGTH = 60;

/** Base used when a title has no letters or digits left after folding (e.g. a title in Chinese or only punctuation). */
export const FALLBACK_SLUG_BASE = 'paper';

/** Hash characters in a slug suffix; 36^6 ≈ 2.2e9 values, so two papers sharing a base and a hash is vanishingly rare. */
const HASH_SUFFIX_LENGTH = 6;

/**
 * Site routes and files a slug must never shadow. The suffix already rules this out (every slug ends in
 * `-<id or hash>`); the list is here so tests and other route code can check against one source.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  '404',
  '_astro',
  'about',
  'api',
  'assets',
  'atlas',
  'atlas.json',
  'authors',
  'favicon.ico',
  'favicon.svg',
  'index',
  'map',
  'papers',
  'robots.txt',
  'search',
  'search-index.json',
  'sitemap.xml',
  'tags',
  'topics',
]);


/**
 * The readable part of a slug: lower-case ASCII words from the title, diacritics folded (`TÜLU` → `tulu`,
 * `ß` → `ss`), apostrophes dropped, other punctuation turned into word breaks, cut at a word boundary to at
 * most 60 characters. A title with no letters or digits gives `paper`.
 * @example slugifyTitle('TÜLU 3: Pushing Frontiers in Open Language Model Post-Training') // => 'tulu-3-pushing-frontiers-in-open-language-model-post' (cut at 60)
 * @example slugifyTitle("Today's <script>alert(1)</script>") // => 'todays-script-alert-1-script'
 * @example slugifyTitle('深度学习') // => 'paper'
 */
export function slugifyTitle(title: string): string {
  const words = foldText(title)
    .replace(/['’ʼ‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (words === '') return FALLBACK_SLUG_BASE;
  if (words.length <= MAX_SLUG_BASE_LENGTH) return words;
  const lastBreak = words.slice(0, MAX_SLUG_BASE_LENGTH + 1).lastIndexOf('-');
  // One giant "word" (a run of 60+ letters) has no boundary to cut at; cut it hard.
  return lastBreak > 0 ? words.slice(0, lastBreak) : words.slice(0, MAX_SLUG_BASE_LENGTH);
}

/** What a slug is computed from: the paper's own title, abstract and arXiv id. */
export interface SlugSource {
  title: string;
  abstract: string;
  arxivId?: string | undefined;
}

/** Lower-case, NFC, whitespace collapsed: small edits in spacing or case do not change a paper's hash. */
function normaliseForHash(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** SHA-1 of the normalised title and abstract, as hex (the tiebreak order) and as base-36 digits (the suffix). */
function contentHashOf(paper: SlugSource): { hex: string; base36: string } {
  const hex = createHash('sha1')
    .update(`${normaliseForHash(paper.title)}\n${normaliseForHash(paper.abstract)}`)
    .digest('hex');
  // Least significant digit first, so every digit is close to uniform (the leading base-36 digit of a 160-bit
  // number is not) and longer suffixes extend shorter ones. 31 digits hold any 160-bit value.
  const base36 = [...BigInt(`0x${hex}`).toString(36).padStart(31, '0')].reverse().join('');
  return { hex, base36 };
}

/** `2411.15124v2` → `2411-15124`, `cs/0112017` → `cs-0112017`. */
function arxivIdToSuffix(arxivId: string): string {
  return arxivId
    .toLowerCase()
    .replace(/v\d+$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

interface SlugCandidate {
  index: number;
  base: string;
  idSuffix: string;
  hash: { hex: string; base36: string };
}

/** The slug a paper gets when nothing collides with it. */
function primarySlug(candidate: SlugCandidate): string {
  const suffix = candidate.idSuffix !== '' ? candidate.idSuffix : candidate.hash.base36.slice(0, HASH_SUFFIX_LENGTH);
  return `${candidate.base}-${suffix}`;
}

/** Longer slugs for a paper that lost a collision, shortest first; all depend only on the paper. */
function* longerSlugs(candidate: SlugCandidate): Generator<string> {
  const { base, idSuffix, hash } = candidate;
  const prefix = idSuffix !== '' ? `${base}-${idSuffix}-` : `${base}-`;
  const firstLength = idSuffix !== '' ? HASH_SUFFIX_LENGTH : HASH_SUFFIX_LENGTH + 2;
  for (let length = firstLength; length <= hash.base36.length; length += 2) {
    yield `${prefix}${hash.base36.slice(0, length)}`;
  }
  // Same title, abstract and arXiv id: nothing about the papers differs, so only a counter can.
  for (let counter = 2; ; counter += 1) yield `${prefix}${hash.base36}-${counter}`;
}

/** Deterministic order among papers that share a slug: by content hash, then arXiv id, then input position. */
function compareCandidates(left: SlugCandidate, right: SlugCandidate): number {
  if (left.hash.hex !== right.hash.hex) return left.hash.hex < right.hash.hex ? -1 : 1;
  if (left.idSuffix !== right.idSuffix) return left.idSuffix < right.idSuffix ? -1 : 1;
  return left.index - right.index;
}

/**
 * Give every paper a unique slug: `<title words>-<arXiv id>` when the arXiv id is known, else
 * `<title words>-<6 base-36 chars of SHA-1(title + "\n" + abstract)>`. The suffix depends only on the paper, so a
 * paper's slug does not change when others are added, removed or reordered. When two different papers still
 * share a slug, the one first in (content hash, arXiv id) order keeps it and the others get a longer hash.
 * Returns the papers in input order, each with `slug` added.
 * @example assignSlugs([{ title: 'Attention Is All You Need', abstract: '…', arxivId: '1706.03762' }])[0].slug
 * // => 'attention-is-all-you-need-1706-03762'
 * @example assignSlugs([{ title: '???', abstract: 'Only punctuation in the title.' }])[0].slug // => 'paper-' + 6 base-36 chars
 */
export function assignSlugs<T extends SlugSource>(papers: readonly T[]): Array<T & { slug: string }> {
  const candidates: SlugCandidate[] = papers.map((paper, index) => ({
    index,
    base: slugifyTitle(paper.title),
    idSuffix: paper.arxivId ? arxivIdToSuffix(paper.arxivId) : '',
    hash: contentHashOf(paper),
  }));
  const candidatesBySlug = new Map<string, SlugCandidate[]>();
  for (const candidate of candidates) {
    const slug = primarySlug(candidate);
    candidatesBySlug.set(slug, [...(candidatesBySlug.get(slug) ?? []), candidate]);
  }
  const slugByIndex: string[] = [];
  const takenSlugs = new Set<string>();
  const losers: SlugCandidate[] = [];
  for (const [slug, sharing] of candidatesBySlug) {
    const [winner, ...rest] = [...sharing].sort(compareCandidates);
    if (winner === undefined) continue;
    slugByIndex[winner.index] = slug;
    takenSlugs.add(slug);
    losers.push(...rest);
  }
  for (const loser of losers.sort(compareCandidates)) {
    for (const slug of longerSlugs(loser)) {
      if (takenSlugs.has(slug)) continue;
      slugByIndex[loser.index] = slug;
      takenSlugs.add(slug);
      break;
    }
  }
  return papers.map((paper, index) => ({ ...paper, slug: slugByIndex[index] ?? '' }));
}
