/**
 * Shared reading of record-per-element XML (arXiv Atom `<entry>`, OAI-PMH `<record>`): each record
 * element is cut out and parsed on its own, so one broken or truncated record costs only itself
 * and every record gets the file line it starts on.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { SourceProblem } from './format.ts';
import { lineLocator } from './record-fields.ts';

/** One record element as found in the text. */
export interface XmlRecordSlice {
  /** 1-based file line of the opening tag. */
  line: number;
  /** The parsed element (namespace prefixes removed, attributes as `@_name`), or why it could not be parsed. */
  element: Record<string, unknown> | { error: string };
}

/** Elements that may repeat in the record formats we read; always parsed as arrays. */
const REPEATED_ELEMENTS = new Set(['entry', 'author', 'category', 'link', 'record', 'creator', 'subject', 'description', 'identifier']);

// Entities: `&#233;` and friends are decoded; values stay strings (`1601.00001` must not become a number).
const recordParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  trimValues: false,
  isArray: (name) => REPEATED_ELEMENTS.has(name),
});

/**
 * Why a whole document is not well-formed, with the file line of the failure; undefined when it is.
 * Unclosed elements at the end (a truncated download) are reported at the last line.
 * @example documentProblem('<feed>\n<entry>\n<title>Cut') // => { line: 3, severity: 'error', message: 'XML ends before <feed>, <entry>, <title> are closed (truncated file?)' }
 */
export function documentProblem(text: string): SourceProblem | undefined {
  const result = XMLValidator.validate(text);
  if (result === true) return undefined;
  const { msg, line } = result.err;
  const unclosed = /^Invalid '\[(.*)\]' found\.$/s.exec(msg);
  if (unclosed?.[1] !== undefined) {
    const names = unclosed[1]
      .split(',')
      .map((name) => name.trim().replace(/^"|"$/g, ''))
      .filter((name) => name !== '');
    // trimEnd, not `/\s+$/`: the regex retries at every space of every run and took minutes on 1 MB of spaces.
    const lastLine = lineLocator(text)(text.trimEnd().length);
    return {
      line: lastLine,
      severity: 'error',
      message: `XML ends before ${names.map((name) => `<${name}>`).join(', ')} are closed (truncated file?)`,
    };
  }
  return { line, severity: 'error', message: `XML is not well-formed: ${msg}` };
}

/**
 * The text with every comment, CDATA section, processing instruction and DOCTYPE blanked out (each character but
 * line breaks becomes a space, so offsets and lines stay put). Record tags are searched in this text: an `<entry>`
 * the source commented out, or wrapped in CDATA as text, is not a record. An unclosed one blanks the rest of the file.
 * @example maskNonMarkup('<a><!-- <entry> -->\n</a>') // => '<a>                \n</a>'
 */
export function maskNonMarkup(text: string): string {
  const blank = (part: string): string => part.replace(/[^\n]/g, ' ');
  let masked = '';
  let from = 0;
  for (let open = text.indexOf('<', from); open !== -1; open = text.indexOf('<', from)) {
    const closer = text.startsWith('<!--', open)
      ? '-->'
      : text.startsWith('<![CDATA[', open)
        ? ']]>'
        : text.startsWith('<?', open)
          ? '?>'
          : text.startsWith('<!DOCTYPE', open) || text.startsWith('<!doctype', open)
            ? '>'
            : undefined;
    if (closer === undefined) {
      masked += text.slice(from, open + 1);
      from = open + 1;
      continue;
    }
    // A DOCTYPE's internal subset (`[ <!ENTITY …> ]`) ends at `]>`.
    const subset = closer === '>' ? text.indexOf('[', open) : -1;
    const subsetEnd = subset !== -1 && subset < (text.indexOf('>', open) === -1 ? text.length : text.indexOf('>', open)) ? text.indexOf(']>', subset) : -1;
    const end = subsetEnd !== -1 ? subsetEnd + 2 : text.indexOf(closer, open + 2);
    const stop = end === -1 ? text.length : subsetEnd !== -1 ? end : end + closer.length;
    masked += text.slice(from, open) + blank(text.slice(open, stop));
    from = stop;
  }
  return masked + text.slice(from);
}

/**
 * Every `<name>` element in the text (with or without a namespace prefix), each parsed on its own. Elements inside
 * comments and CDATA are not records (`maskNonMarkup`). An element whose closing tag never comes, or whose content
 * is not well-formed, has an `error`. One pass over the opening and closing tags: linear in the text.
 * @example sliceXmlRecords('<feed>\n<entry><id>1</id></entry>\n<entry><id>2', 'entry')
 * // => [{ line: 2, element: { id: '1' } }, { line: 3, element: { error: 'file ends inside this <entry> (no closing tag)' } }]
 */
export function sliceXmlRecords(text: string, name: string): XmlRecordSlice[] {
  const lineOf = lineLocator(text);
  const masked = maskNonMarkup(text);
  // `[^<>]*`, never `[^>]*`: an unclosed `<entry ` must not send every later attempt to the end of the file.
  const tag = new RegExp(`<(/?)(?:[\\w.-]+:)?${name}(?=[\\s/>])[^<>]*>|<(?:[\\w.-]+:)?${name}(?=[\\s/])`, 'g');
  const slices: XmlRecordSlice[] = [];
  let openTag: { index: number; end: number } | undefined;
  for (let match = tag.exec(masked); match !== null; match = tag.exec(masked)) {
    const isClosing = match[1] === '/';
    const isComplete = match[0].endsWith('>');
    if (isClosing) {
      if (openTag !== undefined) {
        const line = lineOf(openTag.index);
        slices.push({ line, element: parseElement(text.slice(openTag.index, match.index + match[0].length), name, line) });
        openTag = undefined;
      }
      continue;
    }
    if (openTag !== undefined) {
      slices.push({ line: lineOf(openTag.index), element: { error: `another <${name}> starts (line ${lineOf(match.index)}) before the end of this <${name}> (no closing tag)` } });
      openTag = undefined;
    }
    if (!isComplete) {
      slices.push({ line: lineOf(match.index), element: { error: `the <${name}> tag is never closed with '>'` } });
    } else if (match[0].endsWith('/>')) {
      const line = lineOf(match.index);
      slices.push({ line, element: parseElement(match[0], name, line) });
    } else {
      openTag = { index: match.index, end: match.index + match[0].length };
    }
  }
  if (openTag !== undefined) slices.push({ line: lineOf(openTag.index), element: { error: `file ends inside this <${name}> (no closing tag)` } });
  return slices;
}

/** Parse one cut-out element; errors carry the file line, not the line inside the slice. */
function parseElement(source: string, name: string, firstLine: number): Record<string, unknown> | { error: string } {
  const valid = XMLValidator.validate(source);
  if (valid !== true) return { error: `line ${firstLine + valid.err.line - 1}: ${valid.err.msg}` };
  const parsed: unknown = recordParser.parse(source);
  const element = parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>)[name] : undefined;
  const first = Array.isArray(element) ? element[0] : element;
  if (first !== null && typeof first === 'object') return first as Record<string, unknown>;
  return {};
}

/**
 * The text of an element value: plain strings, `#text` of elements that also carry attributes; '' otherwise.
 * @example xmlText({ '#text': 'Hi', '@_lang': 'en' }) // => 'Hi'
 */
export function xmlText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return xmlText(value[0]);
  if (value !== null && typeof value === 'object' && '#text' in value) return xmlText((value as Record<string, unknown>)['#text']);
  return '';
}

/**
 * The value as an array of element objects (absent → [], single → [it]).
 * @example xmlList({ name: 'A' }) // => [{ name: 'A' }]
 */
export function xmlList(value: unknown): Record<string, unknown>[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object');
}

/**
 * arXiv abstract text with its paragraph breaks made explicit: arXiv starts each paragraph on a
 * line indented by spaces, so an indented line becomes a blank-line paragraph break.
 * @example arxivParagraphs('  First line\nwraps.\n  Second paragraph.\n') // => 'First line\nwraps.\n\nSecond paragraph.'
 */
export function arxivParagraphs(text: string): string {
  return text.trim().replace(/\r?\n[ \t]+(?=\S)/g, '\n\n');
}
