/**
 * One bibliography record as the library's formats read and write it (BibTeX, RIS, CSL-JSON): the paper's
 * citation fields plus the reader's own (note, tags, read, saved date, the atlas slug). Readers fill what the file
 * has; the matcher (match.ts) turns records into library entries.
 */
import { arxivIdFromText, normaliseDoi } from '../ingest/record-fields.ts';
import type { LibraryEntry, PaperSnapshot } from './store.ts';

export interface BibRecord {
  /** 1-based line (BibTeX, RIS) or array index + 1 (CSL-JSON) where the record starts, for messages. */
  line: number;
  paper: PaperSnapshot;
  /** The atlas slug when the file came from an atlas (`x-atlas-id`, RIS `ID`, CSL `custom.atlasId`). */
  atlasId?: string;
  note?: string;
  tags?: string[];
  read?: boolean;
  savedAt?: string;
}

/** What a reader gives back: the records, and the lines it could not read with the reason. */
export interface ReadResult {
  records: BibRecord[];
  problems: { line: number; message: string }[];
}

/** One entry to write, with the URL of its atlas page (used when the paper has no URL of its own). */
export interface ExportItem {
  entry: LibraryEntry;
  pageUrl: string;
}

/**
 * The paper's arXiv id and DOI filled in from each other and from its URL (Zotero puts an arXiv id only in the
 * URL or a 10.48550 DOI).
 * @example completeIds({ title: 'T', authors: [], url: 'https://arxiv.org/abs/1602.02830v3' }).arxivId // => '1602.02830'
 */
export function completeIds(paper: PaperSnapshot): PaperSnapshot {
  const doi = normaliseDoi(paper.doi);
  const arxivId =
    arxivIdFromText(paper.arxivId) ??
    (paper.url && /arxiv\.org\//i.test(paper.url) ? arxivIdFromText(paper.url) : undefined) ??
    (doi && /^10\.48550\//.test(doi) ? arxivIdFromText(doi) : undefined);
  const out: PaperSnapshot = { ...paper };
  if (doi) out.doi = doi;
  else delete out.doi;
  if (arxivId) out.arxivId = arxivId;
  else delete out.arxivId;
  return out;
}

/**
 * Text with every line break (and other control characters) turned into a space: for one-line fields.
 * @example oneLine('a\r\nER  - b') // => 'a ER  - b'
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}
