/**
 * The structure of a BibTeX file before any entry is parsed: where each `@…` block starts and ends, which blocks
 * are comments (never records, even when they hold `@article{…}` lines), and the `@string` macros with bounded
 * expansion. Everything here is one pass over the text, so a hostile file costs time linear in its size.
 */
import type { SourceProblem } from './format.ts';
import { lineLocator } from './record-fields.ts';

/** Where an `@type{` or `@type(` starts: at the start of a line, after optional indentation. */
const ENTRY_START = /^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*([{(])/gm;

/** Entry types that are not records: macros, comments and the preamble. */
export const NON_RECORD_TYPES: ReadonlySet<string> = new Set(['string', 'comment', 'preamble']);

/** Blocks whose braces are matched across entry starts: what they hold is commented out, `@article` lines included. */
const ENCLOSING_TYPES = new Set(['comment', 'preamble']);

/** Longest value one `@string` macro may expand to (a chain doubling each step passes it after 17 steps). */
export const MAX_MACRO_CHARS = 100_000;
/** Most characters all `@string` macros of one file may hold together. */
export const MAX_TOTAL_MACRO_CHARS = 2_000_000;
/** Most characters the macros used by one entry may add to it. */
export const MAX_ENTRY_MACRO_CHARS = 1_000_000;

/** One `@…` block cut out of the file. */
export interface BibtexChunk {
  /** 1-based file line of the `@`. */
  line: number;
  /** Entry type, lower case (`article`, `string`, `comment`). */
  type: string;
  /** The entry's text from `@` to its closing delimiter, or why it has none. */
  body: { text: string; trailing: string } | { error: string };
  /** The citation key as written (best effort, for messages), e.g. `smith2020`. */
  key: string;
}

/**
 * Cut the text into `@…` blocks and check that each block's braces close its entry. A record's block ends at the
 * next line starting with `@`, so one unbalanced entry costs only itself. A `@comment` or `@preamble` block ends
 * where its braces close, wherever that is: entry lines inside it are commented out, not records. One left open
 * runs to the end of the file (its error says so).
 * @example chunkBibtex('@comment{\n@article{k, title={T}}\n}\n@misc{m, title={U}}').map((chunk) => chunk.type) // => ['comment', 'misc']
 */
export function chunkBibtex(text: string): BibtexChunk[] {
  const lineOf = lineLocator(text);
  const starts = [...text.matchAll(ENTRY_START)];
  const chunks: BibtexChunk[] = [];
  let skipUntil = 0;
  starts.forEach((start, index) => {
    const from = start.index;
    if (from < skipUntil) return;
    const type = (start[1] ?? '').toLowerCase();
    const open = start[2] ?? '{';
    const openAt = from + start[0].length;
    const enclosing = ENCLOSING_TYPES.has(type);
    const to = enclosing ? text.length : (starts[index + 1]?.index ?? text.length);
    const key = enclosing ? '' : (/^\s*([^,\s{}()]*)/.exec(text.slice(openAt, Math.min(to, openAt + 1000)))?.[1] ?? '');
    const line = lineOf(from);
    const label = `@${start[1] ?? type}${open}${key}`;
    const close = closingOffset(text, openAt, to, open);
    if (typeof close === 'number') {
      if (enclosing) skipUntil = close + 1;
      chunks.push({ line, type, key, body: { text: text.slice(from, close + 1), trailing: text.slice(close + 1, enclosing ? (starts.find((next) => next.index > close)?.index ?? text.length) : to) } });
      return;
    }
    if ('unexpected' in close) {
      chunks.push({ line, type, key, body: { error: `unexpected closing brace at line ${lineOf(close.unexpected)} in ${label}` } });
      return;
    }
    if (enclosing) {
      skipUntil = text.length;
      const hidden = starts.filter((next) => next.index > from).length;
      chunks.push({ line, type, key, body: { error: `${label} is never closed: the rest of the file${hidden > 0 ? ` (${hidden} more @ lines)` : ''} is read as part of it, not as entries` } });
      return;
    }
    const depth = close.depth;
    const where = index + 1 < starts.length ? `before the next entry at line ${lineOf(to)}` : 'at the end of the file';
    const braces = (count: number): string => `${count} more closing brace${count === 1 ? '' : 's'}`;
    const expected = open === '(' ? (depth === 0 ? "')'" : `${braces(depth)} and ')'`) : depth === 0 ? "'}'" : braces(depth + 1);
    chunks.push({ line, type, key, body: { error: `missing closing brace in ${label}: expected ${expected} ${where}` } });
  });
  return chunks;
}

/** Offset of the delimiter closing the block opened just before `from`, or why there is none before `to`. */
function closingOffset(text: string, from: number, to: number, open: string): number | { unexpected: number } | { depth: number } {
  let depth = 0;
  for (let offset = from; offset < to; offset += 1) {
    const char = text[offset];
    if (char === '\\') {
      offset += 1;
    } else if (char === '{') {
      depth += 1;
    } else if (char === '}') {
      if (depth === 0) return open === '{' ? offset : { unexpected: offset };
      depth -= 1;
    } else if (char === ')' && open === '(' && depth === 0) {
      return offset;
    }
  }
  return { depth };
}

/** `@string` macros read so far: upper-case name → value as the library stores it (the text inside braces or quotes). */
export interface MacroTable {
  valueByName: Map<string, string>;
  totalChars: number;
}

/**
 * A new, empty macro table.
 * @example createMacroTable().valueByName.size // => 0
 */
export function createMacroTable(): MacroTable {
  return { valueByName: new Map(), totalChars: 0 };
}

/** The value of one `{…}` / `"…"` / number / macro part starting at `offset`, and where it ends. */
function readValuePart(text: string, offset: number, macros: MacroTable): { value: string; end: number } | { error: string } {
  const char = text[offset];
  if (char === '{' || char === '"') {
    let depth = 0;
    for (let index = offset + 1; index < text.length; index += 1) {
      const current = text[index];
      if (current === '\\') index += 1;
      else if (current === '{') depth += 1;
      else if (current === '}' && depth > 0) depth -= 1;
      else if (depth === 0 && current === (char === '{' ? '}' : '"')) return { value: text.slice(offset + 1, index), end: index + 1 };
    }
    return { error: `unterminated ${char === '{' ? 'brace' : 'quote'} value` };
  }
  const word = /[^\s#{}(),="]+/y;
  word.lastIndex = offset;
  const name = word.exec(text)?.[0];
  if (name === undefined) return { error: `expected a value, found ${JSON.stringify(text.slice(offset, offset + 20))}` };
  if (/^\d+$/.test(name)) return { value: name, end: word.lastIndex };
  const value = macros.valueByName.get(name.toUpperCase()) ?? MONTH_BY_MACRO.get(name.toLowerCase());
  if (value === undefined) return { error: `unknown macro ${JSON.stringify(name.slice(0, 60))}` };
  return { value, end: word.lastIndex };
}

/** BibTeX's predefined month macros, as the library defines them. */
const MONTH_BY_MACRO = new Map(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((month, index) => [month, String(index + 1)]));

/**
 * Read one `@string{name = value}` block into the table, expanding the macros it uses from values already stored
 * (never recursively, so a chain of any depth costs one step per definition). A value longer than
 * `MAX_MACRO_CHARS`, or one that would take the file past `MAX_TOTAL_MACRO_CHARS`, is not stored: the warning
 * returned says so, and entries using it are rejected as using an unknown macro.
 * @example const macros = createMacroTable(); defineMacro('@string{acl = "Proc. of ACL"}', macros, 3); macros.valueByName.get('ACL') // => 'Proc. of ACL'
 */
export function defineMacro(blockText: string, macros: MacroTable, line: number): SourceProblem | undefined {
  const head = /^[ \t]*@[ \t]*string[ \t]*[{(]\s*([^\s=#{}(),"]+)\s*=\s*/iy.exec(blockText);
  const fail = (message: string): SourceProblem => ({ line, severity: 'warning', message: `@string ignored: ${message}` });
  if (head === null) return fail('expected @string{name = value}');
  const name = head[1] ?? '';
  let offset = head[0].length;
  const parts: string[] = [];
  let length = 0;
  while (true) {
    const part = readValuePart(blockText, offset, macros);
    if ('error' in part) return fail(`${part.error} in ${JSON.stringify(name.slice(0, 60))}`);
    length += part.value.length;
    if (length > MAX_MACRO_CHARS) return fail(`${JSON.stringify(name.slice(0, 60))} expands to more than ${MAX_MACRO_CHARS} characters`);
    parts.push(part.value);
    const join = /\s*#\s*/y;
    join.lastIndex = part.end;
    if (join.exec(blockText) === null) break;
    offset = join.lastIndex;
  }
  if (macros.totalChars + length > MAX_TOTAL_MACRO_CHARS) return fail(`the file's macros would hold more than ${MAX_TOTAL_MACRO_CHARS} characters`);
  const previous = macros.valueByName.get(name.toUpperCase());
  macros.totalChars += length - (previous?.length ?? 0);
  macros.valueByName.set(name.toUpperCase(), parts.join(''));
  return undefined;
}

/**
 * The macros an entry uses (bare words at the entry's own level, outside braces and quotes), as the library's
 * `strings` option wants them, or why the entry may not use them: together they would add more than
 * `MAX_ENTRY_MACRO_CHARS` characters (`title = big # big # big…`).
 * @example macrosUsedBy('@misc{k, venue = acl}', table) // => { strings: { ACL: 'Proc. of ACL' } }
 */
export function macrosUsedBy(entryText: string, macros: MacroTable): { strings: Record<string, string> } | { error: string } {
  const strings: Record<string, string> = {};
  if (macros.valueByName.size === 0) return { strings };
  let depth = 0;
  let inQuote = false;
  let added = 0;
  for (let offset = 0; offset < entryText.length; offset += 1) {
    const char = entryText[offset] ?? '';
    if (char === '\\') offset += 1;
    else if (char === '{' || (char === '(' && depth === 0)) depth += 1;
    else if (char === '}') depth -= 1;
    else if (char === '"' && depth === 1) inQuote = !inQuote;
    else if (depth === 1 && !inQuote && /[A-Za-z]/.test(char) && !/[\w.:+-]/.test(entryText[offset - 1] ?? '')) {
      const word = /[^\s#{}(),="]+/y;
      word.lastIndex = offset;
      const name = (word.exec(entryText)?.[0] ?? '').toUpperCase();
      const value = macros.valueByName.get(name);
      if (value !== undefined) {
        strings[name] = value;
        added += value.length;
        if (added > MAX_ENTRY_MACRO_CHARS) return { error: `its @string macros would add more than ${MAX_ENTRY_MACRO_CHARS} characters` };
      }
      offset = Math.max(offset, word.lastIndex - 1);
    }
  }
  return { strings };
}
