import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isGenericTerm } from '../../../src/lib/topics/generic-terms.ts';

test('isGenericTerm flags vague single words in any inflection', () => {
  for (const word of ['loop', 'loops', 'large', 'algorithms', 'time', 'models', 'Method', 'frameworks', 'performance', 'results', 'tasks', 'data', 'learning', 'approach', 'problem', 'based', 'using', 'new']) {
    assert.ok(isGenericTerm(word), word);
  }
});

test('isGenericTerm keeps phrases and topic words', () => {
  for (const keyword of ['time series', 'large language models', 'forgetting', 'RLHF', 'meta-learning', 'graph']) assert.ok(!isGenericTerm(keyword), keyword);
});
