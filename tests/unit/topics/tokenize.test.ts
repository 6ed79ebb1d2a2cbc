import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeText, PUNCTUATION, scanText, SurfaceTable, termKey, tokenize, tokenizeCorpus, tokenizeScans } from '../../../src/lib/topics/tokenize.ts';
import { buildFeatures } from '../../../src/lib/topics/phrases.ts';

test('tokenize keeps acronyms and model names lower-cased', () => {
  assert.deepEqual(tokenize('RLHF aligns LLMs; MAML and Qwen2.5-Math'), ['rlhf', 'aligns', 'llms', 'maml', 'qwen2.5-math']);
});

test('tokenize keeps hyphenated terms whole', () => {
  assert.deepEqual(tokenize('self-consuming loops at test-time'), ['self-consuming', 'loops', 'test-time']);
});

test('tokenize folds diacritics', () => {
  assert.deepEqual(tokenize('Café Schrödinger naïve'), ['cafe', 'schrodinger', 'naive']);
});

test('tokenize drops English and scientific stop words and stop phrases', () => {
  assert.deepEqual(tokenize('In this paper we propose a novel approach; results show state-of-the-art graph clustering.'), ['graph', 'clustering']);
});

test('tokenize drops numbers but keeps words containing digits', () => {
  assert.deepEqual(tokenize('We train 3D models on 1,000 images in 2024'), ['train', '3d', 'models', 'images']);
});

test('normalizeText strips LaTeX math, commands and accents', () => {
  assert.equal(normalizeText('Schr\\"odinger \\emph{bound} on $\\ell_1$ norm').replace(/\s+/g, ' ').trim(), 'Schrodinger bound on norm');
});

test('termKey merges plurals and inflections', () => {
  assert.equal(termKey('models'), termKey('model'));
  assert.equal(termKey('modeling'), termKey('model'));
  assert.equal(termKey('policies'), termKey('policy'));
  assert.equal(termKey('pre-trained'), termKey('pretrained'));
});

test('termKey keeps apart words Porter would conflate', () => {
  assert.notEqual(termKey('generative'), termKey('general'));
  assert.notEqual(termKey('community'), termKey('communication'));
});

test('tokenizeCorpus displays a term by its most frequent surface, acronyms in capitals', () => {
  const corpus = tokenizeCorpus(['LLMs are strong. LLMs reason.', 'Models of LLMs', 'Graph models and graph model']);
  assert.ok(corpus.unigramDisplay.includes('LLMs'));
  assert.ok(corpus.unigramDisplay.includes('models'));
  assert.equal(corpus.unigramDisplay.filter((display) => display.startsWith('model')).length, 1);
});

test('buildFeatures keeps frequent word pairs as phrases', () => {
  const texts = Array.from({ length: 12 }, (_, index) =>
    index % 2 === 0 ? `Reinforcement learning with catastrophic forgetting case ${index}.` : `Catastrophic forgetting hurts reinforcement learning agents ${index}.`,
  );
  const features = buildFeatures(tokenizeCorpus(texts), { minCount: 3 });
  assert.ok(features.featureDisplay.includes('reinforcement learning'));
  assert.ok(features.featureDisplay.includes('catastrophic forgetting'));
});

test('termKey merges Latin and Greek plurals with their singular but keeps data apart', () => {
  for (const [plural, singular] of [['vertices', 'vertex'], ['indices', 'index'], ['matrices', 'matrix'], ['analyses', 'analysis'], ['hypotheses', 'hypothesis'], ['criteria', 'criterion']]) {
    assert.equal(termKey(plural!), termKey(singular!), plural);
  }
  assert.notEqual(termKey('data'), termKey('datum'));
});

test('tokenizeCorpus shows a compound capitalised to spell an acronym in lower case, and keeps real mixed-case terms', () => {
  const corpus = tokenizeCorpus([
    'Programming Language Approaches to Concurrency and Communication-cEntric Software.',
    'Communication-cEntric Software and mRNA vaccines, with iPhone apps.',
  ]);
  assert.ok(corpus.unigramDisplay.includes('communication-centric'), corpus.unigramDisplay.join(', '));
  assert.ok(!corpus.unigramDisplay.includes('Communication-cEntric'));
  assert.ok(corpus.unigramDisplay.includes('mRNA'));
  assert.ok(corpus.unigramDisplay.includes('iPhone'));
});

test('scanText marks punctuation between tokens and refers to surfaces by index', () => {
  const table = new SurfaceTable();
  assert.deepEqual([...scanText("Graph networks: a graph's survey", table)], [0, 1, PUNCTUATION, 2, 3, 4]);
  assert.deepEqual(table.surfaces, ['Graph', 'networks', 'a', 'graph', 'survey']);
});

test('tokenizeScans of scans gives exactly tokenizeCorpus of the texts, also from a table that has read them before', () => {
  const texts = ['Graph neural networks; GNNs.', 'A graph network, of LLMs.', '', 'Models of LLMs and graph models.', '$x$ \\emph{Graph} models!'];
  const expected = tokenizeCorpus(texts);
  const table = new SurfaceTable();
  // Scanned in another order than tokenised: ids follow the documents, never the table.
  const scans = [...texts].reverse().map((text) => scanText(text, table)).reverse();
  assert.deepEqual(tokenizeScans(scans, table), expected);
  assert.ok(table.keys.length > 0);
  assert.deepEqual(tokenizeScans(scans, table), expected);
  const stored = SurfaceTable.of(table.surfaces, table.keys, table.variants);
  assert.deepEqual(tokenizeScans(scans, stored), expected);
});
