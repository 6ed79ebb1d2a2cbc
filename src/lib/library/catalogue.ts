/**
 * The atlas's papers as the library page needs them to import, share and mark "not in this atlas": one row per
 * paper, `[slug, title, authors, date, venue, doi, arxivId, url, topicSlug, topicLabel]`, empty strings for
 * missing fields. Published as /library/papers.deflate (`encodeCatalogue`: each topic written once, an arXiv URL
 * not repeated) and fetched only by /library/, which reads it back with `decodeCatalogue`.
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

/** A catalogue row as published: `[slug, title, authors, date, venue, doi, arxivId, url, topic]`, `url` 1 for the arXiv page of `arxivId`, `topic` an index into `topics` or -1. */
type PublishedRow = [string, string, string[], string, string, string, string, string | 1, number];

/** /library/papers.deflate: the topics once each (`[slug, label]`) and the rows. */
interface PublishedCatalogue {
  version: 2;
  topics: [string, string][];
  papers: PublishedRow[];
}

/**
 * The catalogue as /library/papers.deflate publishes it: each topic's slug and label once, in `topics`, and each row's
 * topic as its index there; a URL that is the arXiv page of the row's arXiv id written as 1. A row was 275 bytes at
 * 10,000 arXiv papers, two thirds of it the topic (twice) and the arXiv URL. Same rows, same bytes.
 * @example encodeCatalogue([['a-1', 'A', [], '', '', '', '1305.5120', 'https://arxiv.org/abs/1305.5120', 'graphs', 'graphs']])
 * // => '{"version":2,"topics":[["graphs","graphs"]],"papers":[["a-1","A",[],"","","","1305.5120",1,0]]}'
 */
export function encodeCatalogue(rows: readonly CatalogueRow[]): string {
  const topics: [string, string][] = [];
  const topicIndex = new Map<string, number>();
  const papers = rows.map(([slug, title, authors, date, venue, doi, arxivId, url, topicSlug, topicLabel]): PublishedRow => {
    let topic = -1;
    if (topicSlug !== '') {
      topic = topicIndex.get(topicSlug) ?? topics.push([topicSlug, topicLabel]) - 1;
      topicIndex.set(topicSlug, topic);
    }
    return [slug, title, authors, date, venue, doi, arxivId, arxivId !== '' && url === arxivAbsUrl(arxivId) ? 1 : url, topic];
  });
  const catalogue: PublishedCatalogue = { version: 2, topics, papers };
  return JSON.stringify(catalogue);
}

/**
 * The rows of a published /library/papers.deflate (`encodeCatalogue`); an error for anything else.
 * @example decodeCatalogue({ version: 2, topics: [['graphs', 'graphs']], papers: [['a-1', 'A', [], '', '', '', '1305.5120', 1, 0]] })
 * // => [['a-1', 'A', [], '', '', '', '1305.5120', 'https://arxiv.org/abs/1305.5120', 'graphs', 'graphs']]
 */
export function decodeCatalogue(value: unknown): CatalogueRow[] {
  const catalogue = value as Partial<PublishedCatalogue> | null;
  if (catalogue?.version !== 2 || !Array.isArray(catalogue.topics) || !Array.isArray(catalogue.papers)) throw new Error('papers list: expected version 2 with topics and papers');
  const topics = catalogue.topics;
  return catalogue.papers.map(([slug, title, authors, date, venue, doi, arxivId, url, topic]) => {
    const [topicSlug, topicLabel] = topics[topic] ?? ['', ''];
    return [slug, title, authors, date, venue, doi, arxivId, url === 1 ? arxivAbsUrl(arxivId) : url, topicSlug, topicLabel];
  });
}

function arxivAbsUrl(arxivId: string): string {
  return `https://arxiv.org/abs/${arxivId}`;
}
