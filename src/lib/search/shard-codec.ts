/**
 * The compact text form of one index shard (manifest version 2), written by `build-index.ts` and read by `engine.ts`.
 * It holds exactly the `ShardFile` the JSON form held (MiniSearch `toJSON().index` entries plus field lengths:
 * `decodeShard` gives them as the Maps MiniSearch searches, `shardFileOf` in the JSON form), so the page searches the
 * same index and every score is the same; it is about a quarter of the JSON's bytes (then deflated, build-index.ts).
 *
 * Numbers are written in printable ASCII (`!` to `~`, 94 digits) as self-delimiting varints: a digit below `T` ends a
 * number, a digit from `T` up is a more significant continuation digit (base 94 − T), so no separators are needed.
 *
 *   line 1       the field lengths: for each paper the shard mentions (ids ascending), one varint per field
 *   each next    one term, terms ascending: varint length of the prefix it shares with the previous term, the rest
 *                of the term, then per field holding it: TAB, the field id as one digit, and its postings
 *   a posting    varint ((id − previous id − 1) × 2 + (frequency > 1)), then varint (frequency − 2) when frequency > 1
 *
 * Ids are implied: the papers of line 1 are the ids the postings mention. Hand-written because no library encodes
 * MiniSearch's postings, and a general one (MessagePack, protobuf) would be larger than this as text and need a decoder
 * shipped to the browser.
 */
import type { ShardFile } from './manifest.ts';

type IndexEntry = ShardFile['index'][number];

const FIRST = 0x21;
const DIGITS = 94;
/** Terminal digits of posting and prefix varints: a gap below 32 (the common words' postings) is one character. */
const POSTING_T = 64;
/** Terminal digits of length varints: abstracts of up to 87 terms cost one character, up to 527 two. */
const LENGTH_T = 88;

function writeVarint(out: string[], value: number, terminals: number): void {
  const continuation = DIGITS - terminals;
  let rest = Math.floor(value / terminals);
  const last = String.fromCharCode(FIRST + (value % terminals));
  let high = '';
  while (rest > 0) {
    high = String.fromCharCode(FIRST + terminals + (rest % continuation)) + high;
    rest = Math.floor(rest / continuation);
  }
  out.push(high, last);
}

/** Reads varints from one line of a shard, left to right. */
class VarintReader {
  position: number;
  private readonly text: string;
  private readonly end: number;

  constructor(text: string, start: number, end: number) {
    this.text = text;
    this.position = start;
    this.end = end;
  }

  get done(): boolean {
    return this.position >= this.end;
  }

  read(terminals: number): number {
    const continuation = DIGITS - terminals;
    let value = 0;
    while (this.position < this.end) {
      const digit = this.text.charCodeAt(this.position++) - FIRST;
      if (digit < 0 || digit >= DIGITS) throw new Error(`search shard: character ${this.position - 1} is not a digit`);
      if (digit < terminals) return value * terminals + digit;
      value = value * continuation + (digit - terminals);
    }
    throw new Error('search shard: a number is cut off at the end of its line');
  }
}

/**
 * The compact text of one shard: its index entries (terms ascending, as `toJSON` gives them) and the field lengths
 * of the papers they mention (for each id ascending, `fieldCount` numbers).
 * @example encodeShard({ lengths: [3], index: [['graph', { 0: { 7: 1 } }]] }, 1) // => '$\n!graph\t!/'
 */
export function encodeShard(shard: ShardFile, fieldCount: number): string {
  const head: string[] = [];
  for (const length of shard.lengths) {
    if (!Number.isInteger(length) || length < 0) throw new Error(`search shard: field length ${length} is not a whole number`);
    writeVarint(head, length, LENGTH_T);
  }
  const lines = [head.join('')];
  let previous = '';
  for (const [term, fields] of shard.index) {
    if (/[\t\n]/.test(term)) throw new Error(`search shard: term ${JSON.stringify(term)} holds a tab or line break`);
    let shared = 0;
    while (shared < term.length && shared < previous.length && term[shared] === previous[shared]) shared += 1;
    const out: string[] = [];
    writeVarint(out, shared, POSTING_T);
    out.push(term.slice(shared));
    for (const [fieldId, postings] of Object.entries(fields)) {
      const field = Number(fieldId);
      if (!(field >= 0 && field < fieldCount && field < DIGITS)) throw new Error(`search shard: field id ${fieldId} of "${term}" is out of range`);
      out.push('\t', String.fromCharCode(FIRST + field));
      let last = -1;
      // Integer keys iterate ascending, so gaps are positive.
      for (const [id, frequency] of Object.entries(postings)) {
        const docId = Number(id);
        writeVarint(out, (docId - last - 1) * 2 + (frequency > 1 ? 1 : 0), POSTING_T);
        if (frequency > 1) writeVarint(out, frequency - 2, POSTING_T);
        last = docId;
      }
    }
    lines.push(out.join(''));
    previous = term;
  }
  return lines.join('\n');
}

/**
 * A decoded shard, in the shape MiniSearch keeps in memory: each term's postings as Maps (field id → doc id →
 * frequency, both ascending, as `loadJS` would build them from the JSON form), and the flat field lengths.
 */
export interface DecodedShard {
  /** For each paper the entries mention (ids ascending), one length per field. */
  lengths: number[];
  entries: [term: string, fields: Map<number, Map<number, number>>][];
}

/**
 * The shard a compact text encodes (`shardFileOf` gives it back in the `toJSON` form `encodeShard` took).
 * @example decodeShard('$\n!graph\t!/', 1).entries // => [['graph', Map { 0 => Map { 7 => 1 } }]]
 */
export function decodeShard(text: string, fieldCount: number): DecodedShard {
  let lineEnd = text.indexOf('\n');
  if (lineEnd < 0) lineEnd = text.length;
  const lengths: number[] = [];
  const lengthReader = new VarintReader(text, 0, lineEnd);
  while (!lengthReader.done) lengths.push(lengthReader.read(LENGTH_T));
  const entries: DecodedShard['entries'] = [];
  let previous = '';
  let start = lineEnd + 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const reader = new VarintReader(text, start, end);
    const shared = reader.read(POSTING_T);
    let fieldStart = text.indexOf('\t', reader.position);
    if (fieldStart < 0 || fieldStart > end) fieldStart = end;
    const term = previous.slice(0, shared) + text.slice(reader.position, fieldStart);
    const fields = new Map<number, Map<number, number>>();
    while (fieldStart < end) {
      const field = text.charCodeAt(fieldStart + 1) - FIRST;
      if (!(field >= 0 && field < fieldCount)) throw new Error(`search shard: term "${term}" names field ${field} of ${fieldCount}`);
      let next = text.indexOf('\t', fieldStart + 2);
      if (next < 0 || next > end) next = end;
      // Maps, not objects with numeric keys: V8 stores those sparse keys in a dictionary, ten times slower to fill.
      const postings = new Map<number, number>();
      const postingReader = new VarintReader(text, fieldStart + 2, next);
      let last = -1;
      while (!postingReader.done) {
        const value = postingReader.read(POSTING_T);
        last += Math.floor(value / 2) + 1;
        postings.set(last, value % 2 === 1 ? postingReader.read(POSTING_T) + 2 : 1);
      }
      fields.set(field, postings);
      fieldStart = next;
    }
    entries.push([term, fields]);
    previous = term;
    start = end + 1;
  }
  return { lengths, entries };
}

/**
 * A decoded shard in the `toJSON` form (`ShardFile`, what version 1 published): for tests and the benchmark.
 * @example shardFileOf(decodeShard('$\n!graph\t!/', 1)) // => { lengths: [3], index: [['graph', { 0: { 7: 1 } }]] }
 */
export function shardFileOf(shard: DecodedShard): ShardFile {
  return {
    lengths: shard.lengths,
    index: shard.entries.map(([term, fields]): IndexEntry => {
      const plain: Record<string, Record<string, number>> = {};
      for (const [field, postings] of fields) plain[field] = Object.fromEntries(postings);
      return [term, plain];
    }),
  };
}
