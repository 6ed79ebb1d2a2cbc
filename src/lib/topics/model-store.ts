/**
 * The fitted topic model on disk, between builds: a JSON header (format, fit key, paper digests, term keys), the
 * atlas as the fit published it, and one binary file with the paper vectors and the LSA term basis (Float32 in
 * the machine's byte order: the cache never leaves the machine). Files are written under temporary names and renamed, so an interrupted build never leaves a
 * half-written model; a model that does not read back whole counts as absent.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AtlasData } from './atlas-schema.ts';
import type { FittedTopicModel } from './fold-in.ts';
import { serializeAtlas } from './atlas-json.ts';
import { writeAtomically } from './atomic-write.ts';

const FORMAT = 1;
const HEADER_FILE = 'topic-model.json';
const ATLAS_FILE = 'topic-model.atlas.json';
const VECTORS_FILE = 'topic-model.bin';

interface StoredHeader {
  format: number;
  /** What the fit depends on besides the papers (code version, seed); a model of another key is not used. */
  fitKey: string;
  dimensions: number;
  paperDigests: string[];
  termKeys: string[];
}

/**
 * Write a fitted model into `dir` (created when missing).
 * @example await writeTopicModel('node_modules/.astro/research-atlas', model, 'v1:seed1')
 */
export async function writeTopicModel(dir: string, model: FittedTopicModel, fitKey: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const header: StoredHeader = { format: FORMAT, fitKey, dimensions: model.dimensions, paperDigests: model.paperDigests, termKeys: model.termKeys };
  const binary = new Float32Array(model.vectors.length + model.termBasis.length);
  binary.set(model.vectors, 0);
  binary.set(model.termBasis, model.vectors.length);
  const bytes = new Uint8Array(binary.buffer, binary.byteOffset, binary.byteLength);
  // The header goes first and comes back last: a reader finds a model only once all its files are complete.
  await rm(join(dir, HEADER_FILE), { force: true });
  await writeAtomically(join(dir, VECTORS_FILE), bytes);
  await writeAtomically(join(dir, ATLAS_FILE), serializeAtlas(model.atlas));
  await writeAtomically(join(dir, HEADER_FILE), JSON.stringify(header));
}

/**
 * Read the model stored in `dir`, or undefined when there is none, it was fitted under another key, or its files
 * disagree (sizes, counts).
 * @example await readTopicModel('node_modules/.astro/research-atlas', 'v1:seed1') // => { atlas, vectors, … } | undefined
 */
export async function readTopicModel(dir: string, fitKey: string): Promise<FittedTopicModel | undefined> {
  try {
    const header = JSON.parse(await readFile(join(dir, HEADER_FILE), 'utf8')) as StoredHeader;
    if (header.format !== FORMAT || header.fitKey !== fitKey) return undefined;
    const atlas = JSON.parse(await readFile(join(dir, ATLAS_FILE), 'utf8')) as AtlasData;
    const bytes = await readFile(join(dir, VECTORS_FILE));
    const floats = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const vectorLength = atlas.papers.length * header.dimensions;
    if (header.paperDigests.length !== atlas.papers.length || floats.length !== vectorLength + header.termKeys.length * header.dimensions) return undefined;
    return {
      atlas,
      paperDigests: header.paperDigests,
      vectors: floats.subarray(0, vectorLength),
      dimensions: header.dimensions,
      termKeys: header.termKeys,
      termBasis: floats.subarray(vectorLength),
    };
  } catch {
    return undefined;
  }
}
