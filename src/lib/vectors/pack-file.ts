/**
 * The container of every binary file under `/vectors/`: one fetch gives a small JSON header (strings: slugs, titles,
 * term keys) and typed arrays (codes, scales, ids) without a second request or a parser library.
 *
 *   bytes 0–3   "RAV1" (Research Atlas Vectors, container 1; section types i8, u8, u16, i32, f32)
 *   bytes 4–7   header length H (uint32, little-endian)
 *   bytes 8–8+H the header, UTF-8 JSON: { ...fields, sections: { name: [type, byteOffset, length] } }
 *   then        the sections, each starting at a multiple of 4 from the start of the file, little-endian
 *
 * Written by hand: the format is 40 lines, and a general one (MessagePack, Arrow) would cost the worker more bytes
 * than the data it decodes for a small query.
 */

const MAGIC = 'RAV1';

/** The typed arrays a pack may hold. */
export type SectionArray = Int8Array | Uint8Array | Uint16Array | Int32Array | Float32Array;
type SectionType = 'i8' | 'u8' | 'u16' | 'i32' | 'f32';

const WIDTH: Record<SectionType, number> = { i8: 1, u8: 1, u16: 2, i32: 4, f32: 4 };

export interface DecodedPack<Header> {
  header: Header;
  sections: Record<string, SectionArray>;
}

function typeOf(array: SectionArray): SectionType {
  if (array instanceof Int8Array) return 'i8';
  if (array instanceof Uint8Array) return 'u8';
  if (array instanceof Uint16Array) return 'u16';
  if (array instanceof Int32Array) return 'i32';
  return 'f32';
}

function assertLittleEndian(): void {
  if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) throw new Error('vector packs are little-endian; this machine is not');
}

/**
 * One pack file from a JSON-serialisable header and named typed arrays.
 * @example decodePack(encodePack({ n: 1 }, { codes: Int8Array.of(-3, 4) })).sections.codes // => Int8Array [-3, 4]
 */
export function encodePack(header: object, sections: Record<string, SectionArray>): Uint8Array {
  assertLittleEndian();
  const names = Object.keys(sections).sort();
  let offset = 0;
  const table: Record<string, [SectionType, number, number]> = {};
  for (const name of names) {
    const array = sections[name]!;
    table[name] = [typeOf(array), offset, array.length];
    offset += Math.ceil(array.byteLength / 4) * 4;
  }
  let headerBytes = new TextEncoder().encode(JSON.stringify({ ...header, sections: table }));
  const paddedLength = Math.ceil(headerBytes.length / 4) * 4;
  if (paddedLength !== headerBytes.length) {
    const padded = new Uint8Array(paddedLength).fill(0x20);
    padded.set(headerBytes);
    headerBytes = padded;
  }
  const dataStart = 8 + headerBytes.length;
  const bytes = new Uint8Array(dataStart + offset);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(4, headerBytes.length, true);
  bytes.set(headerBytes, 8);
  for (const name of names) {
    const array = sections[name]!;
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), dataStart + table[name]![1]);
  }
  return bytes;
}

/**
 * Read a pack written by encodePack; throws (naming what is wrong) on a file of another format or a cut-off file.
 * @example decodePack(encodePack({ n: 1 }, {})).header.n // => 1
 */
export function decodePack<Header>(bytes: Uint8Array): DecodedPack<Header> {
  assertLittleEndian();
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw new Error('not a vector pack (no RAV1 signature)');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  if (8 + headerLength > bytes.length) throw new Error('vector pack cut off inside its header');
  const parsed = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Header & {
    sections: Record<string, [SectionType, number, number]>;
  };
  const dataStart = 8 + headerLength;
  const sections: Record<string, SectionArray> = {};
  for (const [name, [type, offset, length]] of Object.entries(parsed.sections)) {
    const width = WIDTH[type];
    if (width === undefined) throw new Error(`vector pack section "${name}" has unknown type "${type}"`);
    const start = dataStart + offset;
    if (start + length * width > bytes.length) throw new Error(`vector pack cut off in section "${name}"`);
    // A copy, so the view is aligned whatever the offset of `bytes` in its buffer.
    // (`new Uint8Array(view)` copies; a Node Buffer's `slice` would not.)
    const copy = new Uint8Array(bytes.subarray(start, start + length * width)).buffer;
    sections[name] =
      type === 'i8' ? new Int8Array(copy) : type === 'u8' ? new Uint8Array(copy) : type === 'u16' ? new Uint16Array(copy) : type === 'i32' ? new Int32Array(copy) : new Float32Array(copy);
  }
  const { sections: _table, ...header } = parsed;
  return { header: header as Header, sections };
}

/**
 * Whole numbers (0 or more) in the narrowest section type that holds them all: u8 below 256, u16 below 65,536, else
 * i32. Term columns, row starts and neighbour places are written this way and read back with `intSection`.
 * @example narrowInts(Int32Array.of(3, 17_000)) // => Uint16Array [3, 17000]
 */
export function narrowInts(values: ArrayLike<number>): Uint8Array | Uint16Array | Int32Array {
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!Number.isInteger(value) || value < 0) return Int32Array.from(values);
    if (value > max) max = value;
  }
  return max < 256 ? Uint8Array.from(values) : max < 65_536 ? Uint16Array.from(values) : Int32Array.from(values);
}

/**
 * A whole-number section as Int32Array, whatever width `narrowInts` gave it (a copy only when it was narrower).
 * @example intSection(Uint16Array.of(3, 17_000)) // => Int32Array [3, 17000]
 */
export function intSection(array: SectionArray | undefined): Int32Array {
  if (array === undefined) return new Int32Array(0);
  if (array instanceof Int32Array) return array;
  if (array instanceof Float32Array) throw new Error('vector pack: a float section where whole numbers were expected');
  return Int32Array.from(array);
}
