/**
 * Field values shared by the record-shaped formats (CSV/TSV, JSON, JSON Lines, BibTeX, arXiv XML):
 * arXiv ids, DOIs, dates, author lists and URLs, plus the column names (and their aliases) that
 * tabular and JSON records use for each paper field.
 */
import type { PaperFields } from './format.ts';
import { cleanAbstract, cleanTitle, collapseWhitespace } from './clean-text.ts';

/** New-style arXiv ids (`2411.15124`, 4 or 5 digits after the dot since 2015). */
const NEW_ARXIV_ID = /^\d{4}\.\d{4,5}$/;
/** Old-style arXiv ids (`cs/0112017`, `math.GT/0309136`, `hep-th/9901001`). */
const OLD_ARXIV_ID = /^[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?\/\d{7}$/;
/** An arXiv id inside a longer string: `arXiv:1706.05125 [cs]`, `https://arxiv.org/abs/cs/0112017v2`, `10.48550/arXiv.1602.02830`. */
const ARXIV_ID_IN_TEXT = /(?:arxiv(?:\.org\/(?:abs|pdf)\/|:\s*|\.)|^)(\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?(?:\.pdf)?(?![\d.])/i;

/**
 * The arXiv id (without version) named by an id, URL, DOI or citation string, or undefined.
 * @example arxivIdFromText('arXiv:1706.05125 [cs]') // => '1706.05125'
 * @example arxivIdFromText('http://arxiv.org/abs/cs/0112017v2') // => 'cs/0112017'
 * @example arxivIdFromText('10.48550/arXiv.1602.02830') // => '1602.02830'
 * @example arxivIdFromText('B1-Hhnslg') // => undefined
 */
export function arxivIdFromText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  const bare = trimmed.replace(/v\d+$/, '');
  if (NEW_ARXIV_ID.test(bare) || OLD_ARXIV_ID.test(bare)) return bare;
  const match = ARXIV_ID_IN_TEXT.exec(trimmed);
  return match?.[1];
}

/**
 * A DOI without resolver prefix or `doi:` label, or undefined when the text does not hold one.
 * @example normaliseDoi('https://doi.org/10.1145/3292500.3330701') // => '10.1145/3292500.3330701'
 * @example normaliseDoi('n/a') // => undefined
 */
export function normaliseDoi(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const match = /10\.\d{4,9}\/\S+/.exec(text.trim());
  return match?.[0];
}

/**
 * An absolute http(s) URL, or undefined for anything else (relative paths, `javascript:`, junk).
 * @example httpUrl(' https://openreview.net/forum?id=B1-Hhnslg ') // => 'https://openreview.net/forum?id=B1-Hhnslg'
 * @example httpUrl('javascript:alert(1)') // => undefined
 */
export function httpUrl(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    return new URL(trimmed).href === '' ? undefined : trimmed;
  } catch {
    return undefined;
  }
}

/** Epoch milliseconds after 1990, as OpenReview stores `cdate`/`pdate`. */
const MIN_EPOCH_MS = 631152000000;

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * An ISO date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) from a year, an ISO timestamp, `YYYY/MM/DD`,
 * or epoch milliseconds; undefined when the value holds no date. The month and day are not checked here
 * (`2024-02-31` comes back as written), so the ingest can warn about an impossible date instead of moving it.
 * @example normaliseDate('2025-10-16T17:59:37Z') // => '2025-10-16'
 * @example normaliseDate(2017) // => '2017'
 * @example normaliseDate(1478131200000) // => '2016-11-03'
 * @example normaliseDate('Spring') // => undefined
 */
export function normaliseDate(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (value >= MIN_EPOCH_MS) {
      const date = new Date(value);
      return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
    }
    return normaliseDate(String(value));
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d{12,}$/.test(text)) return normaliseDate(Number(text));
  const match = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:$|[T\s])/.exec(text);
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (year === undefined || Number(year) < 1000) return undefined;
  // An impossible month or day (`2024-13-01`, `2024-02-31`) is passed on as written, not coerced to a nearby
  // date: the ingest leaves it out with a warning naming the line (limits.ts).
  if (month === undefined) return year;
  if (day === undefined) return `${year}-${pad2(Number(month))}`;
  return `${year}-${pad2(Number(month))}-${pad2(Number(day))}`;
}

/** "Family, Given" → "Given Family"; other names unchanged. */
function givenFirst(name: string): string {
  const parts = name.split(',').map((part) => part.trim());
  if (parts.length === 2 && parts[0] && parts[1]) return `${parts[1]} ${parts[0]}`;
  return name;
}

/** What a list writes for the authors it leaves out; cleanAuthorName drops it, here it only must not count as a name. */
const OTHERS = /^(?:others|et\.?\s*al\.?)$/i;

/**
 * Author names from a list cell: split on `;`, else on ` and `, else on `,`. With `;`, or with ` and ` when every
 * part holds one comma ("Lewis, Mike and Yarats, Denis"), "Family, Given" names become "Given Family"; when only some
 * parts hold commas, the commas separate names too ("Ada Lovelace, Alan Turing and Grace Hopper", Oxford comma or not).
 * @example splitAuthors('Jake Snell;Kevin Swersky;Richard Zemel') // => ['Jake Snell', 'Kevin Swersky', 'Richard Zemel']
 * @example splitAuthors('Lewis, Mike and Yarats, Denis') // => ['Mike Lewis', 'Denis Yarats']
 * @example splitAuthors('Ada Lovelace, Alan Turing and Grace Hopper') // => ['Ada Lovelace', 'Alan Turing', 'Grace Hopper']
 * @example splitAuthors('Ada Lovelace, Alan Turing') // => ['Ada Lovelace', 'Alan Turing']
 */
export function splitAuthors(text: string): string[] {
  if (text.includes(';')) return text.split(';').map((name) => collapseWhitespace(givenFirst(name))).filter((name) => name !== '');
  if (/\sand\s/.test(text)) {
    const parts = text.split(/\s+and\s+/).map((part) => part.trim());
    const named = parts.filter((part) => !OTHERS.test(part));
    const inverted = named.every((part) => part.split(',').length === 2);
    const names = inverted ? parts.map(givenFirst) : parts.flatMap((part) => part.split(','));
    return names.map(collapseWhitespace).filter((name) => name !== '');
  }
  return text
    .split(',')
    .map(collapseWhitespace)
    .filter((name) => name !== '');
}

/** Space-separated arXiv categories, as the OAI `<categories>` element and many CSV exports hold them. */
const SPACED_CATEGORIES = /^[a-z-]+(?:\.[A-Za-z-]+)?(?:\s+[a-z-]+(?:\.[A-Za-z-]+)?)+$/;

/**
 * Labels from a list cell: split on `;`, else `|`, else `,`; space-separated arXiv categories split on spaces.
 * Repeats are removed, order kept.
 * @example splitLabels('Deep learning;Transfer Learning') // => ['Deep learning', 'Transfer Learning']
 * @example splitLabels('cs.LG stat.ML cs.LG') // => ['cs.LG', 'stat.ML']
 */
export function splitLabels(text: string): string[] {
  const trimmed = text.trim();
  const parts = trimmed.includes(';')
    ? trimmed.split(';')
    : trimmed.includes('|')
      ? trimmed.split('|')
      : SPACED_CATEGORIES.test(trimmed)
        ? trimmed.split(/\s+/)
        : trimmed.split(',');
  return uniqueInOrder(parts.map(collapseWhitespace).filter((part) => part !== ''));
}

/**
 * The values in first-seen order without repeats.
 * @example uniqueInOrder(['cs.RO', 'cs.AI', 'cs.RO']) // => ['cs.RO', 'cs.AI']
 */
export function uniqueInOrder(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** The paper fields a record's columns or keys can fill. */
export type RecordField =
  | 'title'
  | 'abstract'
  | 'authors'
  | 'date'
  | 'url'
  | 'id'
  | 'arxivId'
  | 'doi'
  | 'venue'
  | 'categories'
  | 'tags';

/**
 * Column or key names for each field, normalised by `normaliseFieldName`, best first.
 * The first present name wins (a `date` column beats a `year` column).
 */
export const FIELD_ALIASES: Readonly<Record<RecordField, readonly string[]>> = {
  title: ['title', 'paper_title'],
  abstract: ['abstract', 'summary', 'abstract_text', 'description'],
  authors: ['authors', 'author', 'author_names', 'creators', 'creator'],
  date: ['date', 'published', 'published_at', 'publishedat', 'published_date', 'publication_date', 'pub_date', 'year'],
  url: ['url', 'link', 'site', 'landing_page', 'abs_url', 'href'],
  id: ['id', 'paper_id', 'key', 'citation_key'],
  arxivId: ['arxiv_id', 'arxivid', 'arxiv', 'eprint'],
  doi: ['doi'],
  venue: ['venue', 'journal', 'booktitle', 'conference', 'container_title'],
  categories: ['categories', 'category', 'labels', 'label', 'keywords', 'subjects', 'primary_category'],
  tags: ['tags', 'tag'],
};

/** The field names a mapping (`# atlas: title=Paper Title`) may use, normalised; `year` and `labels` read as `date` and `categories`. */
export const MAPPABLE_FIELD_BY_NAME: Readonly<Record<string, RecordField>> = {
  title: 'title',
  abstract: 'abstract',
  authors: 'authors',
  author: 'authors',
  date: 'date',
  year: 'date',
  url: 'url',
  id: 'id',
  arxiv_id: 'arxivId',
  arxivid: 'arxivId',
  doi: 'doi',
  venue: 'venue',
  categories: 'categories',
  labels: 'categories',
  label: 'categories',
  keywords: 'categories',
  tags: 'tags',
};

/**
 * A column or key name in the form the alias lists use: lower case, trimmed, spaces and hyphens as `_`.
 * @example normaliseFieldName(' Paper Title ') // => 'paper_title'
 * @example normaliseFieldName('publishedAt') // => 'publishedat'
 */
export function normaliseFieldName(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** A value read from a record: a cell's text, or any JSON value. */
export type RecordValue = unknown;

/** Text of a scalar value; undefined for empty strings, null, objects and arrays. */
function scalarText(value: RecordValue): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Names from an author value: a list cell, an array of strings, or an array of `{ name }` objects. */
function authorList(value: RecordValue): string[] {
  if (Array.isArray(value)) {
    return value
      .map((author: unknown) => {
        if (typeof author === 'string') return collapseWhitespace(author);
        if (author !== null && typeof author === 'object' && 'name' in author && typeof author.name === 'string') {
          return collapseWhitespace(author.name);
        }
        return '';
      })
      .filter((name) => name !== '');
  }
  const text = scalarText(value);
  return text === undefined ? [] : splitAuthors(text);
}

/** Labels from a list cell or an array of strings. */
function labelList(value: RecordValue): string[] {
  if (Array.isArray(value)) {
    return uniqueInOrder(
      value.filter((label): label is string => typeof label === 'string').map(collapseWhitespace).filter((label) => label !== ''),
    );
  }
  const text = scalarText(value);
  return text === undefined ? [] : splitLabels(text);
}

/**
 * Paper fields from one record whose values are looked up by field (`valueOf('title')`).
 * Returns the fields, or the reason the record cannot become a paper (no title).
 * The abstract and title are cleaned (TeX escapes, whitespace); a missing or empty abstract gives
 * `hasAbstract: false` and `abstract: ''`. The landing page falls back to the arXiv abstract page.
 * @example recordToFields((field) => ({ title: 'A  title', abstract: '', id: '2411.15124' })[field])
 * // => { fields: { title: 'A title', abstract: '', hasAbstract: false, authors: [], categories: [], tags: [],
 * //      sourceId: '2411.15124', arxivId: '2411.15124', url: 'https://arxiv.org/abs/2411.15124' } }
 */
export function recordToFields(valueOf: (field: RecordField) => RecordValue): { fields: PaperFields } | { rejected: string } {
  const titleText = scalarText(valueOf('title'));
  const title = titleText === undefined ? '' : cleanTitle(titleText);
  const idText = scalarText(valueOf('id'));
  if (title === '') return { rejected: `record ${idText === undefined ? '' : `${idText.trim()} `}has no title` };
  const abstractText = scalarText(valueOf('abstract'));
  const abstract = abstractText === undefined ? '' : cleanAbstract(abstractText);
  const sourceId = idText?.trim();
  const urlText = scalarText(valueOf('url'));
  const doi = normaliseDoi(scalarText(valueOf('doi')));
  const arxivId =
    arxivIdFromText(scalarText(valueOf('arxivId'))) ??
    arxivIdFromText(sourceId) ??
    (urlText !== undefined && /arxiv\.org\//i.test(urlText) ? arxivIdFromText(urlText) : undefined) ??
    (doi !== undefined && /^10\.48550\//.test(doi) ? arxivIdFromText(doi) : undefined);
  const url = httpUrl(urlText) ?? (arxivId === undefined ? undefined : `https://arxiv.org/abs/${arxivId}`);
  const date = normaliseDate(valueOf('date'));
  const venueText = scalarText(valueOf('venue'));
  const fields: PaperFields = {
    title,
    abstract,
    hasAbstract: abstract !== '',
    authors: authorList(valueOf('authors')),
    categories: labelList(valueOf('categories')),
    tags: labelList(valueOf('tags')),
  };
  if (sourceId !== undefined) fields.sourceId = sourceId;
  if (arxivId !== undefined) fields.arxivId = arxivId;
  if (doi !== undefined) fields.doi = doi;
  if (url !== undefined) fields.url = url;
  if (urlText !== undefined && httpUrl(urlText) === undefined) fields.ignoredUrl = urlText;
  if (date !== undefined) fields.date = date;
  if (venueText !== undefined) fields.venue = collapseWhitespace(venueText);
  return { fields };
}

/**
 * 1-based line of each character offset, from a table of line starts (binary search). A line ends at `\n`, `\r\n`
 * or a lone `\r` (old Mac files, some Excel CSV exports), as editors count them.
 * @example lineLocator('a\nb\nc')(4) // => 3
 * @example lineLocator('a\rb\rc')(4) // => 3
 */
export function lineLocator(text: string): (offset: number) => number {
  const lineStarts = [0];
  const lineBreak = /\r\n?|\n/g;
  for (let match = lineBreak.exec(text); match !== null; match = lineBreak.exec(text)) lineStarts.push(match.index + match[0].length);
  return (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}
