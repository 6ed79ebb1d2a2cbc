/**
 * Words too vague to name a topic on their own. They stay in the TF-IDF matrix (they still help to tell papers apart)
 * and inside phrases ("large language models", "time series", "neural networks" are fine), but a single-word
 * keyword made of one of them is never shown: a topic called "loop · algorithms" or "model · data" tells a reader
 * nothing. Matching is on the term key (tokenize's termKey), so plurals and inflections count too.
 */
import { termKey } from './tokenize.ts';

/** Generic nouns, verbs and adjectives of scientific abstracts; each is a real word in some phrase, none is a topic. */
const genericWords = `
algorithm model method framework performance result task data learning approach problem base use using new propose time
loop large small system network information analysis process structure function set property quality sample output
input step solution parameter context knowledge user machine test generate generated previously class training train
language design theory feature power dynamic word finite deep simple complex high low level value type form rate error
cost technique tool scheme general specific different local global random optimal accuracy study field area domain scale
size range point case condition effect impact factor mechanism component element unit operation mode state stage phase
version variant concept idea principle strategy abstract individual format technology management development published
construction numerical classical nonlinear linear guarantee decision theorem proof lemma algorithmic computational
computation efficient existing proposed recent novel standard traditional modern real world real-world practical
practice theoretical empirical experiment experimental evaluation evaluate benchmark dataset metric measure score
accuracy objective goal challenge issue limitation advantage improvement improve increase decrease reduce high-quality
understanding understand insight behavior behaviour capability ability effectiveness robustness scalability flexibility
open source available previous prior future current key main critical important significant various diverse multiple
single several specific particular certain common typical simple basic advanced better best good strong weak
ai generalization generalisation output instance example question answer response content object item entity resource environment setting loss
`;

const genericKeys = new Set<string>();
for (const word of genericWords.split(/\s+/)) {
  if (word) genericKeys.add(termKey(word));
}

/**
 * True when a keyword is one generic word (any inflection); phrases are never generic.
 * @example isGenericTerm('algorithms') // => true
 * @example isGenericTerm('time series') // => false
 * @example isGenericTerm('forgetting') // => false
 */
export function isGenericTerm(keyword: string): boolean {
  const lower = keyword.toLowerCase();
  if (lower.includes(' ')) return false;
  return genericKeys.has(termKey(lower));
}

/**
 * Words of the front matter of proceedings volumes and editorials ("This volume contains the proceedings of the
 * 5th International Workshop on …, held in …"). Such abstracts cluster together at 10k (arXiv-cs has ~50 EPTCS
 * volumes) and their c-TF-IDF keywords were "international workshop · volume contains": true of the papers, but it
 * names the genre, not the research. A keyword made only of these words (stop words aside) is never shown.
 */
const boilerplateWords = `
proceedings proceeding workshop international annual conference symposium colloquium meeting volume contains contain
held hold editor editorial issue special invited talk committee accepted accept submission submit submitted
contribution present presented edition eptcs satellite festschrift venue organized organised organizer post-proceedings
peer-reviewed reviewed selected
`;

/** Words that mark a phrase as event front matter wherever they appear in it ("workshop on concurrency theory"). */
const boilerplateMarkers = `proceedings workshop symposium colloquium editorial festschrift eptcs post-proceedings committee`;

const boilerplateKeys = new Set<string>();
for (const word of boilerplateWords.split(/\s+/)) {
  if (word) boilerplateKeys.add(termKey(word));
}
const boilerplateMarkerKeys = new Set<string>();
for (const word of boilerplateMarkers.split(/\s+/)) {
  if (word) boilerplateMarkerKeys.add(termKey(word));
}

/**
 * True when a keyword is the boilerplate of a proceedings volume or an editorial: all its words are front-matter
 * words, or one of them is a word only event front matter uses ("workshop", "proceedings").
 * @example isBoilerplateTerm('volume contains') // => true
 * @example isBoilerplateTerm('international workshop') // => true
 * @example isBoilerplateTerm('concurrency') // => false
 */
export function isBoilerplateTerm(keyword: string): boolean {
  const keys = keyword
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '')
    .map(termKey);
  if (keys.length === 0) return false;
  return keys.every((key) => boilerplateKeys.has(key)) || keys.some((key) => boilerplateMarkerKeys.has(key));
}
