import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedRecord, SourceFormat } from '../../../src/lib/ingest/format.ts';
import { SOURCE_FORMATS } from '../../../src/lib/ingest/index.ts';
import { ingestSourceFiles } from '../../../src/lib/ingest/ingest.ts';
import { ingestSourcePaths } from '../../../src/lib/ingest/read-sources.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

test('every format with a line parser parses a whole text into the same records as line by line', () => {
  const lineFormats = SOURCE_FORMATS.filter((format) => format.parseLine !== undefined);
  assert.deepEqual(
    lineFormats.map((format) => format.id),
    ['jsonl'],
  );
  const texts = [
    readFileSync(`${FIXTURES}json/papers.jsonl`, 'utf8'),
    '{"title": "A", "abstract": "x"}\r\n\r\n{"title": \n{"title": "C", "abstract": "Ł"}',
  ];
  for (const format of lineFormats) {
    for (const text of texts) {
      const byLine = text
        .split('\n')
        .map((line, index) => format.parseLine!(line, index + 1))
        .filter((record): record is ParsedRecord => record !== undefined);
      assert.ok(byLine.length > 0);
      assert.deepEqual(format.parse(text, 'papers.jsonl').records, byLine);
    }
  }
});

test('a new line format is streamed from disk without read-sources naming it, with the same result as read whole', async () => {
  // One title per line, "Title | abstract"; a line without the bar is rejected.
  let linesParsed = 0;
  const parseLine = (line: string, lineNumber: number): ParsedRecord | undefined => {
    linesParsed += 1;
    const text = line.replace(/\r$/, '');
    if (text.trim() === '') return undefined;
    const [title, abstract] = text.split(' | ');
    return abstract === undefined ? { line: lineNumber, rejected: 'no " | " between title and abstract' } : { line: lineNumber, fields: { title: title!, abstract } };
  };
  const barFormat: SourceFormat = {
    id: 'bar-lines',
    extensions: ['.bar'],
    detect: () => true,
    parse: (text) => ({
      records: text
        .split('\n')
        .map((line, index) => parseLine(line, index + 1))
        .filter((record): record is ParsedRecord => record !== undefined),
      problems: [],
    }),
    parseLine,
  };
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bar-'));
  const text = 'Graph cuts | Min-cut on images.\nno bar here\n\nŁukasz on Straße | Folding letters.\n';
  writeFileSync(join(dir, 'papers.bar'), text);
  const streamed = await ingestSourcePaths([{ path: 'papers.bar', absolutePath: join(dir, 'papers.bar') }], [barFormat]);
  assert.equal(linesParsed, 5, 'the streamed path called parseLine for each of the five lines');
  const whole = ingestSourceFiles([{ path: 'papers.bar', bytes: new TextEncoder().encode(text) }], [barFormat]);
  assert.deepEqual(streamed.papers.map((paper) => paper.title), ['Graph cuts', 'Łukasz on Straße']);
  assert.match(streamed.papers[1]!.slug, /^lukasz-on-strasse-[a-z0-9]{6}$/);
  assert.deepEqual(streamed.papers, whole.papers);
  assert.deepEqual(streamed.report.files[0]!.rejected, [{ line: 2, reason: 'no " | " between title and abstract' }]);
  assert.deepEqual(streamed.report, whole.report);
});
