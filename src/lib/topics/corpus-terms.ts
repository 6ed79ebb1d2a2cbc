/**
 * The terms of a corpus as the topic step reads them: its texts tokenised (tokenize.ts), words joined into phrases
 * (phrases.ts) and weighed (tfidf.ts). The topic fit, the fold-in of added papers and the `/vectors/` files all start
 * from exactly this for the same texts, so the last one made is handed on: the vector files built after the topic
 * step reuse the fit's terms instead of tokenising every abstract a second time (1.2 s of a 10k build).
 */
import { tokenizeCorpus, type TokenizedCorpus } from './tokenize.ts';
import { buildFeatures, type FeatureCorpus } from './phrases.ts';
import { buildTfidf, type TfidfModel } from './tfidf.ts';

/** A corpus's tokens, features and TF-IDF model; read-only for every holder, as it is shared. */
export interface CorpusTerms {
  corpus: TokenizedCorpus;
  features: FeatureCorpus;
  tfidf: TfidfModel;
}

let handedOn: { texts: readonly string[]; terms: CorpusTerms } | undefined;

/**
 * Tokens, features and TF-IDF of `texts` (with the default phrase and weighting options).
 * @example corpusTermsOf(['Graph neural networks.', 'A graph network']).corpus.unigramDisplay // => ['graph', 'neural', 'network']
 */
export function corpusTermsOf(texts: readonly string[]): CorpusTerms {
  const corpus = tokenizeCorpus(texts);
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
