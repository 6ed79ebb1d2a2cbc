/**
 * Reading the deflated files the build publishes (search shards and doc-store chunks, src/lib/search/manifest.ts;
 * the `/vectors/` packs, src/lib/vectors/format.ts), in the browser, its workers and Node alike: the platform's own
 * DecompressionStream ('deflate-raw', in every current browser and Node 18+), so pages ship no decompressor. The
 * build writes them with `deflate.ts`.
 */

function inflatedStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  // A copy: the stream takes an ArrayBuffer-backed view of exactly these bytes, whatever `bytes` is a view of.
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Blob([copy]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
}

/**
 * The bytes a raw deflate stream holds.
 * @example await inflateBytes(deflateBytes(Uint8Array.of(1, 2, 3))) // => Uint8Array [1, 2, 3]
 */
export async function inflateBytes(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await new Response(inflatedStream(bytes)).arrayBuffer());
}

/**
 * The UTF-8 text a raw deflate stream holds.
 * @example await inflateText(deflateText('graph')) // => 'graph'
 */
export async function inflateText(bytes: Uint8Array): Promise<string> {
  return new Response(inflatedStream(bytes)).text();
}
