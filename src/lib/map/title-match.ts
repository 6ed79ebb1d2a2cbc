import { foldText } from '../text/fold.ts';

/** What the title matcher needs of a paper. */
export interface MatchablePaper {
  title: string;
  topic: number;
}

/** What the title matcher needs of a topic. */
export interface MatchableTopic {
  id: number;
  label: string;
  keywords: readonly string[];
}

/** Finds papers for a query; returns indices into the paper list in ascending order, or null for an empty query. */
export type PaperMatcher = (query: string) => number[] | null;

/**
 * Lower-case, strip accents and TeX/punctuation noise, and split into words, so "Schrödinger's $\ell_1$" and
 * "schrodinger l1" meet.
 * @example normalizeWords('Schrödinger\'s $\\ell_1$-Norm') // => ['schrodinger', 's', 'ell', '1', 'norm']
 */
export function normalizeWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/**
 * A matcher over titles and topic keywords: a paper matches when every query word starts some word of its title or
 * of its topic's label and keywords ("neur net" finds "Neural Networks"). Used by the map's search box until a
 * full-text index is available; any function with the same signature can replace it.
 * @example createTitleMatcher([{ title: 'Deep Neural Networks', topic: 0 }, { title: 'Graph Cuts', topic: 1 }], [{ id: 0, label: 'learning', keywords: [] }, { id: 1, label: 'vision', keywords: ['segmentation'] }])('neur') // => [0]
 */
export function createTitleMatcher(
  papers: readonly MatchablePaper[],
  topics: readonly MatchableTopic[],
): PaperMatcher {
  const topicWords = new Map(topics.map((topic) => [topic.id, normalizeWords(`${topic.label} ${topic.keywords.join(' ')}`)]));
  const titleWords = papers.map((paper) => normalizeWords(paper.title));
  return (query: string) => {
    const queryWords = normalizeWords(query);
    if (queryWords.length === 0) return null;
    const matches: number[] = [];
    for (let index = 0; index < papers.length; index++) {
      const words = titleWords[index] as string[];
      const topicOf = topicWords.get((papers[index] as MatchablePaper).topic) ?? [];
      const isMatch = queryWords.every(
        (queryWord) =>
          words.some((word) => word.startsWith(queryWord)) || topicOf.some((word) => word.startsWith(queryWord)),
      );
      if (isMatch) matches.push(index);
    }
    return matches;
  };
}
