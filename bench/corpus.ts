import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { stringify } from 'yaml';
import type { SearchSource } from '../src/lib/search/build-index.ts';

/** The shared corpora (../shared/corpora/README.md), read in place, never copied into the project. */
export const CORPORA_DIR = resolve(import.meta.dirname, '..', '..', 'shared', 'corpora');
/** 10,000 papers of the OAI-2016 corpus in hash order: a sample not skewed by date. */
export const SAMPLE_FILE = join(CORPORA_DIR, 'arxiv-cs-oai2016-10k.jsonl');
/** All 102,538 papers of the OAI-2016 corpus, in date order. */
export const FULL_FILE = join(CORPORA_DIR, 'arxiv-cs-oai2016.jsonl');
/** The size every benchmark reads as "all of it" (`100000` means the whole file). */
export const FULL_SIZE = 100_000;

/**
 * The papers every benchmark uses for a size: up to 10,000 the first N of the 10k sample, above it the first N of
 * the full file, and `FULL_SIZE` or more the whole full file. One policy, so the benchmarks' rows compare.
 * @example (await readCorpusForSize(1000)).records.length // => 1000
 */
export async function readCorpusForSize(size: number): Promise<{ file: string; records: CorpusRecord[] }> {
  const file = size <= 10_000 ? SAMPLE_FILE : FULL_FILE;
  return { file, records: await readCorpus(file, size >= FULL_SIZE ? Number.POSITIVE_INFINITY : size) };
}

/** One record of the shared arXiv JSONL corpora (see ../shared/corpora/README.md). */
export interface CorpusRecord {
  id: string;
  title: string;
  abstract: string;
  labels: string[];
}

/**
 * The first `count` records of a JSONL corpus, in file order (the bench's subsets are deterministic).
 * @example await readCorpus('../shared/corpora/arxiv-cs-oai2016-10k.jsonl', 2) // => [{ id: '1305.5120', … }, { id: '1007.2484', … }]
 */
export async function readCorpus(path: string, count: number): Promise<CorpusRecord[]> {
  const records: CorpusRecord[] = [];
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (records.length >= count) break;
    if (line.trim() !== '') records.push(JSON.parse(line) as CorpusRecord);
  }
  lines.close();
  return records;
}

/**
 * The month an arXiv id was submitted in, from the id itself: `1305.5120` → `2013-05`, `cs/9301101` → `1993-01`.
 * @example arxivIdToMonth('cs/0112017') // => '2001-12'
 */
export function arxivIdToMonth(id: string): string | undefined {
  const match = /(?:^|\/)(\d{2})(\d{2})[.\d]/.exec(id);
  if (!match) return undefined;
  const year = Number(match[1]);
  // arXiv started in 1991: two-digit years 91–99 are the 1990s.
  return `${year >= 91 ? 1900 + year : 2000 + year}-${match[2]}`;
}

/** One Markdown file per paper, frontmatter written by a YAML library so TeX and colons in titles stay intact. */
export function recordToMarkdown(record: CorpusRecord): string {
  const date = arxivIdToMonth(record.id);
  const frontmatter = stringify({ title: record.title, arxiv: record.id, ...(date ? { date } : {}), categories: record.labels }, { lineWidth: 0 });
  return `---\n${frontmatter}---\n${record.abstract}\n`;
}

/**
 * Write records as Markdown files, 1,000 per folder (`000/000000.md`, …) so path order is corpus order.
 * `toText` picks the file's text (the atlas's frontmatter format, or a bare Astro project's).
 */
export async function writeMarkdownCorpus(dir: string, records: readonly CorpusRecord[], toText = recordToMarkdown, firstIndex = 0): Promise<void> {
  for (let start = 0; start < records.length; start += 1000) {
    await Promise.all(
      records.slice(start, start + 1000).map(async (record, offset) => {
        const index = firstIndex + start + offset;
        const folder = join(dir, String(Math.floor(index / 1000)).padStart(3, '0'));
        await mkdir(folder, { recursive: true });
        await writeFile(join(folder, `${String(index).padStart(6, '0')}.md`), toText(record));
      }),
    );
  }
}

/**
 * A corpus record as the search benchmarks index it: title and abstract, its arXiv id as slug (`/` → `-`), no
 * authors, year or topic.
 * @example recordToSearchSource({ id: 'cs/0112017', title: 'T', abstract: 'A', labels: [] }) // => { title: 'T', slug: 'cs-0112017', abstract: 'A', authors: [], year: 0, topic: -1 }
 */
export function recordToSearchSource(record: CorpusRecord): SearchSource {
  return { title: record.title, slug: record.id.replace('/', '-'), abstract: record.abstract, authors: [], year: 0, topic: -1 };
}
