import { createHash } from 'node:crypto';
import { slugifyTitle } from '../ingest/slug.ts';
import { compareCodeUnits } from '../text/compare.ts';
import { authorNameKey, isInitialsKey, sharesInitials, splitNameKey as splitKey } from '../ingest/author-names.ts';

/**
 * Authors of the atlas: one entry per person, with the papers that name them.
 *
 * Name variants are merged conservatively. Two spellings are one author when they fold to the same key
 * (diacritics removed, case folded, periods and extra spaces dropped: "José García" = "Jose  Garcia"). An
 * initials form ("J. Smith", "J R Smith") is merged into a full name ("John Smith", "John Ronald Smith") only when
 * exactly one full name in the corpus has those initials and that family name; "J. Smith" stays apart when the
 * corpus also has "Jane Smith". (Two records of one paper are bolder: there "S. Holden" is "Sean B. Holden", see
 * mergeAuthorLists.)
 */

/** One author and their papers. */
export interface Author {
  /** URL segment of the author's page, unique among authors: `/authors/<slug>/`. */
  slug: string;
  /** The name shown: the most used spelling, full names before initials. */
  name: string;
  /** Every spelling merged into this author, most used first. */
  variants: string[];
  /** Slugs of the author's papers, in the order the papers were given (source order). */
  paperSlugs: string[];
  /** Index letter: the first letter of the family name folded to a–z, or `#` for anything else. */
  letter: string;
  /** Folded `family given` key the A–Z order uses. */
  sortKey: string;
}

/** The authors, A–Z, and a lookup from every spelling seen to its author's slug. */
export interface AuthorIndex {
  authors: Author[];
  slugByName: Map<string, string>;
}

/** Author slugs the `/authors/` routes use for themselves; an author whose name slugifies to one gets a suffix. */
export const RESERVED_AUTHOR_SLUGS: ReadonlySet<string> = new Set(['letter', 'page', 'index']);

/** Hash characters appended to an author slug that collides with another; 36^6 values. */
const COLLISION_SUFFIX_LENGTH = 6;

/** The key spellings are merged under (one definition, in ingest/author-names.ts, that duplicate merging shares). */
export { authorNameKey };

/** The readable part of an author slug; names with no Latin letters (e.g. 王伟) get `author`. */
function slugBaseOf(name: string): string {
  const base = slugifyTitle(name);
  return base === 'paper' && authorNameKey(name) !== 'paper' ? 'author' : base;
}

function hashSuffix(key: string): string {
  return BigInt(`0x${createHash('sha1').update(key).digest('hex')}`)
    .toString(36)
    .slice(0, COLLISION_SUFFIX_LENGTH);
}

/**
 * Group the papers' author names into authors, merge spellings (see the module comment), and give each author a
 * unique slug. Authors come sorted A–Z by family name, then given names, then key. Slugs are the display name
 * slugified; when several authors share one (or it is reserved), the author with the smallest key keeps it and
 * the others get `-<6 base-36 chars of a hash of their key>`, which depends only on themselves.
 * @example buildAuthorIndex([{ slug: 'p1', authors: ['John Smith'] }, { slug: 'p2', authors: ['J. Smith', 'José García'] }, { slug: 'p3', authors: ['Jose Garcia'] }]).authors
 * // => [{ slug: 'jose-garcia', name: 'José García', variants: ['José García', 'Jose Garcia'], paperSlugs: ['p2', 'p3'], letter: 'g', … },
 * //     { slug: 'john-smith', name: 'John Smith', variants: ['John Smith', 'J. Smith'], paperSlugs: ['p1', 'p2'], letter: 's', … }]
 */
export function buildAuthorIndex(papers: readonly { slug: string; authors: readonly string[] }[]): AuthorIndex {
  // key → spelling → count, and key → paper slugs (each paper once).
  const countBySpellingByKey = new Map<string, Map<string, number>>();
  const papersByKey = new Map<string, string[]>();
  for (const paper of papers) {
    for (const rawName of paper.authors) {
      const name = rawName.replace(/\s+/g, ' ').trim();
      const key = authorNameKey(name);
      if (key === '') continue;
      const spellings = countBySpellingByKey.get(key) ?? new Map<string, number>();
      spellings.set(name, (spellings.get(name) ?? 0) + 1);
      countBySpellingByKey.set(key, spellings);
      const slugs = papersByKey.get(key) ?? [];
      if (slugs[slugs.length - 1] !== paper.slug && !slugs.includes(paper.slug)) slugs.push(paper.slug);
      papersByKey.set(key, slugs);
    }
  }

  // An initials form joins a full name only when that full name is the one key answering to its initials.
  const keysByFamily = new Map<string, string[]>();
  for (const key of countBySpellingByKey.keys()) {
    const { family } = splitKey(key);
    keysByFamily.set(family, [...(keysByFamily.get(family) ?? []), key]);
  }
  const canonicalKeyOf = (key: string): string => {
    if (!isInitialsKey(key)) return key;
    const givenCount = splitKey(key).given.length;
    const fullNames = (keysByFamily.get(splitKey(key).family) ?? []).filter(
      (other) => !isInitialsKey(other) && splitKey(other).given.length === givenCount && sharesInitials(key, other),
    );
    return fullNames.length === 1 ? fullNames[0]! : key;
  };
  const keysByCanonical = new Map<string, string[]>();
  for (const key of [...countBySpellingByKey.keys()].sort(compareCodeUnits)) {
    const canonical = canonicalKeyOf(key);
    keysByCanonical.set(canonical, [...(keysByCanonical.get(canonical) ?? []), key]);
  }

  const paperPosition = new Map(papers.map((paper, position) => [paper.slug, position]));
  const drafts = [...keysByCanonical].map(([canonical, keys]) => {
    const spellings = new Map<string, number>();
    for (const key of keys) for (const [spelling, count] of countBySpellingByKey.get(key) ?? []) spellings.set(spelling, (spellings.get(spelling) ?? 0) + count);
    const isFull = (spelling: string): boolean => !isInitialsKey(authorNameKey(spelling));
    // Most used first; full names before initials; then more non-ASCII letters (the accented spelling); then code units.
    const nonAscii = (spelling: string): number => spelling.replace(/[\x00-\x7f]/g, '').length;
    const variants = [...spellings.keys()].sort(
      (left, right) =>
        Number(isFull(right)) - Number(isFull(left)) ||
        (spellings.get(right) ?? 0) - (spellings.get(left) ?? 0) ||
        nonAscii(right) - nonAscii(left) ||
        compareCodeUnits(left, right),
    );
    const paperSlugs = [...new Set(keys.flatMap((key) => papersByKey.get(key) ?? []))].sort(
      (left, right) => (paperPosition.get(left) ?? 0) - (paperPosition.get(right) ?? 0),
    );
    const { given, family } = splitKey(canonical);
    const initial = family.replace(/[^a-z]/g, '')[0];
    return {
      key: canonical,
      name: variants[0] ?? canonical,
      variants,
      paperSlugs,
      letter: initial ?? '#',
      sortKey: `${family} ${given.join(' ')}`.trim(),
    };
  });

  // Slugs: the smallest key among those sharing a base keeps it; reserved bases always get a suffix.
  const draftsByBase = new Map<string, typeof drafts>();
  for (const draft of drafts) {
    const base = slugBaseOf(draft.name);
    draftsByBase.set(base, [...(draftsByBase.get(base) ?? []), draft]);
  }
  const slugByKey = new Map<string, string>();
  const taken = new Set<string>();
  const losers: { base: string; key: string }[] = [];
  for (const [base, sharing] of draftsByBase) {
    const [winner, ...rest] = [...sharing].sort((left, right) => compareCodeUnits(left.key, right.key));
    if (winner === undefined) continue;
    if (RESERVED_AUTHOR_SLUGS.has(base)) losers.push({ base, key: winner.key });
    else {
      slugByKey.set(winner.key, base);
      taken.add(base);
    }
    for (const loser of rest) losers.push({ base, key: loser.key });
  }
  for (const loser of losers.sort((left, right) => compareCodeUnits(left.key, right.key))) {
    let slug = `${loser.base}-${hashSuffix(loser.key)}`;
    for (let counter = 2; taken.has(slug); counter += 1) slug = `${loser.base}-${hashSuffix(loser.key)}-${counter}`;
    slugByKey.set(loser.key, slug);
    taken.add(slug);
  }

  const authors: Author[] = drafts
    .map((draft) => ({
      slug: slugByKey.get(draft.key) ?? '',
      name: draft.name,
      variants: draft.variants,
      paperSlugs: draft.paperSlugs,
      letter: draft.letter,
      sortKey: draft.sortKey,
      key: draft.key,
    }))
    .sort((left, right) => compareCodeUnits(left.sortKey, right.sortKey) || compareCodeUnits(left.key, right.key))
    .map(({ key: _key, ...author }) => author);
  const slugByName = new Map<string, string>();
  for (const author of authors) for (const variant of author.variants) slugByName.set(variant, author.slug);
  return { authors, slugByName };
}

/**
 * The author slug for a name as written on a paper (whitespace is collapsed first), or undefined.
 * @example authorSlugOf(index, 'J.  Smith') // => 'john-smith'
 */
export function authorSlugOf(index: AuthorIndex, name: string): string | undefined {
  return index.slugByName.get(name.replace(/\s+/g, ' ').trim());
}

/** One page of the authors index. */
export interface AuthorIndexPage {
  /** Site path: `/authors/` or `/authors/letter/<letter>/` (`other` for `#`), then `<n>/` from the second chunk on. */
  path: string;
  /** The letter this page lists, or undefined for the single all-authors page. */
  letter: string | undefined;
  /** 1-based chunk number within the letter, and the letter's chunk count. */
  number: number;
  pageCount: number;
  authors: Author[];
}

/**
 * Path segment of an index letter: `a`…`z`, or `other` for names not starting with a–z.
 * @example letterSegment('#') // => 'other'
 */
export function letterSegment(letter: string): string {
  return letter === '#' ? 'other' : letter;
}

/**
 * Split the authors (sorted A–Z) into index pages of at most `maxPerPage`. When all fit on one page, that page is
 * `/authors/`; otherwise `/authors/` lists the letters and each letter gets `/authors/letter/<x>/`, cut into
 * `/authors/letter/<x>/2/`… when the letter alone has more than `maxPerPage` authors.
 * @example authorIndexPages(authors, 3000).map((page) => page.path) // => ['/authors/'] (for up to 3,000 authors)
 * @example authorIndexPages(sixThousandAuthors, 3000).map((page) => page.path).slice(0, 2) // => ['/authors/letter/a/', '/authors/letter/b/']
 */
export function authorIndexPages(authors: readonly Author[], maxPerPage: number): AuthorIndexPage[] {
  if (authors.length <= maxPerPage) return [{ path: '/authors/', letter: undefined, number: 1, pageCount: 1, authors: [...authors] }];
  const byLetter = new Map<string, Author[]>();
  for (const author of authors) {
    const group = byLetter.get(author.letter);
    if (group) group.push(author);
    else byLetter.set(author.letter, [author]);
  }
  const pages: AuthorIndexPage[] = [];
  for (const letter of [...byLetter.keys()].sort(compareCodeUnits)) {
    const letterAuthors = byLetter.get(letter) ?? [];
    const pageCount = Math.ceil(letterAuthors.length / maxPerPage);
    for (let number = 1; number <= pageCount; number += 1) {
      pages.push({
        path: `/authors/letter/${letterSegment(letter)}/${number === 1 ? '' : `${number}/`}`,
        letter,
        number,
        pageCount,
        authors: letterAuthors.slice((number - 1) * maxPerPage, number * maxPerPage),
      });
    }
  }
  return pages;
}
