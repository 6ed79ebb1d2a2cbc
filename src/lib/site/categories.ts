import { compareCodeUnits } from '../text/compare.ts';
import { foldText } from '../text/fold.ts';
import { arxivCategoryCode, arxivCategoryName } from './arxiv-taxonomy.ts';

/**
 * The category filter's choices, from the categories papers carry: arXiv codes and free keywords (BibTeX
 * `keywords`, CSV/JSON `categories`, Markdown `categories`). A raw list of those is noise to a reader
 * ("Computer Science - Machine Learning", "cs.LG", "Deep learning", "deep-learning", "unread"), so:
 * - an arXiv category, as a code or as the long name reference managers write, becomes its current code and is
 *   shown with its name: "Machine Learning (cs.LG)";
 * - free keywords that differ only in case, accents, punctuation or a plural ending are one choice, shown in the
 *   spelling most papers use;
 * - reading-state tags of reference managers ("unread", "to read") are not subjects and are left out;
 * - a choice fewer than `minPapers` papers share narrows nothing a reader would ask for and is left out.
 * One module, imported by the search index (`/search-index/categories.json`), the whole-atlas selects and the
 * in-page filters of topic and author pages, so a choice's value and label mean the same everywhere.
 */

/** One choice of the category filter. */
export interface CategoryOption {
  /** What the URL holds (`?category=cs.LG`, `?category=language-evolution`). */
  value: string;
  /** What the reader sees: "Machine Learning (cs.LG)", "Language evolution". */
  label: string;
  /** Papers carrying it. */
  count: number;
}

export interface CategoryIndex {
  /** Choices with at least `minPapers` papers, most papers first (ties: label, then value, by code unit). */
  options: CategoryOption[];
  /** For each option (same order), the positions in the input of the papers carrying it, ascending. */
  paperIds: number[][];
  /** The option values of one paper's raw categories, each once, in the paper's order (rare ones left out). */
  valuesOf: (categories: readonly string[]) => string[];
  /** The label of an option value ("Machine Learning (cs.LG)"), or undefined for a value that is no option. */
  labelOf: (value: string) => string | undefined;
}

/** Tags reference managers add for the reader's own bookkeeping (Zotero, Mendeley, JabRef), folded. */
const READING_STATE_TAGS: ReadonlySet<string> = new Set(['unread', 'read', 'to read', 'toread', 'todo', 'to do', 'reading', 'favorite', 'favourite', 'starred', 'important', 'imported', 'nosource', 'no pdf']);

/** A word's singular for merging keys only (the label keeps a real spelling); conservative English rules. */
function singular(word: string): string {
  if (word.length <= 3 || /(?:ss|us|is|ics|series|species)$/.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:sses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/** Folded words of a keyword, the last one singular: "Graph Neural-Networks" → ['graph', 'neural', 'network']. */
function keywordWords(keyword: string): string[] {
  const words = foldText(keyword).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length > 0) words[words.length - 1] = singular(words[words.length - 1]!);
  return words;
}

/** One spelling of a keyword as a reader sees it: whitespace collapsed. */
function tidy(keyword: string): string {
  return keyword.replace(/\s+/g, ' ').trim();
}

interface Group {
  /** Papers carrying it, ascending (each once). */
  ids: number[];
  /** Spelling → papers using it. */
  spellings: Map<string, number>;
  /** Slug-like value of each spelling (words joined by '-'). */
  valueOfSpelling: Map<string, string>;
  arxivCode?: string;
}

/**
 * The key two spellings of one category share: an arXiv code as itself, else the keyword's folded words with the
 * last one singular, joined without separators (so "co-ordination" and "Coordination" meet). '' for a keyword with
 * no letters or digits, or a reading-state tag.
 * @example categoryKey('Computer Science - Machine Learning') // => 'cs.LG'
 * @example categoryKey('Neural-Networks') // => 'neuralnetwork'
 * @example categoryKey('unread') // => ''
 */
export function categoryKey(keyword: string): string {
  const code = arxivCategoryCode(keyword);
  if (code !== undefined) return code;
  const words = keywordWords(keyword);
  if (words.length === 0 || READING_STATE_TAGS.has(foldText(tidy(keyword)).replace(/[^a-z ]/g, ''))) return '';
  return words.join('');
}

/**
 * Build the category filter from every paper's raw categories (`categoriesByPaper[i]` is paper i's list, as read).
 * @example
 * const index = categoryIndex([['cs.LG', 'Deep learning'], ['Computer Science - Machine Learning', 'deep-learning'], ['unread']]);
 * index.options // => [{ value: 'deep-learning', label: 'Deep learning', count: 2 }, { value: 'cs.LG', label: 'Machine Learning (cs.LG)', count: 2 }]
 * index.paperIds // => [[0, 1], [0, 1]]
 * index.valuesOf(['cs.LG', 'Unread']) // => ['cs.LG']
 * index.labelOf('cs.LG') // => 'Machine Learning (cs.LG)'
 */
export function categoryIndex(categoriesByPaper: readonly (readonly string[])[], minPapers = 2): CategoryIndex {
  const groups = new Map<string, Group>();
  categoriesByPaper.forEach((categories, id) => {
    for (const raw of categories) {
      const key = categoryKey(raw);
      if (key === '') continue;
      let group = groups.get(key);
      if (!group) {
        group = { ids: [], spellings: new Map(), valueOfSpelling: new Map() };
        const code = arxivCategoryCode(raw);
        if (code !== undefined) group.arxivCode = code;
        groups.set(key, group);
      }
      if (group.ids[group.ids.length - 1] === id) continue;
      group.ids.push(id);
      const spelling = tidy(raw);
      group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1);
      group.valueOfSpelling.set(spelling, keywordWords(raw).join('-'));
    }
  });

  const kept: { key: string; option: CategoryOption; ids: number[] }[] = [];
  const usedValues = new Set<string>();
  for (const [key, group] of [...groups].sort((a, b) => compareCodeUnits(a[0], b[0]))) {
    if (group.ids.length < minPapers) continue;
    let option: CategoryOption;
    if (group.arxivCode !== undefined) {
      const name = arxivCategoryName(group.arxivCode);
      option = { value: group.arxivCode, label: name ? `${name} (${group.arxivCode})` : group.arxivCode, count: group.ids.length };
    } else {
      // The spelling most papers use; ties by code unit, so capitalised forms ("Deep learning") win over lower case.
      const [spelling] = [...group.spellings].sort((a, b) => b[1] - a[1] || compareCodeUnits(a[0], b[0]))[0]!;
      option = { value: group.valueOfSpelling.get(spelling) ?? key, label: spelling, count: group.ids.length };
    }
    // A keyword spelled like an arXiv code ("quant ph" → quant-ph) must not share its value.
    if (usedValues.has(option.value)) option.value = `${option.value}-${key}`;
    usedValues.add(option.value);
    kept.push({ key, option, ids: group.ids });
  }
  kept.sort((a, b) => b.option.count - a.option.count || compareCodeUnits(a.option.label, b.option.label) || compareCodeUnits(a.option.value, b.option.value));

  const valueOfKey = new Map(kept.map((entry) => [entry.key, entry.option.value]));
  const labelOfValue = new Map(kept.map((entry) => [entry.option.value, entry.option.label]));
  return {
    options: kept.map((entry) => entry.option),
    paperIds: kept.map((entry) => entry.ids),
    valuesOf: (categories) => [...new Set(categories.flatMap((raw) => valueOfKey.get(categoryKey(raw)) ?? []))],
    labelOf: (value) => labelOfValue.get(value),
  };
}
