import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery, queryVariants } from '../../../src/lib/search/query.ts';

test('the last word is a prefix while it is being typed', () => {
  assert.deepEqual(parseQuery('looped transf'), [
    { whole: 'looped', parts: [], isPrefix: false },
    { whole: 'transf', parts: [], isPrefix: true },
  ]);
});

test('a trailing space ends the prefix', () => {
  assert.deepEqual(parseQuery('tulu '), [{ whole: 'tulu', parts: [], isPrefix: false }]);
});

test('stop words are dropped from queries', () => {
  assert.deepEqual(parseQuery('the of and'), []);
});

test('a compound query word carries its processed parts', () => {
  assert.deepEqual(parseQuery('Qwen2.5-Math'), [{ whole: 'qwen2.5-math', parts: ['qwen2.5', 'math', 'qwen2'], isPrefix: true }]);
});

test('only the pieces that end the typed word are prefixes', () => {
  assert.deepEqual(queryVariants({ whole: 'tau-be', parts: ['tau', 'be'], isPrefix: true }), [
    { term: 'tau-be', isPrefix: true },
    { term: 'tau', isPrefix: false },
    { term: 'be', isPrefix: true },
  ]);
});
