import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalTerms, findAbbreviations, matchLongForm } from '../../../src/lib/topics/abbreviations.ts';
import { tokenizeCorpus } from '../../../src/lib/topics/tokenize.ts';
import { buildFeatures } from '../../../src/lib/topics/phrases.ts';
import { buildTfidf } from '../../../src/lib/topics/tfidf.ts';
import { topicKeywords } from '../../../src/lib/topics/label.ts';

test('matchLongForm finds the words an acronym spells', () => {
  assert.equal(matchLongForm('LLMs', 'we study large language models'), 'large language models');
  assert.equal(matchLongForm('RL', 'tasks in reinforcement learning'), 'reinforcement learning');
  assert.equal(matchLongForm('MLLMs', 'benchmarks for multimodal large language models'), 'multimodal large language models');
});

test('matchLongForm rejects a parenthesis that is no definition', () => {
  assert.equal(matchLongForm('GPU', 'a new method'), null);
  assert.equal(matchLongForm('see', 'as shown in the table'), null);
});

test('findAbbreviations merges the definitions of one short form', () => {
  assert.deepEqual(findAbbreviations(['Large language models (LLMs) reason.', 'We tune large language models (LLMs) and (b) more.']), [
    { short: 'LLMs', long: 'large language models', count: 2 },
  ]);
});

test('topicKeywords shows an acronym and its expansion as one keyword', () => {
  const texts = Array.from({ length: 12 }, (_, index) =>
    index < 6
      ? `Large language models (LLMs) answer questions. LLMs hallucinate facts ${index}. Large language models cite.`
      : `Graph neural networks pass messages over edges. Nodes aggregate neighbours ${index}.`,
  );
  const features = buildFeatures(tokenizeCorpus(texts), { minCount: 3 });
  const model = buildTfidf(features.docOffsets, features.featureIds, features.featureDisplay.length, { minDf: 2, maxDfRatio: 0.9 });
  const canonical = canonicalTerms(findAbbreviations(texts), features, model);
  const classes = Int32Array.from(texts, (_, index) => (index < 6 ? 0 : 1));
  const termOf = (display: string): number => [...model.termFeature].findIndex((feature) => features.featureDisplay[feature] === display);
  assert.equal(canonical[termOf('LLMs')], termOf('large language models'));
  const merged = topicKeywords(model, features, classes, 2, { canonical })[0]!.keywords;
  assert.ok(merged.includes('large language models') && !merged.includes('LLMs'), merged.join(', '));
});

test('canonicalTerms merges a phrase on the short form with the same phrase on the long form', () => {
  const texts = Array.from({ length: 12 }, (_, index) =>
    index % 2 === 0
      ? `Low-density parity-check (LDPC) codes approach capacity. Low-density parity-check codes decode fast ${index}.`
      : `LDPC codes are decoded by belief propagation. LDPC codes with girth ${index}.`,
  ).map((text) => `${text} Message passing runs on sparse Tanner graphs with short cycles and trapping sets.`);
  const features = buildFeatures(tokenizeCorpus(texts), { minCount: 3 });
  const model = buildTfidf(features.docOffsets, features.featureIds, features.featureDisplay.length, { minDf: 2, maxDfRatio: 1 });
  const canonical = canonicalTerms(findAbbreviations(texts), features, model);
  const termOf = (display: string): number => [...model.termFeature].findIndex((feature) => features.featureDisplay[feature] === display);
  assert.ok(termOf('LDPC codes') >= 0 && termOf('low-density parity-check codes') >= 0);
  assert.equal(canonical[termOf('LDPC codes')], termOf('low-density parity-check codes'));
  assert.equal(canonical[termOf('LDPC')], termOf('low-density parity-check'));
});

test('findAbbreviations finds what a scan of the whole text finds, around other brackets and astral letters', () => {
  // The second LLMs is no definition: its long form would begin with the astral 𝑥 of "𝑥-large", not an l.
  const texts = [
    'Large language models (LLMs) and \u{1D465}-large language models (LLMs) (a)(RL) reinforcement learning (RL), x(GPU)y',
    'deep  neural   networks (DNNs); ((EF)) and a long form  (LF) and a graph neural network ( GNN ) model',
  ];
  const found = findAbbreviations(texts);
  assert.ok(found.length > 0);
  assert.deepEqual(
    found.map((definition) => `${definition.short}=${definition.long}×${definition.count}`),
    ['DNNs=deep neural networks×1', 'GNN=graph neural network×1', 'LF=long form×1', 'LLMs=large language models×1', 'RL=reinforcement learning×1'],
  );
});
