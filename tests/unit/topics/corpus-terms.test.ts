import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusTermsOf, handOnCorpusTerms, takeCorpusTerms } from '../../../src/lib/topics/corpus-terms.ts';

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
