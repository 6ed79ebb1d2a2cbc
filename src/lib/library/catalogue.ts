/**
 * The atlas's papers as the library page needs them to import, share and mark "not in this atlas": one row per
 * paper, `[slug, title, authors, date, venue, doi, arxivId, url, topicSlug, topicLabel]`, empty strings for
 * missing fields. Published as /library/papers.json and fetched only by /library/.
 */
import type { CataloguePaper } from './match.ts';
import type { PaperSnapshot } from './store.ts';

export type CatalogueRow = [string, string, string[], string, string, string, string, string, string, string];

/**
 * One catalogue row of a paper.
 * @example catalogueRow('a-1', { title: 'A', authors: ['Ada'] }) // => ['a-1', 'A', ['Ada'], '', '', '', '', '', '', '']
 */
export function catalogueRow(slug: string, paper: PaperSnapshot): CatalogueRow {
  return [slug, paper.title, paper.authors, paper.date ?? '', paper.venue ?? '', paper.doi ?? '', paper.arxivId ?? '', paper.url ?? '', paper.topic?.slug ?? '', paper.topic?.label ?? ''];
}

/**
 * A row back as the matcher's paper and the library's snapshot.
 * @example rowToSnapshot(['a-1', 'A', ['Ada'], '2024', '', '', '', '', '', '']) // => { title: 'A', authors: ['Ada'], date: '2024' }
 */
export function rowToSnapshot(row: CatalogueRow): PaperSnapshot {
  const [, title, authors, date, venue, doi, arxivId, url, topicSlug, topicLabel] = row;
  const snapshot: PaperSnapshot = { title, authors };
  if (date) snapshot.date = date;
  if (venue) snapshot.venue = venue;
  if (doi) snapshot.doi = doi;
  if (arxivId) snapshot.arxivId = arxivId;
  if (url) snapshot.url = url;
  if (topicSlug) snapshot.topic = { slug: topicSlug, label: topicLabel };
  return snapshot;
}

/**
 * The matcher's view of a row.
 * @example rowToCataloguePaper(['a-1', 'A', [], '', '', '10.1/x', '', '', '', '']) // => { slug: 'a-1', title: 'A', doi: '10.1/x' }
 */
export function rowToCataloguePaper(row: CatalogueRow): CataloguePaper {
  const paper: CataloguePaper = { slug: row[0], title: row[1] };
  if (row[5]) paper.doi = row[5];
  if (row[6]) paper.arxivId = row[6];
  return paper;
}
