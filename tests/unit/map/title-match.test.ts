import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTitleMatcher, normalizeWords } from '../../../src/lib/map/title-match.ts';

const topics = [
  { id: 0, label: 'learning · networks', keywords: ['neural', 'training'] },
  { id: 1, label: 'vision · images', keywords: ['segmentation'] },
];
const papers = [
  { title: 'Deep Neural Networks for Speech', topic: 0 },
  { title: 'Graph Cuts in Schrödinger Space', topic: 1 },
  { title: 'Neural Rendering of Scenes', topic: 1 },
];
const match = createTitleMatcher(papers, topics);

test('words are lower-cased and stripped of accents and punctuation', () => {
  assert.deepEqual(normalizeWords("Schrödinger's $\\ell_1$-Norm"), ['schrodinger', 's', 'ell', '1', 'norm']);
});

test('a word prefix matches titles', () => {
  assert.deepEqual(match('neur'), [0, 2]);
});

test('every query word must match', () => {
  assert.deepEqual(match('neural scenes'), [2]);
});

test('topic keywords match the papers of that topic', () => {
  assert.deepEqual(match('segmentation'), [1, 2]);
});

test('accents in titles do not get in the way', () => {
  assert.deepEqual(match('schrodinger'), [1]);
});

test('an empty or punctuation-only query matches nothing in particular', () => {
  assert.equal(match('   '), null);
  assert.equal(match('--'), null);
});

test('a query with no match gives an empty list', () => {
  assert.deepEqual(match('quantum'), []);
});
