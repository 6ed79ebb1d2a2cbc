import { foldText } from '../text/fold.ts';

/**
 * The author list behind the author filters (`/search-index/authors.json`): every author of the atlas as
 * `[display name, doc-store ids of their papers]`, in A–Z order of family name then given names (the author
 * index's order), so the suggestions read like the authors index. The ids make a picked author an exact filter:
 * all the spellings the author index merged ("A. Slowik", "Agnieszka Słowik"), and no other Gupta. Fetched only
 * when an author field is used.
 */
export type AuthorEntry = [name: string, paperIds: number[]];

/**
 * The authors file's entries from the author index (already in family-name order); `idOfSlug` gives a paper's
 * doc-store id.
 * @example authorEntries([{ name: 'Ada Lovelace', paperSlugs: ['a', 'b'] }], (slug) => (slug === 'a' ? 0 : 1)) // => [['Ada Lovelace', [0, 1]]]
 */
export function authorEntries(authors: readonly { name: string; paperSlugs: readonly string[] }[], idOfSlug: (slug: string) => number | undefined): AuthorEntry[] {
  return authors.map((author) => [author.name, author.paperSlugs.flatMap((slug) => idOfSlug(slug) ?? []).sort((a, b) => a - b)]);
}

/**
 * The entry whose name is `name` (case, diacritics and spacing ignored), if any: a picked suggestion.
 * @example findAuthor([['Agnieszka Słowik', [3]]], 'agnieszka slowik') // => ['Agnieszka Słowik', [3]]
 */
export function findAuthor(entries: readonly AuthorEntry[], name: string): AuthorEntry | undefined {
  const key = foldWords(name).join(' ');
  return key === '' ? undefined : entries.find((entry) => foldWords(entry[0]).join(' ') === key);
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
 * @example suggestAuthors([['Abhinav Gupta', [0, 2, 5]], ['Agnieszka Słowik', [3]], ['Gus Abhin', [1]]], 'abhin', 5) // => [['Gus Abhin', [1]], ['Abhinav Gupta', [0, 2, 5]]]
 * @example suggestAuthors([['Agnieszka Słowik', [3]]], 'slow ag', 5) // => [['Agnieszka Słowik', [3]]]
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
