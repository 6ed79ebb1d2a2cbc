/**
 * Imported records matched to the atlas's papers: by arXiv id, then DOI (case-insensitive), then title folded
 * (case, diacritics, braces, TeX accents and punctuation ignored), then the atlas slug an export of this site
 * carries. Title folding uses `foldText` (src/lib/text/fold.ts), the one folding function the
 * site has; TeX accents and braces are resolved first by the format readers.
 */
import { foldText } from '../text/fold.ts';
import { cleanTexEscapes } from '../ingest/clean-text.ts';
import type { BibRecord, ReadResult } from './record.ts';
import { normaliseTags, type LibraryEntry, type PaperSnapshot } from './store.ts';
import { readBibtex } from './bibtex.ts';
import { readRis } from './ris.ts';
import { readCslJson } from './csl-json.ts';

/** What the matcher needs of each atlas paper. */
export interface CataloguePaper {
  slug: string;
  title: string;
  doi?: string;
  arxivId?: string;
}

/**
 * A title reduced to what identifies it: TeX accents resolved, braces dropped, folded (case, diacritics),
 * every run of non-letters/digits a single space.
 * @example matchKey('{{T\\"ULU}} 3: Pushing {Frontiers}!') // => 'tulu 3 pushing frontiers'
 */
export function matchKey(title: string): string {
  return foldText(cleanTexEscapes(title).replace(/[{}]/g, ''))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Lookups from identifiers to atlas slugs; build once per import. */
export interface Matcher {
  match(paper: Pick<PaperSnapshot, 'title' | 'doi' | 'arxivId'>, atlasId?: string): string | undefined;
}

/**
 * A matcher over the atlas's papers. A title shared by two atlas papers matches neither (ambiguous).
 * @example createMatcher([{ slug: 'deep-nets-1', title: 'Deep Nets' }]).match({ title: 'deep  {N}ets.' }) // => 'deep-nets-1'
 */
export function createMatcher(papers: readonly CataloguePaper[]): Matcher {
  const bySlug = new Set(papers.map((paper) => paper.slug));
  const byArxiv = new Map<string, string>();
  const byDoi = new Map<string, string>();
  const byTitle = new Map<string, string | null>();
  for (const paper of papers) {
    if (paper.arxivId) byArxiv.set(paper.arxivId.toLowerCase(), paper.slug);
    if (paper.doi) byDoi.set(paper.doi.toLowerCase(), paper.slug);
    const key = matchKey(paper.title);
    if (key !== '') byTitle.set(key, byTitle.has(key) ? null : paper.slug);
  }
  return {
    match(paper, atlasId) {
      return (
        (paper.arxivId ? byArxiv.get(paper.arxivId.toLowerCase()) : undefined) ??
        (paper.doi ? byDoi.get(paper.doi.toLowerCase()) : undefined) ??
        byTitle.get(matchKey(paper.title)) ??
        (atlasId !== undefined && bySlug.has(atlasId) ? atlasId : undefined)
      );
    },
  };
}

export type ImportFormat = 'bibtex' | 'ris' | 'csl-json';

/**
 * The format of an imported file, by extension and then by content.
 * @example detectFormat('my.txt', 'TY  - JOUR\n') // => 'ris'
 */
export function detectFormat(name: string, text: string): ImportFormat | undefined {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === 'bib' || extension === 'bibtex' || extension === 'biblatex') return 'bibtex';
  if (extension === 'ris') return 'ris';
  if (extension === 'json') return 'csl-json';
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'csl-json';
  if (/^TY {2}- /m.test(start)) return 'ris';
  if (/^\s*@[A-Za-z]+\s*[{(]/m.test(start)) return 'bibtex';
  return undefined;
}

/** What an import found: entries to add (matched to atlas papers), and what was not found or not read. */
export interface ImportResult {
  format: ImportFormat;
  entries: LibraryEntry[];
  /** Records that name no paper of this atlas, with the title as the file gives it. */
  notFound: { line: number; title: string }[];
  /** Records of an atlas export whose slug this atlas lacks: kept (shown as "not in this atlas"), as they were saved. */
  kept: number;
  problems: { line: number; message: string }[];
  /** Records read from the file (entries + notFound). */
  read: number;
}

/**
 * Read a file and match its records. Entries keep the file's note, tags, read state and save date when it has them;
 * the paper's citation fields come from the atlas snapshot `snapshotOf` when given, else from the file.
 * Throws an Error with a message for a file of no known format.
 * @example importLibraryFile('a.ris', 'TY  - GEN\nTI  - Deep Nets\nER  - \n', createMatcher([{ slug: 'd', title: 'Deep nets' }]), '2026-01-01T00:00:00.000Z').entries[0].id // => 'd'
 */
export function importLibraryFile(
  name: string,
  text: string,
  matcher: Matcher,
  now: string,
  snapshotOf: (slug: string) => PaperSnapshot | undefined = () => undefined,
): ImportResult {
  const format = detectFormat(name, text);
  if (!format) throw new Error(`${name}: not a BibTeX, RIS or CSL-JSON file`);
  const read: ReadResult = format === 'bibtex' ? readBibtex(text) : format === 'ris' ? readRis(text) : readCslJson(text);
  if (read.records.length === 0 && read.problems.length > 0) {
    const first = read.problems[0];
    throw new Error(`${name}:${first?.line ?? 1}: ${first?.message ?? 'no records'}`);
  }
  const entries: LibraryEntry[] = [];
  const notFound: ImportResult['notFound'] = [];
  let kept = 0;
  for (const record of read.records) {
    const slug = matcher.match(record.paper, record.atlasId) ?? record.atlasId;
    if (slug === undefined) {
      notFound.push({ line: record.line, title: record.paper.title });
    } else if (!entries.some((entry) => entry.id === slug)) {
      const snapshot = snapshotOf(slug);
      if (snapshot === undefined && slug === record.atlasId) kept += 1;
      entries.push(recordToEntry(record, slug, now, snapshot));
    }
  }
  return { format, entries, notFound, kept, problems: read.problems, read: read.records.length };
}

function recordToEntry(record: BibRecord, slug: string, now: string, snapshot: PaperSnapshot | undefined): LibraryEntry {
  return {
    id: slug,
    savedAt: record.savedAt ?? now,
    read: record.read ?? false,
    note: record.note ?? '',
    tags: normaliseTags(record.tags ?? []),
    paper: snapshot ?? record.paper,
  };
}
