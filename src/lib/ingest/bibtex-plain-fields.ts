/**
 * The fast path of the BibTeX reader (bibtex.ts): a scanner for entries in the plain `name = {value},` shape that
 * sets aside the `{…}` text fields with no TeX in them, exactly as `@retorquere/bibtex-parser` would return them, and
 * cuts the fields the reader never uses, so the library (a full LaTeX parser, ~20 ms per long field) sees only
 * what needs it. `parseBibtex(text, { libraryOnly: true })` is the reference the tests hold this to.
 */

/** Fields `bibtexEntryToFields` reads; any other field is cut out before the library sees the entry. */
const READ_FIELDS = new Set([
  'title', 'abstract', 'author', 'editor', 'primaryclass', 'keywords', 'archiveprefix', 'eprinttype', 'eprint',
  'journal', 'journaltitle', 'doi', 'url', 'number', 'note', 'year', 'month', 'date', 'booktitle',
]);

/** BibTeX's month macros; the library turns `month = jun` (and `{June}`) into `'6'`. */
const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Fields whose plain value the library returns as written (not names, lists, months or verbatim fields). */
const PLAIN_TEXT_FIELDS = new Set(['title', 'abstract', 'journal', 'journaltitle', 'booktitle', 'note', 'number', 'eprint', 'doi', 'year', 'date', 'primaryclass', 'archiveprefix', 'eprinttype']);

/**
 * Text the library would change: TeX specials, TeX ligatures (`--`, ``` `` ```, `''`, `?``, `!``, `,,`, `<<`),
 * a quote (babel shorthands), control characters other than the angle-bracket stand-ins, or a paragraph break
 * in a field that is not rich text.
 */
const NOT_PLAIN = /[\\{}$~%#^&_"\u0000\u0003-\u0008\u000b\u000c\u000e-\u001f]|--|``|''|[?!]`|,,/;

/** Plain text with `{…}` case-protection groups (no nesting, nothing special inside), as Zotero writes titles. */
const PLAIN_WITH_GROUPS = /^(?:[^{}]|\{[^{}]*\})*$/;

/**
 * What the library would return for a `{…}` field value with no TeX in it, or undefined when the value needs the
 * library. Case-protection braces are dropped (the library drops them with `caseProtection: false`); keywords
 * are split on `,`/`;`, trimmed, de-duplicated and sorted case-insensitively, as the library does.
 */
function plainFieldValue(name: string, value: string): string | string[] | undefined {
  // The library reads `url` verbatim: only braces and backslashes mean anything in it.
  if (name === 'url') return /^[^\s{}\\]*$/.test(value) ? value : undefined;
  if (NOT_PLAIN.test(value.replace(/[{}]/g, '')) || !PLAIN_WITH_GROUPS.test(value)) return undefined;
  const text = value.replace(/[{}]/g, '');
  if (name === 'keywords') {
    if (text !== value) return undefined;
    const keywords = text.split(/\s*[,;]\s*/).map((keyword) => keyword.trim()).filter((keyword) => keyword !== '');
    return [...new Set(keywords)].sort((left, right) => left.toLowerCase().localeCompare(right.toLowerCase()));
  }
  if (!PLAIN_TEXT_FIELDS.has(name)) return undefined;
  // Only rich text (the abstract) keeps paragraph breaks; the library turns them into a space elsewhere.
  if (name !== 'abstract' && /\n\s*\n/.test(text)) return undefined;
  return text.trim();
}

/** One `name = value` of an entry, as offsets into the entry text. */
interface ScannedField {
  name: string;
  /** Offset where the field starts (just after the previous comma) and ends (just after its own comma, if any). */
  start: number;
  end: number;
  /** The text between the braces for a `{…}` value; undefined for quoted, bare or `#`-joined values. */
  bracedValue: string | undefined;
  /** The word of a bare value (`month = jun`), lower case; undefined otherwise. */
  bareValue: string | undefined;
}

/** Index just past the `}` matching the `{` at `open`, or -1. Backslash escapes skip a character, as in `chunkBibtex`. */
function skipBraces(text: string, open: number): number {
  let depth = 0;
  for (let offset = open; offset < text.length; offset += 1) {
    const char = text[offset];
    if (char === '\\') offset += 1;
    else if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) return offset + 1;
    }
  }
  return -1;
}

/**
 * The fields of one `@type{key, name = value, …}` entry, or undefined when the entry is not in the plain shape
 * this scanner knows (the library then reads it whole and reports what is wrong).
 */
function scanEntryFields(entryText: string): ScannedField[] | undefined {
  const head = /^[ \t]*@[ \t]*[A-Za-z]+[ \t]*\{[^,{}()\s]*[ \t]*,/.exec(entryText);
  if (head === null) return undefined;
  const fields: ScannedField[] = [];
  const close = entryText.length - 1;
  if (entryText[close] !== '}') return undefined;
  let offset = head[0].length;
  const nameAt = /\s*([A-Za-z][\w:+-]*)\s*=\s*/y;
  const separator = /\s*(,|(?=\}$))/y;
  while (true) {
    const rest = /\s*/y;
    rest.lastIndex = offset;
    rest.exec(entryText);
    if (rest.lastIndex >= close) return fields;
    nameAt.lastIndex = offset;
    const name = nameAt.exec(entryText);
    if (name === null) return undefined;
    const start = offset;
    let valueStart = nameAt.lastIndex;
    let bracedValue: string | undefined;
    let bareValue: string | undefined;
    let parts = 0;
    // A value is one or more parts joined by `#`: {braced}, "quoted", a number or a macro name.
    while (true) {
      const char = entryText[valueStart];
      let valueEnd: number;
      if (char === '{') {
        valueEnd = skipBraces(entryText, valueStart);
        if (valueEnd === -1) return undefined;
        bracedValue = entryText.slice(valueStart + 1, valueEnd - 1);
      } else if (char === '"') {
        const quoted = /"(?:[^"{}\\]|\\.|\{[^{}]*\})*"/y;
        quoted.lastIndex = valueStart;
        if (quoted.exec(entryText) === null) return undefined;
        valueEnd = quoted.lastIndex;
        bracedValue = undefined;
        bareValue = undefined;
      } else {
        const bare = /[\w.:+-]+/y;
        bare.lastIndex = valueStart;
        const word = bare.exec(entryText);
        if (word === null) return undefined;
        valueEnd = bare.lastIndex;
        bracedValue = undefined;
        bareValue = word[0].toLowerCase();
      }
      parts += 1;
      const join = /\s*#\s*/y;
      join.lastIndex = valueEnd;
      if (join.exec(entryText) === null) {
        separator.lastIndex = valueEnd;
        if (separator.exec(entryText) === null) return undefined;
        offset = separator.lastIndex;
        fields.push({ name: (name[1] ?? '').toLowerCase(), start, end: offset, bracedValue: parts === 1 ? bracedValue : undefined, bareValue: parts === 1 ? bareValue : undefined });
        break;
      }
      valueStart = join.lastIndex;
    }
  }
}

/**
 * The entry without the fields the library need not see: unread fields are cut, plain `{…}` text fields are
 * returned in `plainFields` (as the library would give them) and cut too. Undefined when the entry cannot be
 * scanned or names a field twice, so the library reads it whole. `strings` are the `@string` macros so far (a
 * macro named like a month is not a month).
 * @example setAsidePlainFields('@article{k,\n  title = {{Graph} Nets},\n  file = {a.pdf},\n  author = {M{\\"u}ller, A.}\n}', {})
 * // => { entryText: '@article{k,\n  author = {M{\\"u}ller, A.}\n}', plainFields: { title: 'Graph Nets' } }
 */
export function setAsidePlainFields(
  entryText: string,
  strings: Readonly<Record<string, string>>,
): { entryText: string; plainFields: Record<string, string | string[]> } | undefined {
  const fields = scanEntryFields(entryText);
  if (fields === undefined) return undefined;
  const names = fields.map((field) => field.name);
  // The library merges `keywords+duplicate-1` into `keywords`; such entries go to it whole.
  if (new Set(names).size !== names.length || names.some((name) => name.startsWith('keywords') && name !== 'keywords')) return undefined;
  const plainFields: Record<string, string | string[]> = {};
  let cursor = 0;
  let text = '';
  for (const field of fields) {
    const monthNumber = field.name === 'month' && field.bareValue !== undefined && !Object.keys(strings).some((macro) => macro.toLowerCase() === field.bareValue) ? MONTH_MACROS.indexOf(field.bareValue) + 1 : 0;
    const plainValue =
      monthNumber > 0 ? String(monthNumber) : field.bracedValue === undefined ? undefined : plainFieldValue(field.name, field.bracedValue);
    if (READ_FIELDS.has(field.name) && plainValue === undefined) continue;
    if (plainValue !== undefined && plainValue.length > 0) plainFields[field.name] = plainValue;
    text += entryText.slice(cursor, field.start);
    cursor = field.end;
  }
  text += entryText.slice(cursor);
  return { entryText: text, plainFields };
}
