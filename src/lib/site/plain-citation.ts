/**
 * The plain-text reference of a paper, from fields a paper page already carries in its JSON-LD. Kept apart from
 * `cite.ts` (which imports the TeX modules) so the paper page's script can import it: the page serves BibTeX and
 * its script writes the plain text from the JSON-LD, one citation less in each of 100,000 pages (README, "Page
 * weight"). The build's `toPlainCitation` formats through the same function, so both give the same text.
 */

/** What a plain-text reference holds: a plain title (no TeX), and the one URL it ends with. */
export interface PlainCitationFields {
  title: string;
  authors: readonly string[];
  year?: string | undefined;
  venue?: string | undefined;
  arxivId?: string | undefined;
  /** The URL the reference ends with (its DOI's when there is one: see `plainCitationUrl`). */
  url: string;
}

/**
 * A plain-text reference: "Authors (Year). Title. Venue. arXiv:id. URL".
 * @example formatPlainCitation({ title: 'Deep Nets', authors: ['Ada Lovelace', 'Alan Turing'], year: '2024', url: 'https://x.org/p/' })
 * // => 'Ada Lovelace and Alan Turing (2024). Deep Nets. https://x.org/p/'
 */
export function formatPlainCitation(fields: PlainCitationFields): string {
  const parts: string[] = [];
  const authors = formatAuthorList(fields.authors);
  if (authors) parts.push(fields.year ? `${authors} (${fields.year}).` : `${authors}.`);
  else if (fields.year) parts.push(`(${fields.year}).`);
  parts.push(/[.?!]$/.test(fields.title) ? fields.title : `${fields.title}.`);
  if (fields.venue) parts.push(`${fields.venue}.`);
  if (fields.arxivId) parts.push(`arXiv:${fields.arxivId}.`);
  parts.push(fields.url);
  return parts.join(' ');
}

/**
 * The URL a reference ends with: the DOI's, else the paper's own, else its arXiv page, else its page in the atlas.
 * @example plainCitationUrl({ arxivId: '1305.5120' }, 'https://x.org/papers/a/') // => 'https://arxiv.org/abs/1305.5120'
 */
export function plainCitationUrl(paper: { doi?: string | undefined; url?: string | undefined; arxivId?: string | undefined }, pageUrl: string): string {
  if (paper.doi) return `https://doi.org/${paper.doi}`;
  if (paper.url) return paper.url;
  if (paper.arxivId) return `https://arxiv.org/abs/${paper.arxivId}`;
  return pageUrl;
}

/**
 * The fields of a plain-text reference read back from a paper page's JSON-LD (`scholarlyArticleJsonLd`), or
 * undefined when the value is not such an object. The full title is `name` when `headline` was shortened; the
 * paper's own URL is the `sameAs` entry that is neither its arXiv nor its DOI page.
 * @example plainCitationFieldsFromJsonLd({ url: 'https://x.org/papers/t/', headline: 'T', datePublished: '2024-05', identifier: [{ propertyID: 'arXiv', value: '2401.1' }] })
 * // => { title: 'T', authors: [], year: '2024', venue: undefined, arxivId: '2401.1', url: 'https://arxiv.org/abs/2401.1' }
 */
export function plainCitationFieldsFromJsonLd(value: unknown): PlainCitationFields | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const title = text(record['name']) ?? text(record['headline']);
  const pageUrl = text(record['url']);
  if (title === undefined || pageUrl === undefined) return undefined;
  const authors = list(record['author']).flatMap((author) => text(field(author, 'name')) ?? []);
  const identifier = (kind: string) => text(field(list(record['identifier']).find((entry) => field(entry, 'propertyID') === kind), 'value'));
  const arxivId = identifier('arXiv');
  const doi = identifier('DOI');
  const identifierUrls = new Set([arxivId && `https://arxiv.org/abs/${arxivId}`, doi && `https://doi.org/${doi}`]);
  const url = list(record['sameAs']).map(text).find((entry) => entry !== undefined && !identifierUrls.has(entry));
  const year = text(record['datePublished'])?.slice(0, 4);
  const venue = text(field(record['isPartOf'], 'name'));
  return { title, authors, year, venue, arxivId, url: plainCitationUrl({ doi, url, arxivId }, pageUrl) };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function formatAuthorList(authors: readonly string[]): string {
  if (authors.length === 0) return '';
  if (authors.length === 1) return authors[0] ?? '';
  if (authors.length > 6) return `${authors.slice(0, 6).join(', ')} et al.`;
  return `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}`;
}
