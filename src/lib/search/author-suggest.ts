import { foldText } from '../text/fold.ts';

/**
 * The author list behind the author filters' typeahead (`/search-index/authors.json`): every author of the atlas
 * as `[display name, paper count]`, in A–Z order of family name then given names (the author index's order), so
 * the suggestions read like the authors index. Fetched only when a reader focuses an author field.
 */
export type AuthorEntry = [name: string, paperCount: number];

/**
 * The authors file's entries from the author index (already in family-name order).
 * @example authorEntries([{ name: 'Ada Lovelace', paperSlugs: ['a', 'b'] }]) // => [['Ada Lovelace', 2]]
 */
export function authorEntries(authors: readonly { name: string; paperSlugs: readonly string[] }[]): AuthorEntry[] {
  return authors.map((author) => [author.name, author.paperSlugs.length]);
}

function foldWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Authors whose name has, for every typed word, a word starting with it (case and diacritics ignored): those whose
 * family name (last word) starts with the first typed word come first, each group in the list's family-name
 * order; at most `max`.
 * @example suggestAuthors([['Abhinav Gupta', 3], ['Agnieszka Słowik', 1], ['Gus Abhin', 1]], 'abhin', 5) // => [['Gus Abhin', 1], ['Abhinav Gupta', 3]]
 * @example suggestAuthors([['Agnieszka Słowik', 1]], 'slow ag', 5) // => [['Agnieszka Słowik', 1]]
 */
export function suggestAuthors(entries: readonly AuthorEntry[], typed: string, max: number): AuthorEntry[] {
  const typedWords = foldWords(typed);
  if (typedWords.length === 0) return [];
  const byFamily: AuthorEntry[] = [];
  const byOtherWord: AuthorEntry[] = [];
  for (const entry of entries) {
    const words = foldWords(entry[0]);
    if (!typedWords.every((typedWord) => words.some((word) => word.startsWith(typedWord)))) continue;
    const family = words[words.length - 1] ?? '';
    if (family.startsWith(typedWords[0]!)) byFamily.push(entry);
    else byOtherWord.push(entry);
    if (byFamily.length >= max) break;
  }
  return [...byFamily, ...byOtherWord].slice(0, max);
}
