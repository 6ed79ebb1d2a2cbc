import type { Paper } from './engine.ts';

export const KNOWN_ITEMS = 60;

// Known-item queries: two rare title words of a paper, typed exactly, with a typo, or with the last word half-typed.

export interface KnownItem {
  /** Position of the intended paper in the corpus. */
  key: string;
  exact: string;
  typo: string;
  prefix: string;
  /** The rarer word alone, exact and misspelled: the typo must be forgiven, no other word can rescue it. */
  single: string;
  singleTypo: string;
}

export const TITLE_WORD = /^[a-z]{6,}$/;

/** One deterministic typo in the middle of `word`: a dropped, swapped or replaced letter (by `kind`). */
export function misspell(word: string, kind: number): string {
  const mid = Math.floor(word.length / 2);
  if (kind === 0) return word.slice(0, mid) + word.slice(mid + 1);
  if (kind === 1) return word.slice(0, mid - 1) + word[mid] + word[mid - 1] + word.slice(mid + 1);
  const replaced = word[mid] === 'z' ? 'a' : String.fromCharCode(word.charCodeAt(mid) + 1);
  return word.slice(0, mid) + replaced + word.slice(mid + 1);
}

/**
 * Evenly spaced papers whose titles have two words of 6+ letters; the two such words found in the fewest titles
 * (ties by spelling), in title order, make the query. The typo goes into the longer word.
 */
export function knownItems(papers: Paper[]): KnownItem[] {
  const wordsOf = papers.map((paper) => [...new Set(paper.title.toLowerCase().split(/[^a-z]+/).filter((word) => TITLE_WORD.test(word)))]);
  const titleFrequency = new Map<string, number>();
  for (const words of wordsOf) for (const word of words) titleFrequency.set(word, (titleFrequency.get(word) ?? 0) + 1);
  const items: KnownItem[] = [];
  const step = Math.floor(papers.length / KNOWN_ITEMS);
  for (let position = 0; items.length < KNOWN_ITEMS && position < papers.length; position += step) {
    let candidate = position;
    while (candidate < papers.length && (wordsOf[candidate]?.length ?? 0) < 2) candidate += 1;
    const words = wordsOf[candidate];
    if (!words) break;
    const rare = [...words]
      .sort((a, b) => (titleFrequency.get(a) ?? 0) - (titleFrequency.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, 2)
      .sort((a, b) => words.indexOf(a) - words.indexOf(b));
    const [first, second] = rare as [string, string];
    const rarest = rare.find((word) => (titleFrequency.get(word) ?? 0) === Math.min(...rare.map((w) => titleFrequency.get(w) ?? 0))) as string;
    const kind = items.length % 3;
    const typo = first.length > second.length ? `${misspell(first, kind)} ${second}` : `${first} ${misspell(second, kind)}`;
    items.push({
      key: String(candidate),
      exact: `${first} ${second}`,
      typo,
      prefix: `${first} ${second.slice(0, Math.ceil(second.length / 2))}`,
      single: rarest,
      singleTypo: misspell(rarest, kind),
    });
  }
  return items;
}

