import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extensionOf, formatsForPath, pickSourceFormat, SOURCE_FORMATS } from '../../../src/lib/ingest/index.ts';
import type { SourceFormat } from '../../../src/lib/ingest/format.ts';

test('every registered format has a unique id and lower-case dotted extensions', () => {
  const ids = SOURCE_FORMATS.map((format) => format.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const format of SOURCE_FORMATS) {
    for (const extension of format.extensions) assert.match(extension, /^\.[a-z0-9.]+$/);
  }
});

test('extensionOf lower-cases the last extension of the file name only', () => {
  assert.equal(extensionOf('papers.v2/Notes.TXT'), '.txt');
  assert.equal(extensionOf('papers.v2/Makefile'), '');
  assert.equal(extensionOf('.hidden'), '');
});

test('pickSourceFormat picks the format claiming the extension', () => {
  const choice = pickSourceFormat('a/papers.md', '---\ntitle: x\n---\n');
  assert.ok('format' in choice);
  assert.equal(choice.format.id, 'markdown');
  assert.deepEqual(formatsForPath('a/papers.md').map((format) => format.id), ['markdown']);
});

test('pickSourceFormat skips a file type no format claims', () => {
  assert.deepEqual(pickSourceFormat('cover.png', ''), { skipped: 'unsupported file type, skipped' });
});

test('pickSourceFormat uses detect when several formats claim the extension', () => {
  const makeFormat = (id: string, marker: string): SourceFormat => ({
    id,
    extensions: ['.dat'],
    detect: (text) => text.startsWith(marker),
    parse: () => ({ records: [], problems: [] }),
  });
  const formats = [makeFormat('first', 'A'), makeFormat('second', 'B')];
  const choice = pickSourceFormat('x.dat', 'B...', formats);
  assert.ok('format' in choice);
  assert.equal(choice.format.id, 'second');
  assert.deepEqual(pickSourceFormat('x.dat', 'C...', formats), {
    skipped: 'content not recognised as any .dat format (tried first, second), skipped',
  });
});
