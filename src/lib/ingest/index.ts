import type { SourceFormat } from './format.ts';
import { arxivAtomFormat } from './arxiv-atom.ts';
import { arxivOaiFormat } from './arxiv-oai.ts';
import { bibtexFormat } from './bibtex.ts';
import { csvFormat, tsvFormat } from './csv.ts';
import { jsonFormat, jsonLinesFormat } from './json.ts';
import { markdownFormat } from './markdown.ts';
import { trendingFormat } from './trending.ts';

/**
 * Every input format. To add one: import its `SourceFormat` above and add it to this list.
 * When several formats claim an extension, their `detect` is tried in this order.
 */
export const SOURCE_FORMATS: readonly SourceFormat[] = [
  trendingFormat,
  markdownFormat,
  arxivAtomFormat,
  arxivOaiFormat,
  bibtexFormat,
  csvFormat,
  tsvFormat,
  jsonFormat,
  jsonLinesFormat,
];

/** Which format reads a file, or why the file is skipped. */
export type FormatChoice = { format: SourceFormat } | { skipped: string };

/**
 * The lower-case extension of a path's file name, with the dot; `''` when there is none.
 * @example extensionOf('papers/2024/Notes.TXT') // => '.txt'
 * @example extensionOf('Makefile') // => ''
 */
export function extensionOf(path: string): string {
  const fileName = path.slice(path.lastIndexOf('/') + 1);
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? '' : fileName.slice(dot).toLowerCase();
}

/**
 * The formats that claim a path's extension, in registry order; empty when the file type is unsupported.
 * @example formatsForPath('a.md').map((format) => format.id) // => ['markdown']
 */
export function formatsForPath(path: string, formats: readonly SourceFormat[] = SOURCE_FORMATS): SourceFormat[] {
  const extension = extensionOf(path);
  return formats.filter((format) => format.extensions.includes(extension));
}

/**
 * Pick the format for a file: the only format claiming its extension, or, when several do, the first whose
 * `detect` accepts the text. Returns `{ skipped: reason }` when no format claims the extension or none recognises it.
 * @example pickSourceFormat('trending-papers.txt', 'Title\nWe show things. It works.').format.id // => 'trending'
 * @example pickSourceFormat('cover.png', '') // => { skipped: 'unsupported file type, skipped' }
 */
export function pickSourceFormat(path: string, text: string, formats: readonly SourceFormat[] = SOURCE_FORMATS): FormatChoice {
  const claiming = formatsForPath(path, formats);
  const [only] = claiming;
  if (only === undefined) return { skipped: 'unsupported file type, skipped' };
  if (claiming.length === 1) return { format: only };
  const detected = claiming.find((format) => format.detect(text, path));
  if (detected !== undefined) return { format: detected };
  const tried = claiming.map((format) => format.id).join(', ');
  return { skipped: `content not recognised as any ${extensionOf(path)} format (tried ${tried}), skipped` };
}
