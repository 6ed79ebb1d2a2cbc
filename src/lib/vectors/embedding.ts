/**
 * Vectors the user brings: a record's `embedding` (an array of numbers, or Semantic Scholar's
 * `{ "model": "…", "vector": [...] }`), checked, reduced and stored compactly with the paper.
 *
 * - Reduced at ingest: a vector of more than EMBEDDING_DIMENSIONS numbers is multiplied by a seeded sparse random
 *   matrix (Johnson–Lindenstrauss: cosines are kept within a few hundredths at 256 dimensions), so a 1,024-number
 *   SPECTER2 vector costs the content store 256 bytes. The topic step reduces them further, to their 100 strongest
 *   directions (topics/pca.ts), for the neighbour search, clusters and layout.
 * - Stored as int8 with one scale (quantise.ts), base64: `{ dimensions, model?, codes, scale }`.
 * - The atlas uses them only when every paper has one of the same (original) dimension (`embeddingRule`); otherwise
 *   the whole atlas falls back to its text vectors, with one warning.
 */
import { createHash } from 'node:crypto';
import { createRandom } from '../topics/random.ts';
import { quantiseRows } from './quantise.ts';

/** Numbers kept per embedding: larger vectors are randomly projected down to this many. */
export const EMBEDDING_DIMENSIONS = 256;
/** Largest embedding read (numbers); a longer one is refused with a warning. */
export const MAX_EMBEDDING_LENGTH = 8192;
/** Seed of the projection matrix: fixed, so the same vectors always give the same atlas. */
const PROJECTION_SEED = 20261130;

/** An embedding as the paper record stores it. */
export interface StoredEmbedding {
  /** Length of the vector the source gave (before projection). */
  dimensions: number;
  model?: string | undefined;
  /** Base64 of the int8 codes of the unit-length (projected) vector. */
  codes: string;
  /** The codes times this give the vector. */
  scale: number;
}

/**
 * Read a record's `embedding` value: undefined when there is none, else the stored form or why it cannot be used.
 * @example parseEmbedding({ model: 'specter2', vector: [3, 4] }) // => { embedding: { dimensions: 2, model: 'specter2', codes: 'YH8=', scale: 0.0062… } }
 * @example parseEmbedding([1, 'x']) // => { problem: 'embedding ignored: number 2 of 2 is "x", not a finite number' }
 */
export function parseEmbedding(value: unknown): { embedding: StoredEmbedding } | { problem: string } | undefined {
  if (value === undefined || value === null) return undefined;
  let numbers: unknown = value;
  let model: string | undefined;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const shaped = value as Record<string, unknown>;
    numbers = shaped['vector'];
    if (typeof shaped['model'] === 'string' && shaped['model'].trim() !== '') model = shaped['model'].trim().slice(0, 200);
    if (numbers === undefined) return { problem: 'embedding ignored: an object embedding needs a "vector" array (Semantic Scholar\'s { "model", "vector" })' };
  }
  if (!Array.isArray(numbers)) return { problem: `embedding ignored: expected an array of numbers, found ${typeof numbers}` };
  if (numbers.length === 0) return { problem: 'embedding ignored: the vector is empty' };
  if (numbers.length > MAX_EMBEDDING_LENGTH) return { problem: `embedding ignored: ${numbers.length} numbers, more than ${MAX_EMBEDDING_LENGTH}` };
  const vector = new Float64Array(numbers.length);
  for (let index = 0; index < numbers.length; index++) {
    const number = numbers[index];
    if (typeof number !== 'number' || !Number.isFinite(number)) {
      return { problem: `embedding ignored: number ${index + 1} of ${numbers.length} is ${JSON.stringify(number) ?? String(number)}, not a finite number` };
    }
    vector[index] = number;
  }
  const reduced = normalise(numbers.length > EMBEDDING_DIMENSIONS ? randomProjection(vector, EMBEDDING_DIMENSIONS, PROJECTION_SEED) : Float32Array.from(vector));
  if (reduced === undefined) return { problem: 'embedding ignored: every number is 0' };
  const { codes, scales } = quantiseRows(reduced, reduced.length);
  const embedding: StoredEmbedding = { dimensions: numbers.length, codes: Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength).toString('base64'), scale: scales[0]! };
  if (model !== undefined) embedding.model = model;
  return { embedding };
}

/**
 * The unit vector of a stored embedding.
 * @example decodeEmbedding(parseEmbedding([3, 4]).embedding) // => Float32Array [0.6, 0.8] (within 1/127)
 */
export function decodeEmbedding(embedding: StoredEmbedding): Float32Array {
  const bytes = Buffer.from(embedding.codes, 'base64');
  const codes = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float32Array.from(codes, (code) => code * embedding.scale);
}

/** One sparse projection matrix: for each input number, the output columns it adds to (+1) and subtracts from (−1). */
interface SparseProjection {
  plusStart: Int32Array;
  plus: Int32Array;
  minusStart: Int32Array;
  minus: Int32Array;
}

const projectionCache = new Map<string, SparseProjection>();

function sparseProjection(length: number, target: number, seed: number): SparseProjection {
  const key = `${length}:${target}:${seed}`;
  let projection = projectionCache.get(key);
  if (!projection) {
    const random = createRandom(seed);
    const plusStart = new Int32Array(length + 1);
    const minusStart = new Int32Array(length + 1);
    const plus: number[] = [];
    const minus: number[] = [];
    for (let row = 0; row < length; row++) {
      plusStart[row] = plus.length;
      minusStart[row] = minus.length;
      for (let column = 0; column < target; column++) {
        const draw = random();
        if (draw < 1 / 6) plus.push(column);
        else if (draw < 1 / 3) minus.push(column);
      }
    }
    plusStart[length] = plus.length;
    minusStart[length] = minus.length;
    projection = { plusStart, plus: Int32Array.from(plus), minusStart, minus: Int32Array.from(minus) };
    projectionCache.set(key, projection);
  }
  return projection;
}

/**
 * `vector` times a seeded sparse random matrix of `target` columns (Achlioptas 2003, "Database-friendly random
 * projections": each entry √(3/target) × +1 or −1 with probability 1/6 each, else 0). It keeps distances and cosines
 * as well as a Gaussian matrix does (the same Johnson–Lindenstrauss bound; error about 1/√target), with a third of
 * the entries and additions instead of products: 1,024 → 256 numbers for 100,000 papers in a third of the time,
 * which is most of ingest's cost. The same (length, target, seed) always gives the same matrix.
 * @example randomProjection(Float64Array.of(1, 0, 0), 2, 7).length // => 2
 */
export function randomProjection(vector: ArrayLike<number>, target: number, seed: number): Float32Array {
  const { plusStart, plus, minusStart, minus } = sparseProjection(vector.length, target, seed);
  const sum = new Float64Array(target);
  for (let row = 0; row < vector.length; row++) {
    const value = vector[row]!;
    if (value === 0) continue;
    for (let entry = plusStart[row]!; entry < plusStart[row + 1]!; entry++) sum[plus[entry]!]! += value;
    for (let entry = minusStart[row]!; entry < minusStart[row + 1]!; entry++) sum[minus[entry]!]! -= value;
  }
  const scale = Math.sqrt(3 / target);
  return Float32Array.from(sum, (value) => value * scale);
}

function normalise(vector: Float32Array): Float32Array | undefined {
  let norm = 0;
  for (const value of vector) norm += value * value;
  if (!(norm > 0) || !Number.isFinite(norm)) return undefined;
  const inverse = 1 / Math.sqrt(norm);
  return vector.map((value) => value * inverse);
}

/** What the topic step needs of each paper to decide on embeddings. */
export interface EmbeddingCandidate {
  embedding?: StoredEmbedding | undefined;
  source: { path: string; line: number };
}

/** Embeddings the atlas uses: row-major unit vectors and a digest of them (part of the stored fit's key). */
export interface PaperEmbeddings {
  vectors: Float32Array;
  dimensions: number;
  /** Length of the vectors the sources gave (before projection). */
  sourceDimensions: number;
  digest: string;
}

/**
 * The documented rule: when EVERY paper has an embedding and all have the same dimension, the atlas uses them;
 * when none has one, text vectors, silently; otherwise text vectors with one summary warning (how many papers lack
 * one or differ, and the first of them as file:line).
 * @example embeddingRule([{ embedding: e16, source }, { source: { path: 'b.jsonl', line: 4 } }]).warning
 * // => '1 of 2 papers have no embedding (first: b.jsonl:4): the atlas uses text vectors for every paper …'
 */
export function embeddingRule(papers: readonly EmbeddingCandidate[]): { embeddings?: PaperEmbeddings; warning?: string } {
  const withEmbedding = papers.filter((paper) => paper.embedding !== undefined);
  if (withEmbedding.length === 0 || papers.length === 0) return {};
  const fallback = ' the atlas uses text vectors for every paper (embeddings are used only when every paper has one of the same length)';
  const missing = papers.filter((paper) => paper.embedding === undefined);
  if (missing.length > 0) {
    const first = missing[0]!.source;
    return { warning: `${missing.length} of ${papers.length} papers have no embedding (first: ${first.path}:${first.line}):${fallback}` };
  }
  const firstDimensions = papers[0]!.embedding!.dimensions;
  const differing = papers.filter((paper) => paper.embedding!.dimensions !== firstDimensions);
  if (differing.length > 0) {
    const first = differing[0]!;
    const origin = papers[0]!.source;
    return {
      warning:
        `${differing.length} of ${papers.length} embeddings have another length than the first's ${firstDimensions} (${origin.path}:${origin.line}); ` +
        `first: ${first.embedding!.dimensions} at ${first.source.path}:${first.source.line}:${fallback}`,
    };
  }
  const hash = createHash('sha256');
  const dimensions = decodeEmbedding(papers[0]!.embedding!).length;
  const vectors = new Float32Array(papers.length * dimensions);
  papers.forEach((paper, row) => {
    hash.update(`${paper.embedding!.scale} ${paper.embedding!.codes}\n`);
    vectors.set(decodeEmbedding(paper.embedding!), row * dimensions);
  });
  return { embeddings: { vectors, dimensions, sourceDimensions: firstDimensions, digest: `sha256:${hash.digest('hex')}` } };
}
