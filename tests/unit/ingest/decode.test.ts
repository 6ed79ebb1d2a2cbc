import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeSourceBytes } from '../../../src/lib/ingest/decode.ts';

function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../fixtures/trending/${name}`, import.meta.url)));
}

test('decodeSourceBytes removes a UTF-8 byte order mark', () => {
  assert.deepEqual(decodeSourceBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69])), { text: 'hi' });
});

test('decodeSourceBytes reads UTF-16 little-endian and big-endian files by their BOM', () => {
  assert.deepEqual(decodeSourceBytes(new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0xe9, 0x00])), { text: 'hé' });
  assert.deepEqual(decodeSourceBytes(new Uint8Array([0xfe, 0xff, 0x00, 0x68, 0x00, 0xe9])), { text: 'hé' });
});

test('decodeSourceBytes reports invalid UTF-8 with the line and column of the first bad byte', () => {
  const result = decodeSourceBytes(fixtureBytes('invalid-utf8.txt'));
  assert.deepEqual(result, {
    problem: { line: 2, severity: 'error', message: 'invalid UTF-8 (byte 0xff at column 35)' },
  });
});

test('decodeSourceBytes rejects a truncated multi-byte sequence at the end of the file', () => {
  assert.deepEqual(decodeSourceBytes(new Uint8Array([0x61, 0xe2, 0x82])), {
    problem: { line: 1, severity: 'error', message: 'invalid UTF-8 (byte 0xe2 at column 2)' },
  });
});

test('decodeSourceBytes rejects overlong encodings and UTF-16 surrogates', () => {
  assert.ok('problem' in decodeSourceBytes(new Uint8Array([0xc0, 0xaf])));
  assert.ok('problem' in decodeSourceBytes(new Uint8Array([0xed, 0xa0, 0x80])));
});

test('decodeSourceBytes calls a file with NUL bytes binary', () => {
  const result = decodeSourceBytes(fixtureBytes('binary.txt'));
  assert.ok('problem' in result);
  assert.equal(result.problem.severity, 'error');
  assert.equal(result.problem.message, 'binary file, not text (NUL byte at offset 4), skipped');
});

test('decodeSourceBytes accepts four-byte characters and CRLF unchanged', () => {
  const text = 'a😀\r\nb';
  assert.deepEqual(decodeSourceBytes(new TextEncoder().encode(text)), { text });
});

test('decodeSourceBytes reads a plausible Latin-1 file as Windows-1252 with a warning on the first bad line', () => {
  // "Title\nCafé “quoted” – ok" in Windows-1252: é = 0xe9, curly quotes 0x93/0x94, en dash 0x96.
  const bytes = new Uint8Array([...'Title\nCaf'].map((char) => char.charCodeAt(0)).concat([0xe9, 0x20, 0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0x6f, 0x6b]));
  assert.deepEqual(decodeSourceBytes(bytes), {
    text: 'Title\nCafé “q” – ok',
    warning: { line: 2, severity: 'warning', message: 'not valid UTF-8 (byte 0xe9 at column 4); read as Windows-1252 (Latin-1)' },
  });
});

test('decodeSourceBytes keeps invalid UTF-8 an error when the file also holds valid multi-byte UTF-8', () => {
  assert.deepEqual(decodeSourceBytes(new Uint8Array([0xc3, 0xa9, 0x20, 0xe9, 0x20])), {
    problem: { line: 1, severity: 'error', message: 'invalid UTF-8 (byte 0x20 at column 4)' },
  });
});

test('decodeSourceBytes keeps invalid UTF-8 an error when a byte is undefined in Windows-1252', () => {
  assert.ok('problem' in decodeSourceBytes(new Uint8Array([0x61, 0xe9, 0x81, 0x20])));
});
