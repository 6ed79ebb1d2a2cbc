/**
 * Author names as sources write them, made into names a reader can use: footnote and affiliation marks removed
 * ("Abhinav Gupta*", "Bob Jones†", "Carol White1,2"), "and others" / "et al." dropped, and the spellings of one
 * person recognised (the key that folds accents and case, and initials against full names). Every format's authors
 * pass through cleanAuthorName (limits.ts); the author index (site/authors.ts) and the merging of duplicate records
 * (merge.ts) compare names with authorNameKey and sharesInitials from here, so the two never disagree.
 */
import { foldText } from '../text/fold.ts';

/** Footnote, affiliation and contact marks journals and arXiv listings put after names: never part of a name. */
const MARKS = /[*∗⁎†‡§¶‖✝✉⁰¹²³⁴⁵⁶⁷⁸⁹⁺]/g;
/** TeX superscripts (`Smith$^{1,2}$`, `Smith^a`; the dollars are gone by now), bounded so a run of carets stays linear. */
const TEX_SUPERSCRIPT = /\^(?:\{[^{}^]{0,40}\}|[\w,]{1,10})/g;
/** What a list writes for the authors it leaves out. */
const NOT_A_NAME = /^(?:and\s+)?(?:others|et\.?\s*al\.?|etc\.?|\.{3}|…|anonymous|anon\.?|unknown|n\/?a)$/i;

/** The text without leading and trailing characters of `edge` (a loop, not a regex: `[…]+$` rescans long runs). */
function trimEdges(text: string, edge: (char: string) => boolean): string {
  let start = 0;
  let end = text.length;
  while (start < end && edge(text[start]!)) start++;
  while (end > start && edge(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** Affiliation numbers after the family name (`Carol White1,2`, `Carol White 3`), when a letter or `.` precedes them. */
function withoutTrailingNumbers(name: string): string {
  let end = name.length;
  let digits = 0;
  while (end > 0 && /[\s\d,]/.test(name[end - 1]!)) {
    if (/\d/.test(name[end - 1]!)) digits++;
    end--;
  }
  return digits > 0 && end > 0 && /[\p{L}.]/u.test(name[end - 1]!) ? name.slice(0, end) : name;
}

/**
 * A name without footnote marks, affiliation numbers, e-mail addresses or a leading "and", or `''` when what is left
 * names nobody ("others", "et al.", "Anonymous").
 * @example cleanAuthorName('Abhinav Gupta*') // => 'Abhinav Gupta'
 * @example cleanAuthorName('Carol White1,2') // => 'Carol White'
 * @example cleanAuthorName('and others') // => ''
 */
export function cleanAuthorName(name: string): string {
  const words = name
    .replace(TEX_SUPERSCRIPT, '')
    .replace(MARKS, '')
    .split(/\s+/)
    .filter((word) => word !== '' && !word.includes('@'));
  if (words[0]?.toLowerCase() === 'and' || words[0] === '&') words.shift();
  // `<` and `>` are not trimmed: a name is untrusted text and shown literally, markup included ("Eve <b>Attacker</b>").
  const cleaned = trimEdges(withoutTrailingNumbers(words.join(' ')), (char) => /[\s,;:&]/.test(char));
  if (NOT_A_NAME.test(cleaned) || !/\p{L}/u.test(cleaned)) return '';
  return cleaned;
}

/**
 * The key under which spellings of one name are merged: NFKD with marks removed, lower case, special letters
 * folded (ß → ss, ø → o, ł → l), periods and commas removed, hyphens and runs of spaces as one space.
 * @example authorNameKey('José  García-Núñez') // => 'jose garcia nunez'
 * @example authorNameKey('J.R. Smith') // => 'j r smith'
 */
export function authorNameKey(name: string): string {
  return foldText(name)
    .replace(/\./g, ' ')
    .replace(/[,‐-―-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Given-name words and family name of a key; the family name is the last word. */
export function splitNameKey(key: string): { given: string[]; family: string } {
  const words = key.split(' ');
  const family = words.pop() ?? '';
  return { given: words, family };
}

/**
 * True when a key's given names are all initials (`j r smith`); false for a full name or a one-word name.
 * @example isInitialsKey('j r smith') // => true
 * @example isInitialsKey('john smith') // => false
 */
export function isInitialsKey(key: string): boolean {
  const { given } = splitNameKey(key);
  return given.length > 0 && given.every((word) => word.length === 1);
}

/**
 * True when an initials form can stand for another spelling: same family name, and the initials form's letters
 * begin the other's given-name initials (`a slowik` ~ `agnieszka slowik`, `s holden` ~ `sean b holden`,
 * `s holden` ~ `s b holden`; never `j smith` ~ `r smith` nor two full names).
 * @example sharesInitials('a slowik', 'agnieszka slowik') // => true
 * @example sharesInitials('john smith', 'jane smith') // => false
 */
export function sharesInitials(firstKey: string, secondKey: string): boolean {
  const [short, long] = isInitialsKey(firstKey) ? [firstKey, secondKey] : [secondKey, firstKey];
  if (!isInitialsKey(short)) return false;
  const shortName = splitNameKey(short);
  const longName = splitNameKey(long);
  if (shortName.family !== longName.family || longName.given.length === 0) return false;
  if (shortName.given.length > longName.given.length) return false;
  return shortName.given.every((letter, index) => longName.given[index]![0] === letter);
}

/**
 * The authors of two records of one paper as one list: the first list's order, then the second's new names. A
 * spelling of a name already listed is not added again: same key ("Jose Garcia" for "José García"), or an initials
 * form that fits exactly one listed name ("A. Slowik" for "Agnieszka Słowik"); when the listed one is the initials
 * form, the fuller spelling takes its place.
 * @example mergeAuthorLists(['A. Slowik', 'A. Gupta'], ['Agnieszka Słowik', 'Abhinav Gupta', 'Mateja Jamnik'])
 * // => ['Agnieszka Słowik', 'Abhinav Gupta', 'Mateja Jamnik']
 */
export function mergeAuthorLists(first: readonly string[], second: readonly string[]): string[] {
  const merged = [...first];
  const keys = merged.map(authorNameKey);
  const known = new Set(keys);
  // Positions by family name, so a long author list is not scanned once per name.
  const positionsByFamily = new Map<string, number[]>();
  keys.forEach((key, index) => {
    const family = splitNameKey(key).family;
    positionsByFamily.set(family, [...(positionsByFamily.get(family) ?? []), index]);
  });
  for (const name of second) {
    const key = authorNameKey(name);
    if (known.has(key)) continue;
    known.add(key);
    const family = splitNameKey(key).family;
    const positions = positionsByFamily.get(family) ?? [];
    const fitting = positions.filter((index) => sharesInitials(keys[index]!, key));
    if (fitting.length === 1) {
      const index = fitting[0]!;
      if (isInitialsKey(keys[index]!) && (!isInitialsKey(key) || key.length > keys[index]!.length)) {
        merged[index] = name;
        keys[index] = key;
      }
      continue;
    }
    positionsByFamily.set(family, [...positions, merged.length]);
    merged.push(name);
    keys.push(key);
  }
  return merged;
}
