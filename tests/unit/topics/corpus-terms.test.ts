import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusTermsOf, handOnCorpusTerms, takeCorpusTerms, textDigest, textScansToKeep, tokenizeTexts, useTextScans } from '../../../src/lib/topics/corpus-terms.ts';
import { SurfaceTable, tokenizeCorpus } from '../../../src/lib/topics/tokenize.ts';

const texts = ['Graph neural networks for molecules.', 'A graph network of neural units.', 'Sparse matrix methods.'];

test('corpusTermsOf tokenises, finds phrases and weighs the texts', () => {
  const terms = corpusTermsOf(texts);
  assert.ok(terms.corpus.unigramDisplay.length > 0);
  assert.ok(terms.corpus.unigramDisplay.includes('graph'));
  assert.equal(terms.tfidf.matrix.rowCount, texts.length);
});

test('takeCorpusTerms hands on the terms made from equal texts, once', () => {
  const made = corpusTermsOf(texts);
  handOnCorpusTerms(texts, made);
  assert.equal(takeCorpusTerms([...texts]), made);
  const again = takeCorpusTerms(texts);
  assert.notEqual(again, made);
  assert.deepEqual(again.tfidf.matrix.values, made.tfidf.matrix.values);
});

test('takeCorpusTerms makes its own terms when the texts differ from those handed on', () => {
  handOnCorpusTerms(texts, corpusTermsOf(texts));
  const other = ['Quantum error correction codes.', 'Codes for quantum channels.'];
  const terms = takeCorpusTerms(other);
  assert.equal(terms.tfidf.matrix.rowCount, 2);
  assert.ok(terms.corpus.unigramDisplay.includes('quantum'));
});

test('tokenizeTexts scans only texts it has not seen, and gives tokenizeCorpus exactly', () => {
  useTextScans({ table: new SurfaceTable(), scanOfDigest: new Map() });
  const first = ['Graph neural networks for molecules.', 'Sparse matrix methods.'];
  assert.deepEqual(tokenizeTexts(first), tokenizeCorpus(first));
  const kept = textScansToKeep(first);
  assert.ok(kept);
  assert.equal(kept.scanOfDigest.size, 2);
  assert.equal(textScansToKeep(first), undefined, 'nothing new since: nothing to keep');
  // The next build starts from what was kept and adds one text.
  useTextScans(kept);
  const second = ['A graph network of neural units.', ...first];
  assert.deepEqual(tokenizeTexts(second), tokenizeCorpus(second));
  const next = textScansToKeep(second.slice(0, 2));
  assert.ok(next);
  assert.deepEqual([...next.scanOfDigest.keys()].sort(), second.slice(0, 2).map(textDigest).sort());
  assert.ok(!next.table.surfaces.includes('Sparse'), 'the surfaces of texts gone are not kept');
  useTextScans(next);
  assert.deepEqual(tokenizeTexts(second.slice(0, 2)), tokenizeCorpus(second.slice(0, 2)));
});
