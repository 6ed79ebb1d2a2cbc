import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMatcher, detectFormat, matchKey } from '../../../src/lib/library/match.ts';

const atlas = [
  { slug: 'tulu-3-2411.15124', title: 'TÜLU 3: Pushing Frontiers in Open Language Model Post-Training', arxivId: '2411.15124' },
  { slug: 'deep-nets-abc123', title: 'Deep Nets', doi: '10.1145/ABC.1' },
  { slug: 'same-1', title: 'Attention' },
  { slug: 'same-2', title: 'attention!' },
];
const matcher = createMatcher(atlas);

test('matches by arXiv id first, whatever the title says', () => {
  assert.equal(matcher.match({ title: 'something else', arxivId: '2411.15124' }), 'tulu-3-2411.15124');
});

test('matches by DOI ignoring case', () => {
  assert.equal(matcher.match({ title: 'x', doi: '10.1145/abc.1' }), 'deep-nets-abc123');
});

test('matches by title ignoring case, braces, TeX accents and punctuation', () => {
  assert.equal(matcher.match({ title: '{{T\\"ULU}} 3 -- pushing frontiers in open language-model post training.' }), 'tulu-3-2411.15124');
  assert.equal(matcher.match({ title: 'DEEP   nets' }), 'deep-nets-abc123');
});

test('a title two atlas papers share matches neither', () => {
  assert.equal(matcher.match({ title: 'Attention' }), undefined);
});

test('an unknown paper matches nothing; an atlas slug matches when present', () => {
  assert.equal(matcher.match({ title: 'Unknown paper' }), undefined);
  assert.equal(matcher.match({ title: 'Unknown paper' }, 'deep-nets-abc123'), 'deep-nets-abc123');
  assert.equal(matcher.match({ title: 'Unknown paper' }, 'gone-1'), undefined);
});

test('matchKey folds diacritics and punctuation', () => {
  assert.equal(matchKey('{{T\\"ULU}} 3: Pushing {Frontiers}!'), 'tulu 3 pushing frontiers');
  assert.equal(matchKey('Façade—naïve'), 'facade naive');
});

test('detectFormat by extension, then by content', () => {
  assert.equal(detectFormat('a.bib', ''), 'bibtex');
  assert.equal(detectFormat('a.RIS', ''), 'ris');
  assert.equal(detectFormat('export.txt', '\uFEFF[{"title":"x"}]'), 'csl-json');
  assert.equal(detectFormat('export.txt', 'TY  - JOUR\n'), 'ris');
  assert.equal(detectFormat('export.txt', '% comment\n@article{a,'), 'bibtex');
  assert.equal(detectFormat('export.txt', 'hello'), undefined);
});
