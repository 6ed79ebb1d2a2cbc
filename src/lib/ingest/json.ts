/**
 * JSON and JSON Lines paper lists. Each record is an object; its keys are matched case-insensitively
 * against the same names as CSV columns (`title`, `abstract`/`summary`, `authors`/`author`, `date`/`year`,
 * `url`/`site`, `id`, `arxiv_id`, `doi`, `venue`, `categories`/`labels`/`keywords`, `tags`). Known shapes:
 *
 * - a plain array of records, or an object holding one under `papers`, `notes`, `data`, `results`, `items`, `records` or `entries`;
 * - Hugging Face papers (`/api/daily_papers`, `/api/papers/…`): `{ paper: { id, title, summary, authors: [{ name }], publishedAt } }` or the flat paper;
 * - OpenReview notes, API v2 (`content.title.value`) and v1 (`content.title`), with `forum`/`id` and `pdate`/`cdate` (epoch ms);
 * - papercopilot paper lists: `{ id, title, abstract, author: "A;B", keywords: "x;y", status, track, site }`
 *   (`status`, e.g. Poster or Reject, becomes a tag).
 *
 * A record may carry `embedding`: an array of numbers or Semantic Scholar's `{ "model": "…", "vector": [...] }`
 * (src/lib/vectors/embedding.ts); a bad one (empty, NaN, a string) is dropped with a warning on the record's line.
 *
 * Records are placed on the line where their object starts.
 */
import type { ParsedRecord, ParseResult, PaperFields, SourceFormat, SourceProblem } from './format.ts';
import { parseEmbedding } from '../vectors/embedding.ts';
import { FIELD_ALIASES, lineLocator, normaliseFieldName, recordToFields, type RecordField } from './record-fields.ts';

/** Keys under which an object wraps its list of records. */
const RECORD_LIST_KEYS = ['papers', 'notes', 'data', 'results', 'items', 'records', 'entries'];

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** True for values that say nothing: undefined, null, '', [] and whitespace-only strings. */
function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** OpenReview v2 wraps every content field as `{ value }`; v1 stores the value itself. */
function openReviewValue(value: unknown): unknown {
  return isObject(value) && 'value' in value ? value['value'] : value;
}

/** The flat record to read fields from: Hugging Face's `paper` and OpenReview's `content` are lifted up. */
function flattenRecord(record: JsonObject): JsonObject {
  const paper = record['paper'];
  if (isObject(paper)) return { ...record, ...paper };
  const content = record['content'];
  if (isObject(content)) {
    const flat: JsonObject = {};
    for (const [key, value] of Object.entries(content)) flat[key] = openReviewValue(value);
    const forum = typeof record['forum'] === 'string' ? record['forum'] : record['id'];
    return {
      ...flat,
      id: forum,
      date: record['pdate'] ?? record['odate'] ?? record['cdate'] ?? record['tcdate'],
      url: typeof forum === 'string' ? `https://openreview.net/forum?id=${encodeURIComponent(forum)}` : undefined,
    };
  }
  return record;
}

/**
 * Paper fields from one JSON record of any of the known shapes, or why it cannot be used.
 * @example jsonRecordToFields({ paper: { id: '2411.15124', title: 'Tülu 3', summary: 'We…', authors: [{ name: 'Nathan Lambert' }], publishedAt: '2024-11-22T18:44:04.000Z' } })
 * // => { fields: { title: 'Tülu 3', abstract: 'We…', hasAbstract: true, authors: ['Nathan Lambert'], categories: [], tags: [],
 * //      sourceId: '2411.15124', arxivId: '2411.15124', url: 'https://arxiv.org/abs/2411.15124', date: '2024-11-22' } }
 */
export function jsonRecordToFields(record: unknown): { fields: PaperFields } | { rejected: string } {
  if (!isObject(record)) return { rejected: `expected an object, found ${record === null ? 'null' : Array.isArray(record) ? 'an array' : typeof record}` };
  const flat = flattenRecord(record);
  const valueByKey = new Map<string, unknown>();
  for (const [key, value] of Object.entries(flat)) {
    const name = normaliseFieldName(key);
    if (!valueByKey.has(name) || isEmptyValue(valueByKey.get(name))) valueByKey.set(name, value);
  }
  const valueOf = (field: RecordField): unknown => {
    const alias = FIELD_ALIASES[field].find((name) => !isEmptyValue(valueByKey.get(name)));
    if (alias !== undefined) return valueByKey.get(alias);
    // papercopilot and OpenReview venues say whether a paper was accepted and how: Poster, Oral, Reject.
    if (field === 'tags') return valueByKey.get('status');
    return undefined;
  };
  const result = recordToFields(valueOf);
  const embedding = parseEmbedding(valueByKey.get('embedding'));
  if (embedding !== undefined && 'fields' in result) {
    if ('embedding' in embedding) result.fields.embedding = embedding.embedding;
    else result.fields.embeddingProblem = embedding.problem;
  }
  return result;
}

/** Start offset of each element of the root array. The text must be valid JSON. */
function arrayElementOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let expectElement = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? '';
    if (char === ' ' || char === '\n' || char === '\r' || char === '\t') continue;
    if (expectElement && depth === 1 && char !== ']') {
      offsets.push(index);
      expectElement = false;
    }
    if (char === '"') {
      index = skipString(text, index) - 1;
    } else if (char === '[' || char === '{') {
      depth += 1;
      if (depth === 1) expectElement = char === '[';
    } else if (char === ']' || char === '}') {
      if (depth === 1) return offsets;
      depth -= 1;
    } else if (char === ',' && depth === 1) {
      expectElement = true;
    }
  }
  return offsets;
}

/** One member of the root object as written: its key, where the key starts, and where its value starts and ends. */
interface JsonMember {
  key: string;
  keyOffset: number;
  valueStart: number;
  valueEnd: number;
}

/** Offset just past the string starting at `start` (a `"`). */
function skipString(text: string, start: number): number {
  let end = start + 1;
  while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
  return end + 1;
}

/**
 * Every member of the root object in text order, repeats included (`JSON.parse` keeps only the last of two equal
 * keys). The text must be a valid JSON object. One pass.
 */
function topLevelMembers(text: string): JsonMember[] {
  const members: JsonMember[] = [];
  const skipSpace = (from: number): number => {
    let index = from;
    while (index < text.length && /\s/.test(text[index] ?? '')) index += 1;
    return index;
  };
  let index = skipSpace(0) + 1;
  while (index < text.length) {
    index = skipSpace(index);
    if (text[index] !== '"') break;
    const keyOffset = index;
    const keyEnd = skipString(text, index);
    const key = JSON.parse(text.slice(keyOffset, keyEnd)) as string;
    const valueStart = skipSpace(skipSpace(keyEnd) + 1);
    let depth = 0;
    let end = valueStart;
    for (; end < text.length; end += 1) {
      const char = text[end];
      if (char === '"') end = skipString(text, end) - 1;
      else if (char === '[' || char === '{') depth += 1;
      else if (char === ']' || char === '}') {
        if (depth === 0) break;
        depth -= 1;
      } else if (char === ',' && depth === 0) break;
    }
    members.push({ key, keyOffset, valueStart, valueEnd: end });
    index = end + 1;
  }
  return members;
}

/** "Expected ',' … at position 55 (line 3 column 5)" → message and 1-based line/column of the position. */
function syntaxErrorProblem(error: unknown, text: string): SourceProblem {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message)?.[1];
  const offset = position === undefined ? text.length : Number(position);
  const line = lineLocator(text)(offset);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const column = offset - lineStart + 1;
  const reason = message.replace(/\s*in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  return { line, severity: 'error', message: `JSON syntax error at line ${line}, column ${column}: ${reason}` };
}

/** Every line of the text looks like one JSON object: JSON Lines saved as `.json`. */
function looksLikeJsonLines(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.length > 1 && lines.every((line) => line.trimStart().startsWith('{'));
}

/**
 * Read a JSON document holding paper records (see the module comment for the shapes).
 * A syntax error is an error problem with its line and column, and no records.
 * @example parseJson('[\n  {"title": "A", "abstract": "x"},\n  {"title": "B"}\n]').records.map((record) => record.line) // => [2, 3]
 */
export function parseJson(text: string): ParseResult {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    if (looksLikeJsonLines(text)) {
      const result = parseJsonLines(text);
      return { records: result.records, problems: [{ line: 1, severity: 'warning', message: 'file holds JSON Lines (one object per line), read as such' }, ...result.problems] };
    }
    return { records: [], problems: [syntaxErrorProblem(error, text)] };
  }
  const problems: SourceProblem[] = [];
  const lineOf = lineLocator(text);
  // Each list read, with the file offset of each of its elements.
  let lists: { items: unknown[]; offsets: number[] }[];
  if (Array.isArray(root)) {
    lists = [{ items: root, offsets: arrayElementOffsets(text) }];
  } else if (isObject(root)) {
    // JSON.parse keeps only the last of two equal keys; the members are read from the text so none is lost.
    const members = topLevelMembers(text);
    const duplicated = [...new Set(members.map((member) => member.key))].filter((key) => members.filter((member) => member.key === key).length > 1);
    const listKey = RECORD_LIST_KEYS.find((key) => members.some((member) => member.key === key && text[member.valueStart] === '['));
    for (const key of duplicated) {
      const lines = members.filter((member) => member.key === key).map((member) => lineOf(member.keyOffset));
      const fate = key === listKey ? 'the records of every one are read' : 'only the last one counts';
      problems.push({ line: lines[1] ?? 1, severity: 'warning', message: `key ${JSON.stringify(key.slice(0, 60))} appears ${lines.length} times (lines ${lines.join(', ')}): ${fate}` });
    }
    if (listKey !== undefined) {
      lists = members
        .filter((member) => member.key === listKey && text[member.valueStart] === '[')
        .map((member) => {
          const valueText = text.slice(member.valueStart, member.valueEnd);
          return { items: JSON.parse(valueText) as unknown[], offsets: arrayElementOffsets(valueText).map((offset) => offset + member.valueStart) };
        });
    } else if (['title', 'content', 'paper'].some((key) => key in root)) {
      lists = [{ items: [root], offsets: [text.search(/\S/)] }];
    } else {
      return { records: [], problems: [...problems, { line: 1, severity: 'error', message: `no paper records: expected an array, or an object with one of ${RECORD_LIST_KEYS.join(', ')} (found keys: ${Object.keys(root).join(', ')})` }] };
    }
  } else {
    return { records: [], problems: [{ line: 1, severity: 'error', message: `no paper records: the JSON document is a ${root === null ? 'null' : typeof root}` }] };
  }
  const records: ParsedRecord[] = lists.flatMap(({ items, offsets }) =>
    items.map((item, index): ParsedRecord => {
      const line = lineOf(offsets[index] ?? 0);
      const result = jsonRecordToFields(item);
      return 'fields' in result ? { line, fields: result.fields } : { line, rejected: result.rejected };
    }),
  );
  if (records.length === 0) problems.push({ line: 1, severity: 'warning', message: 'the record list is empty' });
  return { records, problems };
}

/**
 * One line of a JSON Lines file as a record: undefined for a blank line, a rejection (with its column) for a line
 * that is not valid JSON or not a paper object. A trailing `\r` (CRLF files) is ignored. Streaming readers call
 * this line by line; `parseJsonLines` calls it for every line of a whole text.
 * @example parseJsonLine('{"title": "A", "abstract": "x"}', 7) // => { line: 7, fields: { title: 'A', abstract: 'x', … } }
 * @example parseJsonLine('{"title": ', 2) // => { line: 2, rejected: 'JSON syntax error at column 11: Unexpected end of JSON input' }
 */
export function parseJsonLine(rawLine: string, line: number): ParsedRecord | undefined {
  const lineText = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
  if (lineText.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(lineText);
  } catch (error) {
    const { message } = syntaxErrorProblem(error, lineText);
    return { line, rejected: message.replace(/at line 1, column/, 'at column') };
  }
  const result = jsonRecordToFields(value);
  return 'fields' in result ? { line, fields: result.fields } : { line, rejected: result.rejected };
}

/**
 * Read JSON Lines: one record per non-blank line. A line that is not valid JSON is rejected with its
 * column, and the other lines still come through.
 * @example parseJsonLines('{"title": "A"}\n{"title": \n\n{"title": "C"}\n').records.map((record) => record.line) // => [1, 2, 4]
 */
export function parseJsonLines(text: string): ParseResult {
  const records: ParsedRecord[] = [];
  const lines = text.split('\n');
  lines.forEach((rawLine, index) => {
    const record = parseJsonLine(rawLine, index + 1);
    if (record !== undefined) records.push(record);
  });
  const problems: SourceProblem[] = records.length === 0 ? [{ line: 1, severity: 'warning', message: 'no JSON Lines records: the file is empty' }] : [];
  return { records, problems };
}

/** JSON: an array (or wrapped array) of paper records. */
export const jsonFormat: SourceFormat = {
  id: 'json',
  extensions: ['.json'],
  detect: (text) => /^\s*[[{]/.test(text),
  parse: (text) => parseJson(text),
};

/** JSON Lines: one paper record per line. */
export const jsonLinesFormat: SourceFormat = {
  id: 'jsonl',
  extensions: ['.jsonl', '.ndjson'],
  detect: (text) => looksLikeJsonLines(text.slice(0, 20000).replace(/\n[^\n]*$/, '')),
  parse: (text) => parseJsonLines(text),
  parseLine: parseJsonLine,
};
