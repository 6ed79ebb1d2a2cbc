/**
 * A library in a URL: the saved papers' slugs, newest first, joined by line breaks, compressed with DEFLATE
 * (the platform's CompressionStream, no library) and written in base64url after `#share=1.` on the /library/ page.
 * The fragment never reaches a server, so no server log or URL limit of a web server applies; only the browser's
 * (Chromium 2 MB, Firefox and Safari far more than this needs). 500 papers of the bundled atlas take about 12 kB.
 */

/** The fragment parameter and format version of a share link. */
export const SHARE_PREFIX = 'share=1.';

/** A share link that cannot be read: the message says why. */
export class ShareLinkError extends Error {}

async function streamBytes(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/**
 * The fragment (without `#`) that carries these slugs.
 * @example await encodeShareFragment(['deep-nets-2401.00001']) // => 'share=1.S0lNLdbVS0ksKdY1MjAx0DMwMDQEAA'
 */
export async function encodeShareFragment(slugs: readonly string[]): Promise<string> {
  const bytes = new TextEncoder().encode(slugs.join('\n'));
  return SHARE_PREFIX + toBase64Url(await streamBytes(bytes, new CompressionStream('deflate-raw')));
}

/** Slugs as the site makes them: lower-case letters, digits, hyphens, and the dots and slashes of arXiv ids. */
const SLUG = /^[a-z0-9][a-z0-9./_-]{0,199}$/;

/**
 * The slugs in a share fragment (`share=1.…`, with or without `#`), or null when the fragment is not a share link.
 * Throws ShareLinkError when it is one but cannot be read (cut off, altered, another version).
 * @example await decodeShareFragment('#share=1.S0lNLdbVS0ksKdY1MjAx0DMwMDQEAA') // => ['deep-nets-2401.00001']
 */
export async function decodeShareFragment(fragment: string): Promise<string[] | null> {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const value = params.get('share');
  if (value === null) return null;
  const [version, data] = value.split('.', 2);
  if (version !== '1' || data === undefined) throw new ShareLinkError(`this share link has a format this site does not read (version ${version ?? 'none'})`);
  if (!/^[A-Za-z0-9_-]*$/.test(data) || data === '') throw new ShareLinkError('this share link is damaged: it holds characters a share link never has');
  let text: string;
  try {
    const bytes = await streamBytes(fromBase64Url(data), new DecompressionStream('deflate-raw'));
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ShareLinkError('this share link is damaged or cut off: it could not be decompressed');
  }
  const slugs = text.split('\n').filter((slug) => slug !== '');
  if (slugs.length === 0 || !slugs.every((slug) => SLUG.test(slug))) throw new ShareLinkError('this share link is damaged: it does not hold a list of papers');
  return [...new Set(slugs)];
}
