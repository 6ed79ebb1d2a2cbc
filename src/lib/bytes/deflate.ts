import { deflateRawSync } from 'node:zlib';

/**
 * The build side of `inflate.ts`: raw deflate at level 9 (node:zlib), for the published files a page inflates with
 * the browser's DecompressionStream. Build-only (node:zlib); browser code imports `inflate.ts`. Same input, same bytes.
 */

/**
 * Text deflated.
 * @example deflateText('graph graph graph graph').length < 23 // => true
 */
export function deflateText(text: string): Uint8Array {
  return new Uint8Array(deflateRawSync(text, { level: 9 }));
}

/**
 * Bytes deflated.
 * @example deflateBytes(new Uint8Array(1000)).length < 1000 // => true
 */
export function deflateBytes(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(deflateRawSync(bytes, { level: 9 }));
}
