import { texToPlain } from '../tex/plain.ts';

/** What the JSON-LD of a paper page needs (a subset of `SluggedPaper`). */
export interface JsonLdPaper {
  title: string;
  authors: readonly string[];
  date?: string | undefined;
  url?: string | undefined;
  doi?: string | undefined;
  arxivId?: string | undefined;
  venue?: string | undefined;
  categories: readonly string[];
  tags: readonly string[];
}

/** Longest headline Google shows in full. */
const MAX_HEADLINE_CHARS = 110;

/** A schema.org object ready for `JSON.stringify`. */
export type JsonLd = Record<string, unknown>;

/**
 * schema.org `ScholarlyArticle` for a paper page: headline, authors, date, venue, keywords, identifiers and links.
 * Fields the paper lacks are left out rather than emptied. The abstract is not copied in: the page shows it as its
 * main text, which is what search engines index (Google's Article structured data has no abstract field, and
 * Google Scholar reads the page), and a second copy was 1.3 kB of the median 11 kB page (README, "Page weight").
 * `url` identifies the page (no `@id` repeating it); `name` is added only when `headline` had to be shortened.
 * @example scholarlyArticleJsonLd({ title: 'T', authors: ['Ada L'], arxivId: '2401.1', categories: [], tags: [] }, 'https://x.org/papers/t/')
 * // => { '@context': 'https://schema.org', '@type': 'ScholarlyArticle', url: 'https://x.org/papers/t/', headline: 'T',
 * //      author: [{ '@type': 'Person', name: 'Ada L' }], identifier: [{ '@type': 'PropertyValue', propertyID: 'arXiv', value: '2401.1' }],
 * //      sameAs: ['https://arxiv.org/abs/2401.1'] }
 */
export function scholarlyArticleJsonLd(paper: JsonLdPaper, pageUrl: string): JsonLd {
  const identifiers: JsonLd[] = [];
  const sameAs: string[] = [];
  if (paper.arxivId) {
    identifiers.push({ '@type': 'PropertyValue', propertyID: 'arXiv', value: paper.arxivId });
    sameAs.push(`https://arxiv.org/abs/${paper.arxivId}`);
  }
  if (paper.doi) {
    identifiers.push({ '@type': 'PropertyValue', propertyID: 'DOI', value: paper.doi });
    sameAs.push(`https://doi.org/${paper.doi}`);
  }
  if (paper.url && !sameAs.includes(paper.url)) sameAs.push(paper.url);
  const keywords = [...new Set([...paper.categories, ...paper.tags])];
  // Search engines read text, not TeX: `$\ell_1$` is given as `ℓ1`.
  const title = texToPlain(paper.title);
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    url: pageUrl,
    // Google truncates headlines beyond 110 characters; `name` then keeps the full title.
    ...(title.length > MAX_HEADLINE_CHARS ? { headline: `${title.slice(0, MAX_HEADLINE_CHARS - 1)}…`, name: title } : { headline: title }),
    ...(paper.authors.length > 0 ? { author: paper.authors.map((name) => ({ '@type': 'Person', name })) } : {}),
    ...(paper.date ? { datePublished: paper.date } : {}),
    ...(paper.venue ? { isPartOf: { '@type': 'Periodical', name: paper.venue } } : {}),
    ...(keywords.length > 0 ? { keywords: keywords.join(', ') } : {}),
    ...(identifiers.length > 0 ? { identifier: identifiers } : {}),
    ...(sameAs.length > 0 ? { sameAs } : {}),
  };
}

/**
 * Serialise JSON-LD for an inline `<script type="application/ld+json">`. `<`, `>` and `&` become `\u003c`-style
 * escapes, so a title holding `</script>` or `<!--` cannot end the script; U+2028/U+2029 are escaped for old parsers.
 * The result parses back to the same value with `JSON.parse`.
 * @example serializeJsonLd({ name: '</script><b>' }) // => '{"name":"\\u003c/script\\u003e\\u003cb\\u003e"}'
 */
export function serializeJsonLd(value: JsonLd): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
