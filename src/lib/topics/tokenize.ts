/**
 * Text to terms: LaTeX stripped, diacritics folded, Unicode-aware word tokens (hyphenated terms and names such as
 * `Qwen2.5-Math` kept whole), numbers and stop words dropped, inflections grouped under one key.
 * The corpus form keeps tokens as integer ids in one Int32Array so 100k abstracts cost no per-token objects.
 */
import { stemmer } from 'stemmer';
import { isStopWord, stopPhrasePattern } from './stop-words.ts';
import { foldDiacritics } from '../text/fold.ts';

/** Marks a phrase boundary (punctuation, a stop word or a number) in a token-id stream. */
export const BOUNDARY = -1;

const tokenPattern = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu;
const letterPattern = /\p{L}/u;
const digitPattern = /\p{N}/u;
// Whitespace inside an accent is bounded (`\s{0,4}`, not `\s*`): two `\s*` around an optional `{` backtrack
// quadratically over a long run of spaces after a `\"`.
const texSymbolAccent = /\\[`'"^~=.]\s{0,4}\{?\s{0,4}([A-Za-z])\s{0,4}\}?/g;
const texLetterAccent = /\\[uvHckrbd]\s*\{\s*([A-Za-z])\s*\}/g;
const texMath = /\$\$[^$]*\$\$|\$[^$]{0,400}\$|\\\([\s\S]{0,400}?\\\)|\\\[[\s\S]{0,400}?\\\]/g;
const texCommand = /\\[A-Za-z]+\*?|\\./g;
const braces = /[{}]/g;
const possessive = /['’]s$/;
/** Prefixes whose hyphen is optional in practice ("pre-trained" = "pretrained"), so the key drops it. */
const joinablePrefixes = new Set([
  'pre', 're', 'co', 'non', 'multi', 'semi', 'sub', 'un', 'inter', 'intra', 'over', 'under', 'anti', 'post', 'bi', 'tri',
  'ultra', 'hyper', 'super', 'micro', 'macro', 'mini', 'meta',
]);

/**
 * Strip LaTeX (math spans removed, accent commands turned into their letter, other commands and braces dropped),
 * remove boilerplate phrases ("state of the art") and fold diacritics (é → e).
 * @example normalizeText('Schr\\"odinger on $\\ell_1$ — café \\emph{state-of-the-art}') // => 'Schrodinger on   — cafe   . '
 */
export function normalizeText(text: string): string {
  let result = text;
  if (result.includes('\\') || result.includes('$')) {
    result = result
      .replace(texSymbolAccent, '$1')
      .replace(texLetterAccent, '$1')
      .replace(texMath, ' ')
      .replace(texCommand, ' ')
      .replace(braces, '');
  }
  result = result.replace(stopPhrasePattern, ' . ');
  return foldDiacritics(result);
}

/** Remove inflectional endings only (plural, -ed, -ing), undoubling a final consonant ("running" → "run"). */
function stripInflection(word: string): string {
  let base = word;
  if (base.length > 4 && base.endsWith('ies')) return `${base.slice(0, -3)}y`;
  if (base.length > 5 && base.endsWith('ing')) base = base.slice(0, -3);
  else if (base.length > 4 && base.endsWith('ed')) base = base.slice(0, -2);
  else if (base.length > 3 && base.endsWith('s') && !/(ss|us|is)$/.test(base)) return base.slice(0, -1);
  else return base;
  const last = base.length - 1;
  if (last > 1 && base[last] === base[last - 1] && !/[aeioulsz]/.test(base[last]!)) base = base.slice(0, -1);
  return base;
}

/**
 * Latin and Greek plurals the inflection rules miss ("vertices" would stem to `vertic`, "analyses" to `analys`),
 * mapped to their singular so both forms are one term. "data" stays: nobody writes "datum" in an abstract.
 */
const irregularSingular = new Map<string, string>(Object.entries({
  vertices: 'vertex', indices: 'index', matrices: 'matrix', simplices: 'simplex', apices: 'apex', appendices: 'appendix',
  analyses: 'analysis', hypotheses: 'hypothesis', syntheses: 'synthesis', diagnoses: 'diagnosis', parentheses: 'parenthesis',
  theses: 'thesis', crises: 'crisis', emphases: 'emphasis', criteria: 'criterion', phenomena: 'phenomenon',
  automata: 'automaton', polyhedra: 'polyhedron', schemata: 'schema', lemmata: 'lemma', corpora: 'corpus', genera: 'genus',
  loci: 'locus', foci: 'focus', radii: 'radius', nuclei: 'nucleus', stimuli: 'stimulus', maxima: 'maximum', minima: 'minimum',
  optima: 'optimum', extrema: 'extremum', spectra: 'spectrum',
}));

/**
 * The grouping key of a single lower-cased word: its Porter stem, guarded so that Porter's derivational merges stay
 * apart. The part of the word (inflections removed) beyond the stem is appended, so "models"/"modeling" share
 * `model` while "generative", "generation" and "general" (all Porter `gener`) keep distinct keys.
 */
function wordKey(surface: string): string {
  const word = irregularSingular.get(surface) ?? surface;
  const stem = stemmer(word);
  const base = stripInflection(word);
  let shared = 0;
  const limit = Math.min(stem.length, base.length);
  while (shared < limit && stem.charCodeAt(shared) === base.charCodeAt(shared)) shared++;
  const remainder = base.slice(shared).replace(/[eiy]+$/, '');
  return remainder ? `${stem}~${remainder}` : stem;
}

/**
 * The key that groups surface forms of one term: inflections merged, names with digits kept as they are,
 * hyphenated terms kept whole (their last part grouped), optional hyphens after a prefix ignored.
 * @example termKey('models') === termKey('modeling') // => true
 * @example termKey('pre-trained') === termKey('pretrained') // => true
 * @example termKey('generative') === termKey('general') // => false
 */
export function termKey(lowerSurface: string): string {
  if (digitPattern.test(lowerSurface)) return lowerSurface;
  if (!lowerSurface.includes('-')) return wordKey(lowerSurface);
  const parts = lowerSurface.split('-');
  const first = parts[0]!;
  if (parts.length === 2 && joinablePrefixes.has(first)) return wordKey(`${first}${parts[1]!}`);
  const last = parts.pop()!;
  return `${parts.join('-')}-${wordKey(last)}`;
}

/**
 * A part of a hyphenated compound capitalised to spell an acronym ("Communication-cEntric" in PLACES, the workshop):
 * one lower-case letter, a capital, then a lower-case word. It reads as the plain word in a label.
 */
const acronymStyledPart = /^[a-z][A-Z][a-z]{3,}$/;

/** How a surface form contributes to a term's display: title-case counts as lower-case (sentence starts, titles). */
function displayVariant(surface: string): string {
  const lower = surface.toLowerCase();
  if (surface === lower) return surface;
  const parts = surface.split('-');
  if (parts.every((part, index) => part.slice(1) === part.slice(1).toLowerCase() || (index > 0 && acronymStyledPart.test(part)))) return lower;
  if (surface === surface.toUpperCase() && surface.length > 6 && !digitPattern.test(surface)) return lower;
  return surface;
}

/**
 * Split one text into the lower-cased surface forms the topic step keeps (stop words, numbers, LaTeX dropped).
 * @example tokenize('We propose RLHF for LLMs in 2024: a novel self-consuming loop.') // => ['rlhf', 'llms', 'self-consuming', 'loop']
 */
export function tokenize(text: string): string[] {
  const kept: string[] = [];
  for (const match of normalizeText(text).matchAll(tokenPattern)) {
    const lower = cleanSurface(match[0]).toLowerCase();
    if (isKeptSurface(lower)) kept.push(lower);
  }
  return kept;
}

function cleanSurface(raw: string): string {
  return possessive.test(raw) ? raw.slice(0, -2) : raw;
}

function isKeptSurface(lower: string): boolean {
  return lower.length >= 2 && lower.length <= 40 && letterPattern.test(lower) && !isStopWord(lower);
}

/** A corpus as integer term ids: documents concatenated, BOUNDARY between runs that may not form a phrase. */
export interface TokenizedCorpus {
  /** Unigram id of every kept token, BOUNDARY (-1) where a phrase may not continue. */
  tokenIds: Int32Array;
  /** Document d's tokens are tokenIds[docOffsets[d] .. docOffsets[d + 1]). */
  docOffsets: Int32Array;
  /** Number of distinct unigrams (ids 0 .. unigramCount-1). */
  unigramCount: number;
  /** Display form of each unigram: its most frequent surface (title-case folded to lower-case). */
  unigramDisplay: string[];
  /** Identity of each unigram (`termKey` of its surfaces): the same word gets the same key in any corpus. */
  unigramKeys: string[];
  /** Corpus frequency of each unigram. */
  unigramFrequency: Int32Array;
  /** Surface variant id of every token (parallel to tokenIds, BOUNDARY where tokenIds is), for phrase display. */
  tokenVariants: Int32Array;
  /** Text of each surface variant (title-case folded to lower-case). */
  variantText: string[];
}

/**
 * The distinct token surfaces of the texts scanned with it, each with its index: scans (`scanText`) refer to
 * surfaces by index, so a scan is a row of integers and a corpus re-tokenised from kept scans never hashes a string
 * per token again.
 */
export class SurfaceTable {
  readonly surfaces: string[] = [];
  /** Per surface, once a corpus has read it: its term key ('' for a surface that is not a term) and display variant. */
  readonly keys: string[] = [];
  readonly variants: string[] = [];
  readonly #indexOf = new Map<string, number>();

  /**
   * A table of these surfaces (and, when known, their keys and variants, parallel to them), as text-scans.ts stores it.
   * @example SurfaceTable.of(['graph']).indexOf('graph') // => 0
   */
  static of(surfaces: readonly string[], keys: readonly string[] = [], variants: readonly string[] = []): SurfaceTable {
    const table = new SurfaceTable();
    for (const surface of surfaces) table.indexOf(surface);
    if (keys.length === surfaces.length && variants.length === surfaces.length) {
      table.keys.push(...keys);
      table.variants.push(...variants);
    }
    return table;
  }

  /**
   * Index of `surface`, added when new.
   * @example new SurfaceTable().indexOf('graph') // => 0
   */
  indexOf(surface: string): number {
    let index = this.#indexOf.get(surface);
    if (index === undefined) {
      index = this.surfaces.length;
      this.surfaces.push(surface);
      this.#indexOf.set(surface, index);
    }
    return index;
  }
}

/** In a scan, the mark before a token that punctuation (anything but white space) separates from the one before. */
export const PUNCTUATION = -1;

/**
 * A text as the tokenizer reads it, before any corpus gives its words ids: the index (in `table`) of each token's
 * surface in order, with PUNCTUATION before a token that punctuation separates from the one before. It depends on
 * the text alone, so a build keeps the scans of the last build's texts (corpus-terms.ts, text-scans.ts) and reads
 * only the texts that are new; `tokenizeScans` of the scans gives exactly `tokenizeCorpus` of the texts.
 * @example const table = new SurfaceTable(); scanText('Graph networks: a graph', table) // => Int32Array [0, 1, -1, 2, 0]
 */
export function scanText(text: string, table: SurfaceTable): Int32Array {
  const normalized = normalizeText(text);
  const scan: number[] = [];
  let previousEnd = 0;
  for (const match of normalized.matchAll(tokenPattern)) {
    const start = match.index;
    if (previousEnd > 0 && hasPunctuation(normalized, previousEnd, start)) scan.push(PUNCTUATION);
    previousEnd = start + match[0].length;
    scan.push(table.indexOf(cleanSurface(match[0])));
  }
  return Int32Array.from(scan);
}

/**
 * Tokenize a whole corpus into integer ids. Each distinct surface string is classified and keyed once (cached),
 * so the per-token cost is one regular-expression match and one Map lookup.
 * @example tokenizeCorpus(['Graph neural networks.', 'A graph network']).unigramDisplay // => ['graph', 'neural', 'network']
 */
export function tokenizeCorpus(texts: readonly string[]): TokenizedCorpus {
  const table = new SurfaceTable();
  return tokenizeScans(texts.map((text) => scanText(text, table)), table);
}

/**
 * Tokenize a corpus given as the scans of its texts (`scanText`) and their surfaces: the same ids as `tokenizeCorpus`
 * of the texts (entries, unigrams and variants are numbered as they first occur, in the order of the documents).
 * @example const table = new SurfaceTable(); tokenizeScans([scanText('Graph networks.', table)], table).unigramDisplay // => ['graph', 'network']
 */
export function tokenizeScans(scans: readonly Int32Array[], table: SurfaceTable): TokenizedCorpus {
  const { surfaces, keys, variants } = table;
  const entryOfSurface = new Int32Array(surfaces.length).fill(-1);
  const entryUnigram: number[] = [];
  const entryCount: number[] = [];
  const entrySurface: string[] = [];
  const keyToUnigram = new Map<string, number>();
  const entryVariant: number[] = [];
  const variantIds = new Map<string, number>();
  let tokenIds = new Int32Array(1 << 16);
  let tokenVariants = new Int32Array(1 << 16);
  let tokenCount = 0;
  const docOffsets = new Int32Array(scans.length + 1);

  const push = (value: number, variant: number): void => {
    if (tokenCount === tokenIds.length) {
      const grown = new Int32Array(tokenIds.length * 2);
      grown.set(tokenIds);
      tokenIds = grown;
      const grownVariants = new Int32Array(tokenVariants.length * 2);
      grownVariants.set(tokenVariants);
      tokenVariants = grownVariants;
    }
    tokenVariants[tokenCount] = variant;
    tokenIds[tokenCount++] = value;
  };

  for (let doc = 0; doc < scans.length; doc++) {
    docOffsets[doc] = tokenCount;
    let lastWasBoundary = true;
    let punctuationBefore = false;
    for (const surfaceIndex of scans[doc]!) {
      if (surfaceIndex === PUNCTUATION) {
        punctuationBefore = true;
        continue;
      }
      if (punctuationBefore && !lastWasBoundary) {
        push(BOUNDARY, BOUNDARY);
        lastWasBoundary = true;
      }
      punctuationBefore = false;
      let entry = entryOfSurface[surfaceIndex]!;
      if (entry === -1) {
        const surface = surfaces[surfaceIndex]!;
        entry = entryUnigram.length;
        entryOfSurface[surfaceIndex] = entry;
        // Classified once per surface for the table's life: a table kept between builds skips the stemmer.
        if (keys[surfaceIndex] === undefined) {
          const lower = surface.toLowerCase();
          keys[surfaceIndex] = isKeptSurface(lower) ? termKey(lower) : '';
          variants[surfaceIndex] = displayVariant(surface);
        }
        const key = keys[surfaceIndex]!;
        let unigram = BOUNDARY;
        if (key !== '') {
          unigram = keyToUnigram.get(key) ?? keyToUnigram.size;
          if (unigram === keyToUnigram.size) keyToUnigram.set(key, unigram);
        }
        entryUnigram.push(unigram);
        entryCount.push(0);
        entrySurface.push(surface);
        const variant = variants[surfaceIndex]!;
        const variantId = variantIds.get(variant) ?? variantIds.size;
        if (variantId === variantIds.size) variantIds.set(variant, variantId);
        entryVariant.push(variantId);
      }
      entryCount[entry]!++;
      const unigram = entryUnigram[entry]!;
      if (unigram === BOUNDARY) {
        if (!lastWasBoundary) push(BOUNDARY, BOUNDARY);
        lastWasBoundary = true;
      } else {
        push(unigram, entryVariant[entry]!);
        lastWasBoundary = false;
      }
    }
    if (!lastWasBoundary) push(BOUNDARY, BOUNDARY);
  }
  docOffsets[scans.length] = tokenCount;

  const unigramCount = keyToUnigram.size;
  const unigramFrequency = new Int32Array(unigramCount);
  const variantCounts = new Map<string, number>();
  for (let entry = 0; entry < entryUnigram.length; entry++) {
    const unigram = entryUnigram[entry]!;
    if (unigram === BOUNDARY) continue;
    unigramFrequency[unigram]! += entryCount[entry]!;
    const variantKey = `${unigram} ${displayVariant(entrySurface[entry]!)}`;
    variantCounts.set(variantKey, (variantCounts.get(variantKey) ?? 0) + entryCount[entry]!);
  }
  const unigramDisplay = new Array<string>(unigramCount).fill('');
  const bestCount = new Int32Array(unigramCount);
  for (const [variantKey, count] of variantCounts) {
    const space = variantKey.indexOf(' ');
    const unigram = Number(variantKey.slice(0, space));
    const variant = variantKey.slice(space + 1);
    const current = unigramDisplay[unigram]!;
    if (count > bestCount[unigram]! || (count === bestCount[unigram]! && variant < current)) {
      bestCount[unigram] = count;
      unigramDisplay[unigram] = variant;
    }
  }
  return {
    tokenIds: tokenIds.slice(0, tokenCount),
    docOffsets,
    unigramCount,
    unigramDisplay,
    unigramKeys: [...keyToUnigram.keys()],
    unigramFrequency,
    tokenVariants: tokenVariants.slice(0, tokenCount),
    variantText: [...variantIds.keys()],
  };
}

/** True when the gap between two tokens holds punctuation that ends a phrase (anything but spaces). */
function hasPunctuation(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13) return true;
  }
  return false;
}
