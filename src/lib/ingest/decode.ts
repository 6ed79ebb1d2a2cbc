import type { SourceProblem } from './format.ts';

/** The outcome of decoding one file: its text, or the problem that stopped it being read as text. */
export type DecodeResult = { text: string } | { problem: SourceProblem };

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

function hex(byte: number): string {
  return `0x${byte.toString(16).padStart(2, '0')}`;
}

/**
 * Decode a file's bytes to text. UTF-8 is the default (a BOM is removed); UTF-16 LE/BE is read when it
 * starts with its BOM. Invalid UTF-8 and binary content (NUL bytes) give an error-severity problem
 * instead of text; the message names the file, and the line and column of the first bad byte.
 * @example decodeSourceBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]), 'a.txt') // => { text: 'hi' }
 * @example decodeSourceBytes(new Uint8Array([0x61, 0x0a, 0x62, 0xff]), 'papers.txt')
 * // => { problem: { line: 2, severity: 'error', message: 'invalid UTF-8 (byte 0xff at column 2)' } }
 */
export function decodeSourceBytes(bytes: Uint8Array, path: string): DecodeResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const nulOffset = body.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
  if (nulOffset !== -1) {
    return {
      problem: {
        line: 1,
        severity: 'error',
        message: `binary file, not text (NUL byte at offset ${nulOffset}): ${path} skipped`,
      },
    };
  }
  const invalidOffset = firstInvalidUtf8Offset(body);
  if (invalidOffset !== -1) {
    const { line, column } = lineAndColumnOfOffset(body, invalidOffset);
    return {
      problem: {
        line,
        severity: 'error',
        message: `invalid UTF-8 (byte ${hex(body[invalidOffset] ?? 0)} at column ${column})`,
      },
    };
  }
  return { text: new TextDecoder('utf-8').decode(body) };
}
