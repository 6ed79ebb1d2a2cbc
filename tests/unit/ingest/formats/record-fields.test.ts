import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arxivIdFromText, normaliseDate, normaliseDoi, splitAuthors, splitLabels } from '../../../../src/lib/ingest/record-fields.ts';

test('arXiv ids are found in ids, URLs, DOIs and Zotero journal fields, without version', () => {
  assert.equal(arxivIdFromText('2411.15124v5'), '2411.15124');
  assert.equal(arxivIdFromText('arXiv:1706.05125 [cs]'), '1706.05125');
  assert.equal(arxivIdFromText('https://arxiv.org/pdf/cs/0112017v2.pdf'), 'cs/0112017');
  assert.equal(arxivIdFromText('10.48550/arXiv.1602.02830'), '1602.02830');
  assert.equal(arxivIdFromText('B1-Hhnslg'), undefined);
});

test('DOIs lose their resolver prefix', () => {
  assert.equal(normaliseDoi('https://doi.org/10.1145/3292500.3330701'), '10.1145/3292500.3330701');
  assert.equal(normaliseDoi('doi:10.1038/s41598-019-45619-9'), '10.1038/s41598-019-45619-9');
});

test('dates accept years, timestamps, slashes and epoch milliseconds and refuse words', () => {
  assert.equal(normaliseDate('2025-10-16T17:59:37Z'), '2025-10-16');
  assert.equal(normaliseDate('2019/5'), '2019-05');
  assert.equal(normaliseDate(2017), '2017');
  assert.equal(normaliseDate(1705000000000), '2024-01-11');
  assert.equal(normaliseDate('2020-13-01'), '2020-13-01');
  assert.equal(normaliseDate('Spring 2020'), undefined);
});

test('author cells split on ";", then " and ", then ","', () => {
  assert.deepEqual(splitAuthors('Jake Snell;Kevin Swersky'), ['Jake Snell', 'Kevin Swersky']);
  assert.deepEqual(splitAuthors('Lewis, Mike and Yarats, Denis'), ['Mike Lewis', 'Denis Yarats']);
  assert.deepEqual(splitAuthors('Ada Lovelace, Alan Turing'), ['Ada Lovelace', 'Alan Turing']);
});

test('label cells split on ";", "|", "," or spaces between arXiv categories, without repeats', () => {
  assert.deepEqual(splitLabels('Deep learning;Transfer Learning'), ['Deep learning', 'Transfer Learning']);
  assert.deepEqual(splitLabels('a | b'), ['a', 'b']);
  assert.deepEqual(splitLabels('cs.LG stat.ML cs.LG'), ['cs.LG', 'stat.ML']);
  assert.deepEqual(splitLabels('graph neural networks, GNN'), ['graph neural networks', 'GNN']);
});

test('splitAuthors reads a comma list ending in "and" as separate names, not one inverted name', () => {
  assert.deepEqual(splitAuthors('Ada Lovelace, Alan Turing and Grace Hopper'), ['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
  assert.deepEqual(splitAuthors('Ada Lovelace, Alan Turing, and Grace Hopper'), ['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
  assert.deepEqual(splitAuthors('Lovelace, Ada and Turing, Alan and others'), ['Ada Lovelace', 'Alan Turing', 'others']);
});
