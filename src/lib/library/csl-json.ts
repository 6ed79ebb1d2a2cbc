/**
 * The library as CSL-JSON (the citation format of Zotero, Pandoc and citeproc): writer and reader.
 * Note and tags go in CSL's `note` and `keyword` (comma-separated); read state, save date and atlas slug in
 * `custom` (CSL-JSON 1.0.2's field for application data).
 */
import { completeIds, type BibRecord, type ExportItem, type ReadResult } from './record.ts';
import { normaliseTags, type PaperSnapshot } from './store.ts';

interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

function cslName(name: string): CslName {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return { literal: name };
  return { family: words.at(-1) ?? '', given: words.slice(0, -1).join(' ') };
}

/**
 * A CSL-JSON array of the items (pretty-printed, keys in a fixed order).
 * @example JSON.parse(exportCslJson([{ entry: { id: 'a', savedAt: 't', read: true, note: '', tags: ['x'], paper: { title: 'A', authors: ['Ada Lovelace'], date: '2024-05' } }, pageUrl: 'https://x.org/papers/a/' }]))[0].issued
 * // => { 'date-parts': [[2024, 5]] }
 */
export function exportCslJson(items: readonly ExportItem[]): string {
  const records = items.map(({ entry, pageUrl }) => {
    const paper = entry.paper;
    const record: Record<string, unknown> = { id: entry.id, type: paper.arxivId && !paper.doi ? 'article' : 'article-journal', title: paper.title };
    if (paper.authors.length > 0) record.author = paper.authors.map(cslName);
    if (paper.date) record.issued = { 'date-parts': [paper.date.split('-').map(Number)] };
    if (paper.venue) record['container-title'] = paper.venue;
    if (paper.arxivId) Object.assign(record, { number: `arXiv:${paper.arxivId}`, publisher: 'arXiv' });
    if (paper.doi) record.DOI = paper.doi;
    record.URL = paper.url ?? pageUrl;
    if (entry.note !== '') record.note = entry.note;
    if (entry.tags.length > 0) record.keyword = entry.tags.join(', ');
    record.custom = { atlasId: entry.id, read: entry.read, savedAt: entry.savedAt };
    return record;
  });
  return `${JSON.stringify(records, null, 2)}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.replace(/\s+/g, ' ').trim() : undefined;
}

/**
 * The records of a CSL-JSON text: an array of items, or one item, or `{ items: [...] }`. Invalid JSON is one
 * problem naming the line and column; an item without a title is reported by its position.
 * @example readCslJson('[{"title":"Deep Nets","DOI":"10.1/x","issued":{"date-parts":[[2024]]}}]').records[0].paper
 * // => { title: 'Deep Nets', authors: [], date: '2024', doi: '10.1/x' }
 */
export function readCslJson(source: string): ReadResult {
  let value: unknown;
  const clean = source.replace(/^\uFEFF/, '');
  try {
    value = JSON.parse(clean);
  } catch (error) {
    const offset = Number(/position (\d+)/.exec((error as Error).message)?.[1] ?? NaN);
    const line = Number.isNaN(offset) ? 1 : clean.slice(0, offset).split('\n').length;
    return { records: [], problems: [{ line, message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const items = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.items) ? value.items : [value];
  const records: BibRecord[] = [];
  const problems: { line: number; message: string }[] = [];
  items.forEach((item: unknown, index) => {
    const record = isRecord(item) ? cslItemToRecord(item, index + 1) : undefined;
    if (record) records.push(record);
    else problems.push({ line: index + 1, message: `item ${index + 1} has no title` });
  });
  return { records, problems };
}

function cslItemToRecord(item: Record<string, unknown>, line: number): BibRecord | undefined {
  const title = text(item.title);
  if (title === undefined) return undefined;
  const names = Array.isArray(item.author) ? item.author : Array.isArray(item.editor) ? item.editor : [];
  const authors = names
    .filter(isRecord)
    .map((name) => text(name.literal) ?? [text(name.given), text(name['non-dropping-particle']), text(name.family)].filter(Boolean).join(' '))
    .filter((name): name is string => name !== undefined && name !== '');
  const paper: PaperSnapshot = { title, authors };
  const issued = isRecord(item.issued) ? item.issued : undefined;
  const dateParts = Array.isArray(issued?.['date-parts']) ? issued['date-parts'][0] : undefined;
  if (Array.isArray(dateParts) && Number.isInteger(dateParts[0])) {
    paper.date = dateParts
      .slice(0, 3)
      .map((part, index) => String(part).padStart(index === 0 ? 4 : 2, '0'))
      .join('-');
  } else if (text(issued?.raw)) {
    const year = /\d{4}/.exec(text(issued?.raw) ?? '')?.[0];
    if (year) paper.date = year;
  }
  const venue = text(item['container-title']);
  if (venue) paper.venue = venue;
  const doi = text(item.DOI);
  if (doi) paper.doi = doi;
  const url = text(item.URL);
  if (url) paper.url = url;
  const arxiv = [item.number, item.note, item['archive_location']].map(text).find((value) => value !== undefined && /arxiv/i.test(value));
  if (arxiv) paper.arxivId = arxiv;
  const record: BibRecord = { line, paper: completeIds(paper) };
  const custom = isRecord(item.custom) ? item.custom : {};
  const atlasId = text(custom.atlasId);
  if (atlasId) record.atlasId = atlasId;
  if (typeof item.note === 'string' && item.note !== '') record.note = item.note;
  const keyword = text(item.keyword);
  if (keyword) record.tags = normaliseTags(keyword.split(/[,;]/));
  if (typeof custom.read === 'boolean') record.read = custom.read;
  const saved = text(custom.savedAt);
  if (saved && !Number.isNaN(Date.parse(saved))) record.savedAt = saved;
  return record;
}
