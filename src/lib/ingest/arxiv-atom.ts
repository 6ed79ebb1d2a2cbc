/**
 * arXiv API responses (`export.arxiv.org/api/query`): an Atom feed with one `<entry>` per paper.
 * Both the pre-2025 style (the `arxiv:` namespace declared on every element) and the current one
 * (namespaces declared once on `<feed>`) are read; prefixes are ignored, so any prefix works.
 */
import type { ParsedRecord, ParseResult, PaperFields, SourceFormat, SourceProblem } from './format.ts';
import { cleanAbstract, cleanTitle, collapseWhitespace } from './clean-text.ts';
import { arxivIdFromText, httpUrl, normaliseDate, normaliseDoi, uniqueInOrder } from './record-fields.ts';
import { arxivParagraphs, documentProblem, sliceXmlRecords, xmlList, xmlText } from './xml-records.ts';

/** arXiv reports a bad query as a feed with one entry whose id points at its error documentation. */
const API_ERROR_ID = /arxiv\.org\/api\/errors/i;

/**
 * Paper fields from one parsed Atom `<entry>`, or why it cannot be used.
 * @example atomEntryToFields({ id: 'http://arxiv.org/abs/2510.14827v1', title: 'Neural Implicit Flow Fields', summary: '  Safe robots.\n' })
 * // => { fields: { title: 'Neural Implicit Flow Fields', abstract: 'Safe robots.', hasAbstract: true, authors: [], categories: [],
 * //      sourceId: '2510.14827v1', arxivId: '2510.14827', url: 'https://arxiv.org/abs/2510.14827' } }
 */
export function atomEntryToFields(entry: Record<string, unknown>): { fields: PaperFields } | { rejected: string } {
  const idText = collapseWhitespace(xmlText(entry['id']));
  if (API_ERROR_ID.test(idText)) {
    return { rejected: `arXiv API error: ${collapseWhitespace(xmlText(entry['summary'])) || idText}` };
  }
  const title = cleanTitle(xmlText(entry['title']));
  if (title === '') return { rejected: `entry ${idText || '(no id)'} has no title` };
  const abstract = cleanAbstract(arxivParagraphs(xmlText(entry['summary'])));
  const arxivId = arxivIdFromText(idText);
  const links = xmlList(entry['link']);
  const alternate = links.find((link) => link['@_rel'] === 'alternate' || link['@_rel'] === undefined);
  const doiLink = links.find((link) => link['@_title'] === 'doi');
  const primary = xmlList(entry['primary_category'])[0]?.['@_term'];
  const categories = uniqueInOrder(
    [primary, ...xmlList(entry['category']).map((category) => category['@_term'])]
      .filter((term): term is string => typeof term === 'string')
      .map(collapseWhitespace)
      .filter((term) => term !== ''),
  );
  const fields: PaperFields = {
    title,
    abstract,
    hasAbstract: abstract !== '',
    authors: xmlList(entry['author'])
      .map((author) => collapseWhitespace(xmlText(author['name'])))
      .filter((name) => name !== ''),
    categories,
  };
  const sourceId = idText.replace(/^https?:\/\/arxiv\.org\/abs\//i, '');
  if (sourceId !== '') fields.sourceId = sourceId;
  if (arxivId !== undefined) fields.arxivId = arxivId;
  const doi = normaliseDoi(xmlText(entry['doi'])) ?? normaliseDoi(typeof doiLink?.['@_href'] === 'string' ? doiLink['@_href'] : undefined);
  if (doi !== undefined) fields.doi = doi;
  const url =
    arxivId === undefined ? httpUrl(typeof alternate?.['@_href'] === 'string' ? alternate['@_href'] : undefined) : `https://arxiv.org/abs/${arxivId}`;
  if (url !== undefined) fields.url = url;
  const alternateHref = alternate?.['@_href'];
  if (typeof alternateHref === 'string' && alternateHref.trim() !== '' && httpUrl(alternateHref) === undefined) fields.ignoredUrl = alternateHref;
  const date = normaliseDate(xmlText(entry['published'])) ?? normaliseDate(xmlText(entry['updated']));
  if (date !== undefined) fields.date = date;
  const venue = collapseWhitespace(xmlText(entry['journal_ref'])) || categories[0];
  if (venue !== undefined && venue !== '') fields.venue = venue;
  return { fields };
}

/**
 * Read an arXiv API Atom feed: one record per `<entry>`, on the line of its opening tag.
 * A truncated or malformed feed gives an error problem at the failing line; the complete entries
 * are still returned, and a cut-off entry is rejected.
 * @example parseArxivAtom('<feed xmlns="http://www.w3.org/2005/Atom">\n<entry><id>http://arxiv.org/abs/1601.00001v1</id><title>T</title><summary>S</summary></entry>\n</feed>').records[0]?.line // => 2
 */
export function parseArxivAtom(text: string): ParseResult {
  const problems: SourceProblem[] = [];
  const problem = documentProblem(text);
  if (problem !== undefined) problems.push(problem);
  const records: ParsedRecord[] = sliceXmlRecords(text, 'entry').map(({ line, element }) => {
    if ('error' in element && typeof element.error === 'string') return { line, rejected: `entry is not well-formed XML: ${element.error}` };
    const result = atomEntryToFields(element);
    return 'fields' in result ? { line, fields: result.fields } : { line, rejected: result.rejected };
  });
  if (records.length === 0 && problem === undefined) {
    problems.push({ line: 1, severity: 'warning', message: 'Atom feed has no <entry> elements' });
  }
  return { records, problems };
}

/** The arXiv API Atom format. `.xml` files are claimed only when they are an Atom `<feed>`. */
export const arxivAtomFormat: SourceFormat = {
  id: 'arxiv-atom',
  extensions: ['.atom', '.xml'],
  detect: (text) => /<(?:[\w.-]+:)?feed[\s>]/.test(text.slice(0, 4000)) && text.slice(0, 4000).includes('http://www.w3.org/2005/Atom'),
  parse: (text) => parseArxivAtom(text),
};
