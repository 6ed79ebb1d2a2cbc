import type { SourceProblem } from './format.ts';
import { lineLocator } from './record-fields.ts';

/**
 * The outcome of decoding one file: its text (with a warning when it was not read as UTF-8), or the problem that
 * stopped it being read as text.
 */
export type DecodeResult = { text: string; warning?: SourceProblem; extraWarning?: SourceProblem } | { problem: SourceProblem };

/** How far into a file to look for NUL bytes; the same window git uses to call a file binary. */
const BINARY_SNIFF_BYTES = 8000;

/**
 * Offset of the first byte that breaks UTF-8 (bad lead byte, missing continuation, overlong form,
 * surrogate or a value past U+10FFFF), or -1 when all bytes are valid.
 */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let offset = 0;
  while (offset < bytes.length) {
    const lead = bytes[offset] ?? 0;
    if (lead < 0x80) {
      offset += 1;
      continue;
    }
    let length: number;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) length = 3;
    else if (lead >= 0xf0 && lead <= 0xf4) length = 4;
    else return offset;
    // The second byte's range excludes overlong forms (E0, F0), UTF-16 surrogates (ED) and code points past U+10FFFF (F4).
    const min = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const max = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let index = 1; index < length; index += 1) {
      const next = bytes[offset + index];
      if (next === undefined) return offset;
      const low = index === 1 ? min : 0x80;
      const high = index === 1 ? max : 0xbf;
      if (next < low || next > high) return offset + index;
    }
    offset += length;
  }
  return -1;
}

/** 1-based line and column (in characters) of a byte offset, counting only the valid bytes before it. */
function lineAndColumnOfOffset(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index += 1) {
    if (bytes[index] === 0x0a) {
      line += 1;
      lineStart = index + 1;
    }
  }
  const textBefore = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: [...textBefore].length + 1 };
}

/** True when the file holds at least one valid multi-byte UTF-8 sequence (a UTF-8 file, not a Latin-1 one). */
function hasMultiByteUtf8(bytes: Uint8Array): boolean {
  for (let offset = 0; offset + 1 < bytes.length; offset += 1) {
    const lead = bytes[offset] ?? 0;
    if (lead < 0xc2 || lead > 0xf4) continue;
    const length = lead <= 0xdf ? 2 : lead <= 0xef ? 3 : 4;
    const min = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const max = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    let valid = offset + length <= bytes.length;
    for (let index = 1; valid && index < length; index += 1) {
      const next = bytes[offset + index] ?? 0;
      valid = index === 1 ? next >= min && next <= max : next >= 0x80 && next <= 0xbf;
    }
    if (valid) return true;
  }
  return false;
}

/**
 * `firstInvalidUtf8Offset` points at the byte that broke the sequence (`E9 20`: at the space; `ED A0 80`: at A0);
 * this steps back over up to three non-ASCII bytes to the byte that started it.
 */
function sequenceStart(bytes: Uint8Array, offset: number): number {
  let start = offset;
  while (start > 0 && offset - start < 3 && (bytes[start] ?? 0) < 0xc0 && (bytes[start - 1] ?? 0) >= 0x80) start -= 1;
  return start;
}

/**
 * True when the bytes at `offset` have the shape of a UTF-8 sequence (a lead byte C0–F7 followed by its
 * continuation bytes, or by continuation bytes up to the end of the file) that is still invalid: an overlong
 * form, a surrogate, a truncated character. That is damaged UTF-8, not Latin-1 text (where an accented letter
 * is one byte followed by an ASCII one).
 */
function looksLikeBrokenUtf8(bytes: Uint8Array, offset: number): boolean {
  const start = sequenceStart(bytes, offset);
  const lead = bytes[start] ?? 0;
  if (lead < 0xc0 || lead > 0xf7) return false;
  const length = lead <= 0xdf ? 2 : lead <= 0xef ? 3 : 4;
  for (let index = 1; index < length; index += 1) {
    const next = bytes[start + index];
    if (next === undefined) return true;
    if (next < 0x80 || next > 0xbf) return false;
  }
  return true;
}

/** Bytes Windows-1252 leaves undefined, and C0 controls other than tab, line feed, form feed and carriage return. */
function isImplausibleLatin1Byte(byte: number): boolean {
  return byte === 0x81 || byte === 0x8d || byte === 0x8f || byte === 0x90 || byte === 0x9d || (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f;
}

function hex(byte: number): string {
  return `0x${byte.toString(16).padStart(2, '0')}`;
}

/**
 * Decode a file's bytes to text. UTF-8 is the default (a BOM is removed); UTF-16 LE/BE is read when it
 * starts with its BOM. A file that is not valid UTF-8 but reads plausibly as Windows-1252 (Latin-1) — no
 * valid multi-byte UTF-8 anywhere, no damaged UTF-8 sequence at the first bad byte, no control or undefined
 * bytes — is decoded that way with a warning naming the first bad byte's line. Other invalid UTF-8 and binary
 * content (NUL bytes) give an error-severity problem instead of text, with the line and column of the first bad
 * byte (reports put the file's path in front).
 * @example decodeSourceBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69])) // => { text: 'hi' }
 * @example decodeSourceBytes(new Uint8Array([0x61, 0x0a, 0x63, 0x61, 0x66, 0xe9]))
 * // => { text: 'a\ncafé', warning: { line: 2, severity: 'warning', message: 'not valid UTF-8 (byte 0xe9 at column 4); read as Windows-1252 (Latin-1)' } }
 * @example decodeSourceBytes(new Uint8Array([0xc3, 0xa9, 0x0a, 0x62, 0xff]))
 * // => { problem: { line: 2, severity: 'error', message: 'invalid UTF-8 (byte 0xff at column 2)' } }
 */
export function decodeSourceBytes(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return withoutControls(decodeUtf16(bytes.subarray(2), 'utf-16le'));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return withoutControls(decodeUtf16(bytes.subarray(2), 'utf-16be'));
  return withoutControls(decodeUtf8OrLatin1(bytes));
}

/** Characters no text file holds: C0 controls other than tab, line feed, form feed and carriage return; DEL; C1 controls. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;

/**
 * The text without control characters, how many were removed and the code of the first (`U+001B`).
 * @example stripControlCharacters('a\u0000b\u001b') // => { text: 'ab', count: 2, first: 'U+0000', firstOffset: 1 }
 */
export function stripControlCharacters(text: string): { text: string; count: number; first: string; firstOffset: number } {
  const firstOffset = text.search(CONTROL_CHARACTER);
  if (firstOffset === -1) return { text, count: 0, first: '', firstOffset };
  const count = text.match(CONTROL_CHARACTER)?.length ?? 0;
  const first = `U+${text.charCodeAt(firstOffset).toString(16).toUpperCase().padStart(4, '0')}`;
  return { text: text.replace(CONTROL_CHARACTER, ''), count, first, firstOffset };
}

/**
 * The warning for control characters removed from a file.
 * @example controlCharactersProblem(3, 2, 'U+001B') // => { line: 3, severity: 'warning', message: '2 control characters removed (first: U+001B)' }
 */
export function controlCharactersProblem(line: number, count: number, first: string): SourceProblem {
  return { line, severity: 'warning', message: `${count} control character${count === 1 ? '' : 's'} removed (first: ${first})` };
}

/**
 * The decoded text with control characters (a NUL past the binary sniff window, ESC, BEL…) removed, and a
 * warning naming the line of the first: they would otherwise reach titles, pages and terminals.
 */
function withoutControls(result: DecodeResult): DecodeResult {
  if ('problem' in result) return result;
  const stripped = stripControlCharacters(result.text);
  if (stripped.count === 0) return result;
  const problem = controlCharactersProblem(lineLocator(result.text)(stripped.firstOffset), stripped.count, stripped.first);
  // A decoding warning (Windows-1252) comes first, as before; the control-character warning joins it.
  return { text: stripped.text, warning: result.warning ?? problem, ...(result.warning === undefined ? {} : { extraWarning: problem }) };
}


/** Unassigned, private-use and surrogate code points: a few may be real, a share of them means the bytes are not UTF-16 text. */
const UNLIKELY_IN_TEXT = /[\p{Cn}\p{Co}\p{Cs}]/gu;

/**
 * UTF-16 after its BOM, or an error when the bytes are not UTF-16 text: an odd byte count or an unpaired
 * surrogate (invalid UTF-16), a NUL character, or more than 1 % unassigned or private-use characters (random
 * bytes after a BOM decode to exactly that).
 */
function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodeResult {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    return { problem: { line: 1, severity: 'error', message: `starts with a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()} (odd length or unpaired surrogate), skipped` } };
  }
  const nul = text.indexOf('\u0000');
  const unlikely = text.match(UNLIKELY_IN_TEXT)?.length ?? 0;
  if (nul !== -1 || unlikely > text.length / 100) {
    const where = nul !== -1 ? `a NUL character at line ${lineLocator(text)(nul)}` : `${unlikely} unassigned or private-use characters`;
    return { problem: { line: 1, severity: 'error', message: `starts with a ${encoding.toUpperCase()} byte order mark but holds ${where}: not text, skipped` } };
  }
  return { text };
}

function decodeUtf8OrLatin1(bytes: Uint8Array): DecodeResult {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const nulOffset = body.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
  if (nulOffset !== -1) {
    return {
      problem: {
        line: 1,
        severity: 'error',
        message: `binary file, not text (NUL byte at offset ${nulOffset}), skipped`,
      },
    };
  }
  const invalidOffset = firstInvalidUtf8Offset(body);
  if (invalidOffset !== -1) {
    const { line, column } = lineAndColumnOfOffset(body, invalidOffset);
    const where = `byte ${hex(body[invalidOffset] ?? 0)} at column ${column}`;
    // Old exports (Excel CSV, Windows BibTeX) are often Windows-1252. When nothing in the file says UTF-8 and
    // every byte is printable in Windows-1252, reading it that way beats rejecting the whole file.
    if (!looksLikeBrokenUtf8(body, invalidOffset) && !body.some(isImplausibleLatin1Byte) && !hasMultiByteUtf8(body)) {
      const start = sequenceStart(body, invalidOffset);
      const first = lineAndColumnOfOffset(body, start);
      const message = `not valid UTF-8 (byte ${hex(body[start] ?? 0)} at column ${first.column}); read as Windows-1252 (Latin-1)`;
      return { text: new TextDecoder('windows-1252').decode(body), warning: { line: first.line, severity: 'warning', message } };
    }
    return {
      problem: {
        line,
        severity: 'error',
        message: `invalid UTF-8 (${where})`,
      },
    };
  }
  return { text: new TextDecoder('utf-8').decode(body) };
}
