/**
 * arXiv OAI-PMH harvests (`export.arxiv.org/oai2?verb=ListRecords`): one `<record>` per paper, with
 * metadata in the `arXiv`, `arXivRaw` or `oai_dc` format. Deleted records are rejected (they are
 * records of the file, just without a paper); a `resumptionToken` is reported as an incomplete harvest.
 */
import type { ParsedRecord, ParseResult, PaperFields, SourceFormat, SourceProblem } from './format.ts';
import { cleanAbstract, cleanTitle, collapseWhitespace } from './clean-text.ts';
import { arxivIdFromText, lineLocator, normaliseDate, normaliseDoi, splitLabels } from './record-fields.ts';
import { arxivParagraphs, documentProblem, sliceXmlRecords, xmlList, xmlText } from './xml-records.ts';

/** Author names from the `arXiv` format's `<authors><author><keyname/><forenames/><suffix/></author></authors>`. */
function structuredAuthors(authors: unknown): string[] {
  return xmlList(xmlList(authors)[0]?.['author'])
    .map((author) =>
      collapseWhitespace([xmlText(author['forenames']), xmlText(author['keyname']), xmlText(author['suffix'])].join(' ')),
    )
    .filter((name) => name !== '');
}

/** Author names from `arXivRaw`'s single `<authors>` string: `A. One, B. Two and C. Three`. */
function rawAuthors(authors: string): string[] {
  return collapseWhitespace(authors)
    .split(/,\s*|\s+and\s+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** Fields shared by the `arXiv` and `arXivRaw` metadata formats. */
function arxivMetadataToFields(metadata: Record<string, unknown>, authors: string[], date: string | undefined): { fields: PaperFields } | { rejected: string } {
  const id = collapseWhitespace(xmlText(metadata['id']));
  const title = cleanTitle(xmlText(metadata['title']));
  if (title === '') return { rejected: `record ${id || '(no id)'} has no title` };
  const abstract = cleanAbstract(arxivParagraphs(xmlText(metadata['abstract'])));
  const categories = splitLabels(xmlText(metadata['categories']));
  const fields: PaperFields = { title, abstract, hasAbstract: abstract !== '', authors, categories };
  const arxivId = arxivIdFromText(id);
  if (id !== '') fields.sourceId = id;
  if (arxivId !== undefined) {
    fields.arxivId = arxivId;
    fields.url = `https://arxiv.org/abs/${arxivId}`;
  }
  const doi = normaliseDoi(xmlText(metadata['doi']));
  if (doi !== undefined) fields.doi = doi;
  if (date !== undefined) fields.date = date;
  const venue = collapseWhitespace(xmlText(metadata['journal-ref'])) || categories[0];
  if (venue !== undefined && venue !== '') fields.venue = venue;
  return { fields };
}

/** Fields from Dublin Core (`oai_dc`): creators are "Family, Given"; the first description is the abstract. */
function dublinCoreToFields(dc: Record<string, unknown>): { fields: PaperFields } | { rejected: string } {
  const list = (value: unknown): string[] =>
    (Array.isArray(value) ? value : [value]).map(xmlText).map(collapseWhitespace).filter((text) => text !== '');
  const arxivId = arxivIdFromText(list(dc['identifier']).find((identifier) => /arxiv\.org\/abs\//.test(identifier)));
  const title = cleanTitle(xmlText(dc['title']));
  if (title === '') return { rejected: `record ${arxivId ?? '(no id)'} has no title` };
  // arXiv puts the abstract in the first <dc:description> and the author comments in a later one.
  const descriptions = (Array.isArray(dc['description']) ? dc['description'] : [dc['description']]).map(xmlText);
  const abstractText = descriptions.find((description) => description.trim() !== '' && !/^\s*Comment:/.test(description)) ?? '';
  const abstract = cleanAbstract(arxivParagraphs(abstractText));
  const fields: PaperFields = {
    title,
    abstract,
    hasAbstract: abstract !== '',
    authors: list(dc['creator']).map((name) => {
      const [family, given] = name.split(/,\s*/, 2);
      return given ? `${given} ${family}` : name;
    }),
    categories: list(dc['subject']),
  };
  if (arxivId !== undefined) {
    fields.sourceId = arxivId;
    fields.arxivId = arxivId;
    fields.url = `https://arxiv.org/abs/${arxivId}`;
  }
  const date = list(dc['date'])
    .map(normaliseDate)
    .find((value) => value !== undefined);
  if (date !== undefined) fields.date = date;
  return { fields };
}

/**
 * Paper fields from one parsed OAI-PMH `<record>`, or why it holds no paper (deleted, unknown metadata format).
 * The date is the first version's (`<created>`), falling back to the header's datestamp.
 * @example oaiRecordToFields({ header: { identifier: ['oai:arXiv.org:cs/0001001'], '@_status': 'deleted' } })
 * // => { rejected: 'record oai:arXiv.org:cs/0001001 is marked deleted' }
 */
export function oaiRecordToFields(record: Record<string, unknown>): { fields: PaperFields } | { rejected: string } {
  const header = xmlList(record['header'])[0] ?? {};
  const identifier = collapseWhitespace(xmlText(header['identifier']));
  if (header['@_status'] === 'deleted') return { rejected: `record ${identifier || '(no identifier)'} is marked deleted` };
  const metadata = xmlList(record['metadata'])[0] ?? {};
  const datestamp = normaliseDate(xmlText(header['datestamp']));
  const arxiv = xmlList(metadata['arXiv'])[0];
  if (arxiv !== undefined) {
    return arxivMetadataToFields(arxiv, structuredAuthors(arxiv['authors']), normaliseDate(xmlText(arxiv['created'])) ?? datestamp);
  }
  const raw = xmlList(metadata['arXivRaw'])[0];
  if (raw !== undefined) {
    const firstVersionDate = xmlList(raw['version'])
      .map((version) => new Date(xmlText(version['date'])))
      .find((date) => !Number.isNaN(date.getTime()));
    const date = firstVersionDate === undefined ? datestamp : firstVersionDate.toISOString().slice(0, 10);
    return arxivMetadataToFields(raw, rawAuthors(xmlText(raw['authors'])), date);
  }
  const dc = xmlList(metadata['dc'])[0];
  if (dc !== undefined) return dublinCoreToFields(dc);
  const formats = Object.keys(metadata).filter((key) => !key.startsWith('@_') && key !== '#text');
  return { rejected: `record ${identifier || '(no identifier)'} has no arXiv, arXivRaw or oai_dc metadata (found: ${formats.join(', ') || 'none'})` };
}

/**
 * Read an OAI-PMH `ListRecords` (or `GetRecord`) response: one record per `<record>`, on the line of its opening tag.
 * An OAI `<error>` and a truncated document are error problems; a non-empty `resumptionToken` is a warning
 * that the harvest continues in further pages.
 * @example parseArxivOai('<OAI-PMH><ListRecords>\n<record><header><identifier>oai:arXiv.org:1603.00001</identifier></header><metadata><arXiv><id>1603.00001</id><title>T</title><abstract>A</abstract></arXiv></metadata></record>\n</ListRecords></OAI-PMH>').records[0]?.line // => 2
 */
export function parseArxivOai(text: string): ParseResult {
  const problems: SourceProblem[] = [];
  const problem = documentProblem(text);
  if (problem !== undefined) problems.push(problem);
  // Tags are matched with `[^<>]*`, never `[^>]*`: an unclosed `<error ` would otherwise make every later attempt
  // scan to the end of the file (quadratic on a file full of them). The attribute is read from the tag found.
  const oaiError = /<(?:[\w.-]+:)?error\b([^<>]*)>([^<]*)/.exec(text);
  const errorCode = oaiError === null ? undefined : /\bcode="([^"]*)"/.exec(oaiError[1] ?? '')?.[1];
  if (oaiError !== null && errorCode !== undefined) {
    problems.push({ line: lineLocator(text)(oaiError.index), severity: 'error', message: `OAI-PMH error ${errorCode}: ${collapseWhitespace(oaiError[2] ?? '')}` });
  }
  const records: ParsedRecord[] = sliceXmlRecords(text, 'record').map(({ line, element }) => {
    if ('error' in element && typeof element.error === 'string') return { line, rejected: `record is not well-formed XML: ${element.error}` };
    const result = oaiRecordToFields(element);
    return 'fields' in result ? { line, fields: result.fields } : { line, rejected: result.rejected };
  });
  const token = /<(?:[\w.-]+:)?resumptionToken\b([^<>]*?)(?:\/>|>([^<]*))/.exec(text);
  if (token !== null) {
    const size = Number(/completeListSize="(\d+)"/.exec(token[1] ?? '')?.[1] ?? Number.NaN);
    const cursor = /cursor="(\d+)"/.exec(token[1] ?? '')?.[1];
    const morePages = (token[2] ?? '').trim() !== '';
    if (morePages || size > records.length) {
      const of = Number.isNaN(size) ? '' : ` of ${size}`;
      const from = cursor === undefined ? '' : ` (cursor ${cursor})`;
      problems.push({
        line: lineLocator(text)(token.index),
        severity: 'warning',
        message: `partial OAI-PMH harvest: this page holds ${records.length}${of} records${from}`,
      });
    }
  }
  if (records.length === 0 && problems.length === 0) problems.push({ line: 1, severity: 'warning', message: 'OAI-PMH response has no <record> elements' });
  return { records, problems };
}

/** The arXiv OAI-PMH format. `.xml` files are claimed only when they are an `<OAI-PMH>` response. */
export const arxivOaiFormat: SourceFormat = {
  id: 'arxiv-oai',
  extensions: ['.xml'],
  detect: (text) => /<(?:[\w.-]+:)?OAI-PMH[\s>]/.test(text.slice(0, 4000)),
  parse: (text) => parseArxivOai(text),
};
