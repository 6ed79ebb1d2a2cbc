/**
 * The terms of a corpus as the topic step reads them: its texts tokenised (tokenize.ts), words joined into phrases
 * (phrases.ts) and weighed (tfidf.ts). The topic fit, the fold-in of added papers and the `/vectors/` files all start
 * from exactly this for the same texts, so the last one made is handed on: the vector files built after the topic
 * step reuse the fit's terms instead of tokenising every abstract a second time (1.2 s of a 10k build).
 *
 * Tokenising reads each text through its scan (tokenize.ts `scanText`), which depends on the text alone: the scans
 * of this build's texts are kept here by text digest, and a build starts with the last build's (text-scans.ts keeps
 * them on disk), so a rebuild scans only new or changed texts and re-tokenises the rest from integers: a rebuild
 * that reuses or folds into the stored fit no longer reads every abstract again (10k: 1.05 → 0.25 s of CPU).
 */
import { createHash } from 'node:crypto';
import { scanText, SurfaceTable, tokenizeScans, type TokenizedCorpus } from './tokenize.ts';
import { buildFeatures, type FeatureCorpus } from './phrases.ts';
import { buildTfidf, type TfidfModel } from './tfidf.ts';

/** A corpus's tokens, features and TF-IDF model; read-only for every holder, as it is shared. */
export interface CorpusTerms {
  corpus: TokenizedCorpus;
  features: FeatureCorpus;
  tfidf: TfidfModel;
}

let handedOn: { texts: readonly string[]; terms: CorpusTerms } | undefined;

/** Scans of texts by digest (`textDigest`), with the table of surfaces they index. */
export interface TextScans {
  table: SurfaceTable;
  scanOfDigest: Map<string, Int32Array>;
}

let known: TextScans = { table: new SurfaceTable(), scanOfDigest: new Map() };
let scannedSinceKept = 0;

/**
 * Identity of a text's scan: the first 32 hex digits of its SHA-256.
 * @example textDigest('Graph networks.').length // => 32
 */
export function textDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/**
 * Start from these scans (the last build's, read by text-scans.ts), dropping any known before.
 * @example useTextScans(await readTextScans(dir, key) ?? { table: new SurfaceTable(), scanOfDigest: new Map() })
 */
export function useTextScans(scans: TextScans): void {
  known = scans;
  scannedSinceKept = 0;
}

/**
 * The tokens of `texts` (exactly `tokenizeCorpus(texts)`), scanning only the texts whose scan is not known yet.
 * @example tokenizeTexts(['Graph neural networks.', 'A graph network']).unigramDisplay // => ['graph', 'neural', 'network']
 */
export function tokenizeTexts(texts: readonly string[]): TokenizedCorpus {
  const scans = texts.map((text) => {
    const digest = textDigest(text);
    let scan = known.scanOfDigest.get(digest);
    if (scan === undefined) {
      scan = scanText(text, known.table);
      known.scanOfDigest.set(digest, scan);
      scannedSinceKept += 1;
    }
    return scan;
  });
  return tokenizeScans(scans, known.table);
}

/**
 * The scans of `texts` to keep for the next build, or undefined when those kept already are exactly theirs (nothing
 * was scanned since `useTextScans` and no other text is known). Only these texts' surfaces are kept.
 * @example textScansToKeep(texts) // => { table, scanOfDigest } after a build that scanned a new text
 */
export function textScansToKeep(texts: readonly string[]): TextScans | undefined {
  const digests = new Set(texts.map(textDigest));
  if (scannedSinceKept === 0 && digests.size === known.scanOfDigest.size && [...digests].every((digest) => known.scanOfDigest.has(digest))) return undefined;
  const table = new SurfaceTable();
  const indexInKept = new Int32Array(known.table.surfaces.length).fill(-1);
  const scanOfDigest = new Map<string, Int32Array>();
  let allClassified = true;
  for (const digest of [...digests].sort()) {
    const scan = known.scanOfDigest.get(digest);
    if (scan === undefined) continue;
    scanOfDigest.set(
      digest,
      scan.map((surfaceIndex) => {
        if (surfaceIndex < 0) return surfaceIndex;
        if (indexInKept[surfaceIndex] === -1) {
          indexInKept[surfaceIndex] = table.indexOf(known.table.surfaces[surfaceIndex]!);
          const key = known.table.keys[surfaceIndex];
          const variant = known.table.variants[surfaceIndex];
          if (key === undefined || variant === undefined) allClassified = false;
          table.keys.push(key ?? '');
          table.variants.push(variant ?? '');
        }
        return indexInKept[surfaceIndex]!;
      }),
    );
  }
  // A surface no corpus has read yet is classified by the next one, not stored as a guess.
  if (!allClassified) {
    table.keys.length = 0;
    table.variants.length = 0;
  }
  scannedSinceKept = 0;
  return { table, scanOfDigest };
}

/**
 * Tokens, features and TF-IDF of `texts` (with the default phrase and weighting options).
 * @example corpusTermsOf(['Graph neural networks.', 'A graph network']).corpus.unigramDisplay // => ['graph', 'neural', 'network']
 */
export function corpusTermsOf(texts: readonly string[]): CorpusTerms {
  const corpus = tokenizeTexts(texts);
  const features = buildFeatures(corpus);
  const tfidf = buildTfidf(features.docOffsets, features.featureIds, features.featureDisplay.length);
  return { corpus, features, tfidf };
}

/**
 * Keep `terms` (made from `texts`) for the next `takeCorpusTerms` of the same texts. One is kept at a time, so a
 * build holds at most one corpus's terms beyond their use.
 * @example handOnCorpusTerms(texts, corpusTermsOf(texts)); takeCorpusTerms(texts) // => the same object
 */
export function handOnCorpusTerms(texts: readonly string[], terms: CorpusTerms): void {
  handedOn = { texts, terms };
}

/**
 * The terms of `texts`: the ones handed on when they were made from equal texts (then released), else made now.
 * @example takeCorpusTerms(['Graph networks.']).tfidf.matrix.rowCount // => 1
 */
export function takeCorpusTerms(texts: readonly string[]): CorpusTerms {
  const kept = handedOn;
  if (kept && kept.texts.length === texts.length && kept.texts.every((text, index) => text === texts[index])) {
    handedOn = undefined;
    return kept.terms;
  }
  return corpusTermsOf(texts);
}
