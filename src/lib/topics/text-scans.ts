/**
 * The scans of a build's texts on disk, between builds (corpus-terms.ts keeps them in memory): a JSON header
 * (format, key, the texts' digests, the surfaces with their term keys and display variants) and one binary file of
 * Int32 (each text's offset, then every scan, in the machine's byte order: the cache never leaves the machine).
 * Written under temporary names and renamed, header last, like model-store.ts; a store that does not read back
 * whole, or was written under another key (another version of the tokenizer), counts as absent.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { SurfaceTable } from './tokenize.ts';
import { writeAtomically } from './atomic-write.ts';
import type { TextScans } from './corpus-terms.ts';

const FORMAT = 1;
const HEADER_FILE = 'text-scans.json';
const SCANS_FILE = 'text-scans.bin';

interface StoredHeader {
  format: number;
  /** What the scans depend on besides the texts (the topic code's version); scans of another key are not used. */
  key: string;
  digests: string[];
  surfaces: string[];
  keys: string[];
  variants: string[];
}

/**
 * Write `scans` into `dir` (created when missing).
 * @example await writeTextScans('node_modules/.astro/research-atlas', textScansToKeep(texts)!, 'sha256:…')
 */
export async function writeTextScans(dir: string, scans: TextScans, key: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const digests = [...scans.scanOfDigest.keys()];
  let length = 0;
  for (const scan of scans.scanOfDigest.values()) length += scan.length;
  const numbers = new Int32Array(digests.length + 1 + length);
  let at = digests.length + 1;
  digests.forEach((digest, index) => {
    const scan = scans.scanOfDigest.get(digest)!;
    numbers[index] = at;
    numbers.set(scan, at);
    at += scan.length;
  });
  numbers[digests.length] = at;
  const { surfaces, keys, variants } = scans.table;
  const header: StoredHeader = { format: FORMAT, key, digests, surfaces, keys, variants };
  await rm(join(dir, HEADER_FILE), { force: true });
  await writeAtomically(join(dir, SCANS_FILE), new Uint8Array(numbers.buffer, numbers.byteOffset, numbers.byteLength));
  await writeAtomically(join(dir, HEADER_FILE), JSON.stringify(header));
}

/**
 * The scans stored in `dir` under `key`, or undefined when there are none, they were written under another key, or
 * their files disagree.
 * @example (await readTextScans('node_modules/.astro/research-atlas', 'sha256:…'))?.scanOfDigest.size // => 10000
 */
export async function readTextScans(dir: string, key: string): Promise<TextScans | undefined> {
  try {
    const header = JSON.parse(await readFile(join(dir, HEADER_FILE), 'utf8')) as StoredHeader;
    if (header.format !== FORMAT || header.key !== key) return undefined;
    const bytes = await readFile(join(dir, SCANS_FILE));
    if (bytes.byteLength % 4 !== 0) return undefined;
    const numbers = new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const count = header.digests.length;
    if (numbers.length < count + 1 || numbers[count] !== numbers.length) return undefined;
    const scanOfDigest = new Map<string, Int32Array>();
    for (let index = 0; index < count; index++) {
      const start = numbers[index]!;
      const end = numbers[index + 1]!;
      if (start < count + 1 || end < start) return undefined;
      const scan = numbers.subarray(start, end);
      if (scan.some((surfaceIndex) => surfaceIndex < -1 || surfaceIndex >= header.surfaces.length)) return undefined;
      scanOfDigest.set(header.digests[index]!, scan);
    }
    return { table: SurfaceTable.of(header.surfaces, header.keys, header.variants), scanOfDigest };
  } catch {
    return undefined;
  }
}
