import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arxivCategoryCode, arxivCategoryName } from '../../../src/lib/site/arxiv-taxonomy.ts';
import { categoryIndex, categoryKey } from '../../../src/lib/site/categories.ts';

test('arxivCategoryCode reads codes in any case, aliases, retired archives and reference managers\' long names', () => {
  assert.equal(arxivCategoryCode('cs.LG'), 'cs.LG');
  assert.equal(arxivCategoryCode(' CS.lg '), 'cs.LG');
  assert.equal(arxivCategoryCode('math.IT'), 'cs.IT');
  assert.equal(arxivCategoryCode('cmp-lg'), 'cs.CL');
  assert.equal(arxivCategoryCode('physics.soc-ph'), 'physics.soc-ph');
  assert.equal(arxivCategoryCode('cond-mat.dis-nn'), 'cond-mat.dis-nn');
  assert.equal(arxivCategoryCode('Computer Science - Machine Learning'), 'cs.LG');
  assert.equal(arxivCategoryCode('Statistics -  Machine Learning'), 'stat.ML');
  assert.equal(arxivCategoryCode('Condensed Matter - Disordered Systems and Neural Networks'), 'cond-mat.dis-nn');
  assert.equal(arxivCategoryCode('Quantum Physics'), 'quant-ph');
  assert.equal(arxivCategoryCode('Machine Learning'), undefined);
  assert.equal(arxivCategoryCode('cs.XX'), undefined);
});

test('arxivCategoryName names every category of the 10k arXiv sample', () => {
  assert.equal(arxivCategoryName('math.OC'), 'Optimization and Control');
  assert.equal(arxivCategoryName('cs.LG'), 'Machine Learning');
  assert.equal(arxivCategoryName('quant-ph'), 'Quantum Physics');
  // Codes that occur in arxiv-cs-oai2016-10k.jsonl, old archives included.
  const codes = ['astro-ph', 'astro-ph.EP', 'cond-mat', 'cs.GL', 'cs.OH', 'hep-lat', 'nlin.CG', 'physics.ed-ph', 'q-bio', 'q-fin.TR', 'stat.OT', 'adap-org', 'chao-dyn', 'cmp-lg', 'math.GM'];
  for (const code of codes) assert.ok(arxivCategoryName(arxivCategoryCode(code) ?? ''), code);
});

test('categoryKey merges case, accents, punctuation and a plural, and drops reading-state tags', () => {
  assert.equal(categoryKey('Neural Networks'), categoryKey('neural-network'));
  assert.equal(categoryKey('Co-ordination'), categoryKey('coordination'));
  assert.equal(categoryKey('Strategies'), categoryKey('strategy'));
  assert.equal(categoryKey('Réseaux'), categoryKey('reseaux'));
  assert.equal(categoryKey('Analysis'), 'analysis');
  assert.equal(categoryKey('Classes'), 'class');
  assert.equal(categoryKey('unread'), '');
  assert.equal(categoryKey('To Read'), '');
  assert.equal(categoryKey('—'), '');
});

test('categoryIndex keeps categories of two papers or more, most papers first, arXiv codes with their names', () => {
  const index = categoryIndex([
    ['cs.LG', 'Deep learning', 'unread'],
    ['Computer Science - Machine Learning', 'deep-learning', 'Emergence'],
    ['cs.LG', 'Deep Learning', 'math.IT'],
    ['cs.IT', 'Games'],
    ['game', 'unread'],
  ]);
  assert.deepEqual(index.options, [
    { value: 'deep-learning', label: 'Deep Learning', count: 3 },
    { value: 'cs.LG', label: 'Machine Learning (cs.LG)', count: 3 },
    { value: 'game', label: 'Games', count: 2 },
    { value: 'cs.IT', label: 'Information Theory (cs.IT)', count: 2 },
  ]);
  assert.deepEqual(index.paperIds, [[0, 1, 2], [0, 1, 2], [3, 4], [2, 3]]);
  assert.deepEqual(index.valuesOf(['Emergence', 'math.IT', 'Information Theory', 'CS.LG', 'cs.LG']), ['cs.IT', 'cs.LG']);
  assert.equal(index.labelOf('game'), 'Games');
  assert.equal(index.labelOf('emergence'), undefined);
});

test('categoryIndex counts a paper once when it names one category twice', () => {
  const index = categoryIndex([['cs.IT', 'math.IT'], ['cs.IT']]);
  assert.deepEqual(index.options, [{ value: 'cs.IT', label: 'Information Theory (cs.IT)', count: 2 }]);
  assert.deepEqual(index.paperIds, [[0, 1]]);
});

test('categoryIndex gives nothing for papers without categories', () => {
  assert.deepEqual(categoryIndex([[], []]).options, []);
});

test('option values hold no white space, so list rows can carry them space-separated (PaperRow.astro)', () => {
  const index = categoryIndex([
    ['cs.LG', 'Deep  learning', 'Graph Neural-Networks', 'quant ph', 'Statistics - Machine Learning'],
    ['cs.LG', 'deep learning', 'graph neural networks', 'quant ph', 'stat.ML'],
    ['quant-ph', 'Quant-ph'],
  ]);
  assert.ok(index.options.length >= 4, 'the fixture yields several choices');
  for (const option of index.options) assert.doesNotMatch(option.value, /\s/, option.value);
});
