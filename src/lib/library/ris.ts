/**
 * The library as RIS (the tagged format of EndNote, Zotero, Mendeley): writer and reader.
 *
 * Every value is written on its own tag line and a value can never start another: line breaks and control
 * characters in one-line fields become spaces, and a note of several lines becomes several `N1` lines (read back
 * joined by line breaks). The reader takes `TY`…`ER` records with CRLF or LF, a BOM, and continuation lines.
 */
import { completeIds, oneLine, type BibRecord, type ExportItem, type ReadResult } from './record.ts';
import { normaliseTags, type PaperSnapshot } from './store.ts';

function tagLine(tag: string, value: string): string {
  return `${tag}  - ${value}`;
}

/** "Given Family" as RIS's "Family, Given". */
function risAuthor(name: string): string {
  if (name.includes(',')) return name;
  const words = name.trim().split(/\s+/);
  return words.length < 2 ? name : `${words.at(-1) ?? ''}, ${words.slice(0, -1).join(' ')}`;
}

/**
 * A .ris file of the items: `TY  - JOUR` for papers with a venue other than arXiv, else `GEN`; authors, year and
 * date, venue, DOI, URL, arXiv id (`AN  - arXiv:…`), note (`N1`), tags (`KW`), read state (`C1`), save date (`C2`)
 * and atlas slug (`ID`).
 * @example exportRis([{ entry: { id: 'a', savedAt: '2026-01-01T00:00:00.000Z', read: false, note: '', tags: [], paper: { title: 'A', authors: ['Ada Lovelace'], date: '2024-05' } }, pageUrl: 'https://x.org/papers/a/' }])
 * // => 'TY  - GEN\r\nID  - a\r\nTI  - A\r\nAU  - Lovelace, Ada\r\nPY  - 2024\r\nDA  - 2024/05\r\nUR  - https://x.org/papers/a/\r\nC1  - unread\r\nC2  - 2026-01-01T00:00:00.000Z\r\nER  - \r\n'
 */
export function exportRis(items: readonly ExportItem[]): string {
  return items
    .map(({ entry, pageUrl }) => {
      const paper = entry.paper;
      const isJournal = paper.venue !== undefined && !/^arxiv$/i.test(paper.venue);
      const lines = [tagLine('TY', isJournal ? 'JOUR' : 'GEN'), tagLine('ID', oneLine(entry.id)), tagLine('TI', oneLine(paper.title))];
      for (const author of paper.authors) lines.push(tagLine('AU', oneLine(risAuthor(author))));
      if (paper.date) lines.push(tagLine('PY', paper.date.slice(0, 4)), tagLine('DA', paper.date.replaceAll('-', '/')));
      if (isJournal && paper.venue) lines.push(tagLine('JO', oneLine(paper.venue)));
      if (paper.doi) lines.push(tagLine('DO', oneLine(paper.doi)));
      lines.push(tagLine('UR', oneLine(paper.url ?? pageUrl)));
      if (paper.arxivId) lines.push(tagLine('AN', `arXiv:${oneLine(paper.arxivId)}`));
      if (entry.note !== '') for (const line of entry.note.split(/\r\n|[\r\n\u2028\u2029]/)) lines.push(tagLine('N1', oneLine(line)));
      for (const tag of entry.tags) lines.push(tagLine('KW', oneLine(tag)));
      lines.push(tagLine('C1', entry.read ? 'read' : 'unread'), tagLine('C2', oneLine(entry.savedAt)), tagLine('ER', ''));
      return lines.map((line) => `${line}\r\n`).join('');
    })
    .join('');
}

const TAG_LINE = /^([A-Z][A-Z0-9])  ?-(?: (.*))?$/;

/**
 * The records of a .ris text; text outside a `TY`…`ER` record is reported with its line.
 * @example readRis('TY  - JOUR\nTI  - Deep Nets\nAU  - Lovelace, Ada\nPY  - 2024\nDO  - 10.1/x\nER  - \n').records[0].paper
 * // => { title: 'Deep Nets', authors: ['Ada Lovelace'], date: '2024', doi: '10.1/x' }
 */
export function readRis(text: string): ReadResult {
  const records: BibRecord[] = [];
  const problems: { line: number; message: string }[] = [];
  let current: { line: number; fields: [string, string][] } | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const match = TAG_LINE.exec(raw.trimEnd());
    if (!match) {
      if (raw.trim() === '') return;
      const last = current?.fields.at(-1);
      if (last) last[1] = `${last[1]} ${raw.trim()}`;
      else problems.push({ line: lineNumber, message: `expected a RIS tag line (TY  - …), found "${raw.slice(0, 40)}"` });
      return;
    }
    const tag = match[1] ?? '';
    const value = (match[2] ?? '').trim();
    if (tag === 'TY') {
      if (current) problems.push({ line: current.line, message: 'record has no ER line' });
      current = { line: lineNumber, fields: [] };
    } else if (tag === 'ER') {
      if (!current) {
        problems.push({ line: lineNumber, message: 'ER without a TY' });
        return;
      }
      const record = risFieldsToRecord(current.fields, current.line);
      if (record) records.push(record);
      else problems.push({ line: current.line, message: 'record has no title (TI or T1)' });
      current = undefined;
    } else if (current) {
      current.fields.push([tag, value]);
    } else {
      problems.push({ line: lineNumber, message: `${tag} outside a record (no TY before it)` });
    }
  });
  if (current) problems.push({ line: current.line, message: 'record has no ER line (file cut off?)' });
  return { records, problems };
}

function risFieldsToRecord(fields: readonly [string, string][], line: number): BibRecord | undefined {
  const all = (...tags: string[]) => fields.filter(([tag, value]) => tags.includes(tag) && value !== '').map(([, value]) => value);
  const first = (...tags: string[]) => all(...tags)[0];
  const title = first('TI', 'T1', 'CT');
  if (title === undefined) return undefined;
  const authors = all('AU', 'A1', 'A2').map((name) => {
    const [family, ...given] = name.split(',').map((part) => part.trim());
    return given.length > 0 && given.join(' ') !== '' ? `${given.join(' ')} ${family ?? ''}`.trim() : name;
  });
  const paper: PaperSnapshot = { title, authors };
  const dateText = first('DA', 'Y1', 'PY') ?? '';
  const parts = /^(\d{4})(?:\/(\d{2}))?(?:\/(\d{2}))?/.exec(dateText);
  const year = first('PY')?.slice(0, 4) ?? parts?.[1];
  if (parts?.[1] && parts[1] === year) paper.date = [parts[1], parts[2], parts[2] ? parts[3] : undefined].filter(Boolean).join('-');
  else if (year && /^\d{4}$/.test(year)) paper.date = year;
  const venue = first('JO', 'JF', 'T2', 'JA', 'BT');
  if (venue) paper.venue = venue;
  const doi = first('DO');
  if (doi) paper.doi = doi;
  const url = first('UR', 'L2');
  if (url) paper.url = url;
  const accession = all('AN', 'M1', 'N1').find((value) => /arxiv/i.test(value));
  if (accession) paper.arxivId = accession;
  const record: BibRecord = { line, paper: completeIds(paper) };
  const atlasId = first('ID');
  if (atlasId) record.atlasId = atlasId;
  const notes = all('N1');
  if (notes.length > 0 || fields.some(([tag]) => tag === 'N1')) record.note = fields.filter(([tag]) => tag === 'N1').map(([, value]) => value).join('\n');
  const tags = all('KW');
  if (tags.length > 0) record.tags = normaliseTags(tags);
  const read = first('C1');
  if (read === 'read' || read === 'unread') record.read = read === 'read';
  const saved = first('C2');
  if (saved && !Number.isNaN(Date.parse(saved))) record.savedAt = saved;
  return record;
}
