import { foldText } from '../text/fold.ts';
import type { Paper } from './paper.ts';
import { mergeAuthorLists } from './author-names.ts';

/**
 * Duplicate detection and merging. Two records are the same paper when they share an arXiv id (ignoring the
 * version), a DOI (ignoring case), or their normalised title AND abstract.
 */

/** One way a paper can be recognised again, and the words the report uses for it. */
export interface DuplicateKey {
  key: string;
  reason: string;
}

/**
 * Folded (see lib/text), letters and digits only, single spaces: `Deep  Nets!`, `deep nets` and `Déep Nets` compare
 * equal, as do "José García" and "Jose Garcia".
 */
function normaliseForMatch(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The keys under which a paper counts as a duplicate, strongest first.
 * @example duplicateKeysOf({ title: 'X', abstract: 'Y', arxivId: '2411.15124v2' })[0]
 * // => { key: 'arxiv:2411.15124', reason: 'same arXiv id 2411.15124' }
 */
export function duplicateKeysOf(paper: Pick<Paper, 'title' | 'abstract' | 'arxivId' | 'doi'>): DuplicateKey[] {
  const keys: DuplicateKey[] = [];
  if (paper.arxivId) {
    const arxivId = paper.arxivId.toLowerCase().replace(/v\d+$/, '');
    keys.push({ key: `arxiv:${arxivId}`, reason: `same arXiv id ${arxivId}` });
  }
  if (paper.doi) {
    const doi = paper.doi.toLowerCase();
    keys.push({ key: `doi:${doi}`, reason: `same DOI ${doi}` });
  }
  keys.push({
    key: `text:${normaliseForMatch(paper.title)}\n${normaliseForMatch(paper.abstract)}`,
    reason: 'same title and abstract',
  });
  return keys;
}

/** Items of both lists, first list's order first, without repeats (compared by `keyOf`). */
function union(first: readonly string[], second: readonly string[], keyOf: (item: string) => string): string[] {
  const seen = new Set(first.map(keyOf));
  const merged = [...first];
  for (const item of second) {
    const key = keyOf(item);
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(item);
  }
  return merged;
}

/**
 * Merge a duplicate into the paper kept for it. The kept paper's values win; the duplicate fills what is
 * missing (an abstract, a date, a DOI…), lists are united, and the duplicate's source joins `mergedFrom`.
 * @example mergeDuplicate(kept, duplicate).mergedFrom // => [{ path: 'b.md', line: 1, format: 'markdown' }]
 */
export function mergeDuplicate(kept: Paper, duplicate: Paper): Paper {
  const takeAbstract = !kept.hasAbstract && duplicate.hasAbstract;
  const merged: Paper = {
    ...kept,
    abstract: takeAbstract ? duplicate.abstract : kept.abstract,
    hasAbstract: kept.hasAbstract || duplicate.hasAbstract,
    // "José García" in one source and "Jose Garcia" or "J. Garcia" in another are one author on this paper.
    authors: mergeAuthorLists(kept.authors, duplicate.authors),
    categories: union(kept.categories, duplicate.categories, (category) => category),
    tags: union(kept.tags, duplicate.tags, (tag) => tag.toLowerCase()),
    date: kept.date ?? duplicate.date,
    url: kept.url ?? duplicate.url,
    doi: kept.doi ?? duplicate.doi,
    arxivId: kept.arxivId ?? duplicate.arxivId,
    sourceId: kept.sourceId ?? duplicate.sourceId,
    venue: kept.venue ?? duplicate.venue,
    embedding: kept.embedding ?? duplicate.embedding,
    mergedFrom: [...kept.mergedFrom, duplicate.source, ...duplicate.mergedFrom],
  };
  // Optional fields neither record had stay absent rather than present as `undefined`.
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)) as Paper;
}
