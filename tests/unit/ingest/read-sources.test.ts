import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestSourceFiles, type IngestResult } from '../../../src/lib/ingest/ingest.ts';
import { ingestSourcePaths, listSourceFiles, loadPapers, readSourceFiles } from '../../../src/lib/ingest/read-sources.ts';

const mixedDir = fileURLToPath(new URL('../../fixtures/mixed-hostile/', import.meta.url));
const contentDir = fileURLToPath(new URL('../../../content/', import.meta.url));

/** Run `body` with a fresh temporary folder, removed afterwards. */
async function withTempDir(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'atlas-ingest-'));
  try {
    await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('readSourceFiles lists files recursively, sorted by path, without dotfiles', async () => {
  const files = await readSourceFiles(mixedDir);
  assert.deepEqual(
    files.map((file) => file.path),
    ['README.md', 'a-trending.txt', 'b-paper.md', 'cover.png', 'sub/c-paper.md', 'sub/empty.txt'],
  );
});

test('loadPapers reads a mixed folder, merging the Markdown copy into the trending record', async () => {
  const { papers, report } = await loadPapers(mixedDir);
  assert.deepEqual(papers.map((paper) => paper.title), ['Shared Paper', 'Only In Trending', 'Nested Paper']);
  const [shared] = papers;
  assert.deepEqual([shared?.authors, shared?.date], [['Ada Lovelace'], '2024-01-02']);
  assert.deepEqual(shared?.mergedFrom, [{ path: 'b-paper.md', line: 1, format: 'markdown' }]);
  assert.equal(papers[2]?.slug, 'nested-paper-cs-0112017');
  assert.deepEqual(report.totals, { read: 4, pages: 3, merged: 1, rejected: 0 });
  assert.equal(report.warnings, 3);
});

test('loadPapers in strict mode throws with every warning as a path:line line', async () => {
  await assert.rejects(loadPapers(mixedDir, { strict: true }), (error: Error) => {
    assert.match(error.message, /strict mode/);
    assert.match(error.message, /^ {2}README\.md:1: not a paper: no frontmatter/m);
    assert.match(error.message, /^ {2}cover\.png:1: unsupported file type, skipped \(warning\)$/m);
    assert.match(error.message, /^ {2}sub\/empty\.txt:1: empty file \(warning\)$/m);
    assert.match(error.message, /^total: 6 files, 4 read, 3 pages, 1 merged, 0 rejected; 3 warnings, 0 errors$/m);
    return true;
  });
});

test('loadPapers throws "no papers found" for an empty folder', async () => {
  await withTempDir(async (dir) => {
    await assert.rejects(loadPapers(dir), (error: Error) => error.message.includes(`no papers found in ${dir}`));
  });
});

test('loadPapers throws on error-severity problems even when not strict', async () => {
  await withTempDir(async (dir) => {
    await writeFile(join(dir, 'good.txt'), 'A Title\nWe study things here. It works well.\n');
    // UTF-8 "é" then a stray 0xff: a damaged UTF-8 file, not a Latin-1 one.
    await writeFile(join(dir, 'papers.txt'), Buffer.from([0xc3, 0xa9, 0x0a, 0x42, 0x43, 0xff]));
    await assert.rejects(loadPapers(dir), (error: Error) => error.message.includes('  papers.txt:2: invalid UTF-8 (byte 0xff at column 3) (error)'));
  });
});

test('loadPapers names a missing folder', async () => {
  await assert.rejects(loadPapers('/nonexistent/atlas-content'), /cannot read content folder \/nonexistent\/atlas-content/);
});

test('loadPapers reads the bundled content folder strictly: 119 papers', async () => {
  const { papers, report } = await loadPapers(contentDir, { strict: true });
  assert.equal(papers.length, 119);
  assert.equal(report.totals.read, 119);
});

/** Ingest `bytes` as `name` twice: streamed from disk by `ingestSourcePaths`, and whole by `ingestSourceFiles`. */
async function ingestBothWays(name: string, bytes: Uint8Array): Promise<{ streamed: IngestResult; whole: IngestResult }> {
  let streamed: IngestResult | undefined;
  await withTempDir(async (dir) => {
    await writeFile(join(dir, name), bytes);
    streamed = await ingestSourcePaths(await listSourceFiles(dir));
  });
  if (streamed === undefined) throw new Error('unreachable');
  return { streamed, whole: ingestSourceFiles([{ path: name, bytes }]) };
}

test('a streamed JSON Lines file gives the same papers and report as the file read whole', async () => {
  const lines = [
    '\ufeff{"id": "2411.15124", "title": "Tülu 3", "abstract": "We post-train models. It works."}',
    '',
    '{"title": "Broken", ',
    '{"id": "2411.15124v2", "title": "Tülu 3 again", "abstract": "Same arXiv id."}\r',
    '   ',
    '[1, 2]',
    '{"title": "<script>alert(1)</script>", "abstract": "Hostile but fine.", "url": "javascript:alert(1)"}',
  ];
  const { streamed, whole } = await ingestBothWays('papers.jsonl', new TextEncoder().encode(`${lines.join('\n')}\n`));
  assert.deepEqual(streamed, whole);
  assert.deepEqual(streamed.report.totals, { read: 5, pages: 2, merged: 1, rejected: 2 });
  assert.deepEqual(streamed.report.files[0]?.rejected.map((record) => record.line), [3, 6]);
});

test('a streamed JSON Lines file longer than one batch keeps every line number', async () => {
  const lines = Array.from({ length: 4500 }, (_, index) => JSON.stringify({ title: `Paper ${index}`, abstract: `Abstract number ${index}.` }));
  lines[4321] = '{ not json';
  const { streamed, whole } = await ingestBothWays('many.ndjson', new TextEncoder().encode(lines.join('\r\n')));
  assert.deepEqual(streamed, whole);
  assert.deepEqual(streamed.report.files[0]?.rejected.map((record) => record.line), [4322]);
  assert.equal(streamed.papers.length, 4499);
});

test('a whitespace-only JSON Lines file is reported empty when streamed, as when read whole', async () => {
  const { streamed, whole } = await ingestBothWays('blank.jsonl', new TextEncoder().encode('\n  \r\n\n'));
  assert.deepEqual(streamed.report, whole.report);
  assert.deepEqual(streamed.report.files[0]?.problems, [{ line: 1, severity: 'warning', message: 'empty file' }]);
});

test('a Latin-1 JSON Lines file is read whole as Windows-1252 with a warning naming the first bad line', async () => {
  const text = '{"title": "Plain", "abstract": "Nothing odd."}\n{"title": "Caf\u00e9 na\u00efve", "abstract": "R\u00e9sum\u00e9 \u2013 fine."}\n';
  const bytes = new Uint8Array([...text].map((char) => (char === '\u2013' ? 0x96 : char.charCodeAt(0))));
  const { streamed, whole } = await ingestBothWays('latin1.jsonl', bytes);
  assert.deepEqual(streamed, whole);
  assert.deepEqual(streamed.papers.map((paper) => paper.title), ['Plain', 'Café naïve']);
  assert.equal(streamed.papers[1]?.abstract, 'Résumé – fine.');
  assert.deepEqual(streamed.report.files[0]?.problems, [
    { line: 2, severity: 'warning', message: 'not valid UTF-8 (byte 0xe9 at column 15); read as Windows-1252 (Latin-1)' },
  ]);
});

test('a UTF-16 JSON Lines file with a BOM is read whole and decoded', async () => {
  const text = '{"title": "Über Graphs", "abstract": "Wide text."}\n';
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  [...text].forEach((char, index) => {
    bytes[2 + index * 2] = char.charCodeAt(0) & 0xff;
    bytes[3 + index * 2] = char.charCodeAt(0) >> 8;
  });
  const { streamed } = await ingestBothWays('wide.jsonl', bytes);
  assert.deepEqual(streamed.papers.map((paper) => paper.title), ['Über Graphs']);
});

const corpus10k = fileURLToPath(new URL('../../../../shared/corpora/arxiv-cs-oai2016-10k.jsonl', import.meta.url));

test('streaming the real 10k arXiv corpus gives the same report as reading it whole', { skip: !existsSync(corpus10k) && '../shared/corpora/arxiv-cs-oai2016-10k.jsonl is absent' }, async () => {
  const streamed = await ingestSourcePaths([{ path: 'oai-10k.jsonl', absolutePath: corpus10k }]);
  const whole = ingestSourceFiles([{ path: 'oai-10k.jsonl', bytes: new Uint8Array(readFileSync(corpus10k)) }]);
  assert.deepEqual(streamed.report, whole.report);
  assert.equal(streamed.papers.length, whole.papers.length);
  assert.deepEqual(streamed.papers.map((paper) => paper.slug), whole.papers.map((paper) => paper.slug));
});

test('characters cut by a stream chunk boundary still stream as UTF-8', async () => {
  // Over 64 KiB (one read chunk) of multi-byte text, so some characters straddle chunk boundaries.
  const lines = Array.from({ length: 3000 }, (_, index) => JSON.stringify({ title: `Café ${index}`, abstract: `Résumé ${'ü€😀'.repeat(index % 13)} text.` }));
  const { streamed, whole } = await ingestBothWays('multibyte.jsonl', new TextEncoder().encode(lines.join('\n')));
  assert.deepEqual(streamed, whole);
  assert.deepEqual(streamed.report.files[0]?.problems, []);
  assert.equal(streamed.papers.length, 3000);
});

test('ingestSourcePaths ingests and reports files in order, one vanished file costing only itself', async () => {
  await withTempDir(async (dir) => {
    const count = 40;
    for (let index = 0; index < count; index++) {
      const name = String(index).padStart(2, '0');
      await writeFile(join(dir, `${name}.md`), `---\ntitle: Paper number ${name}\n---\nAbstract of paper ${name}.\n`);
    }
    const files = await listSourceFiles(dir);
    assert.equal(files.length, count);
    await rm(join(dir, '21.md'));
    const { papers, report } = await ingestSourcePaths(files);
    assert.ok(papers.length > 0);
    assert.deepEqual(
      papers.map((paper) => paper.title),
      Array.from({ length: count }, (_, index) => String(index).padStart(2, '0')).filter((name) => name !== '21').map((name) => `Paper number ${name}`),
    );
    const vanished = report.files.find((file) => file.path === '21.md');
    assert.match(JSON.stringify(vanished), /cannot be read \(ENOENT\), skipped/);
  });
});
