import type { SluggedPaper } from '../ingest/paper.ts';

/** What one row of a papers list shows. */
export interface PaperListItem {
  slug: string;
  title: string;
  teaser: string;
  authors: string;
  year: string;
  order: number;
  /** Folded, lower-case text the list's filter box matches against. */
  filterText: string;
}

// Long enough to tell papers apart in a list, short enough that 1,000 rows stay a light page.
const TEASER_CHARS = 220;

/**
 * Fold text for matching: lower-case, diacritics removed, whitespace collapsed.
 * @example foldForMatch('TÜLU  3') // => 'tulu 3'
 */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Cut text at a word boundary near `maxChars`, adding an ellipsis when cut.
 * @example truncateAtWord('Graph neural networks for molecules', 20) // => 'Graph neural…'
 */
export function truncateAtWord(text: string, maxChars: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxChars) return clean;
  const cut = clean.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars * 0.4 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/**
 * The rows of a papers list, in the papers' order.
 * @example toPaperListItems([paper])[0].teaser // => 'Despite rapid progress in building conversational AI agents…'
 */
export function toPaperListItems(papers: readonly SluggedPaper[]): PaperListItem[] {
  return papers.map((paper) => {
    const authors = paper.authors.length > 3 ? `${paper.authors.slice(0, 3).join(', ')} et al.` : paper.authors.join(', ');
    return {
      slug: paper.slug,
      title: paper.title,
      teaser: truncateAtWord(paper.abstract, TEASER_CHARS),
      authors,
      year: paper.date?.slice(0, 4) ?? '',
      order: paper.order,
      filterText: foldForMatch(`${paper.title} ${paper.authors.join(' ')} ${paper.abstract.slice(0, 400)}`),
    };
  });
}
