import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isBoilerplateTerm, isGenericTerm } from '../../../src/lib/topics/generic-terms.ts';

test('isGenericTerm flags vague single words in any inflection', () => {
  for (const word of ['loop', 'loops', 'large', 'algorithms', 'time', 'models', 'Method', 'frameworks', 'performance', 'results', 'tasks', 'data', 'learning', 'approach', 'problem', 'based', 'using', 'new']) {
    assert.ok(isGenericTerm(word), word);
  }
});

test('isGenericTerm keeps phrases and topic words', () => {
  for (const keyword of ['time series', 'large language models', 'forgetting', 'RLHF', 'meta-learning', 'graph']) assert.ok(!isGenericTerm(keyword), keyword);
});

test('isBoilerplateTerm flags the front matter of proceedings and editorials', () => {
  for (const keyword of ['volume contains', 'international workshop', 'proceedings', 'held', 'special issue', 'invited talks', 'program committee', 'workshop on concurrency', 'EPTCS']) {
    assert.ok(isBoilerplateTerm(keyword), keyword);
  }
});

test('isBoilerplateTerm keeps research terms', () => {
  for (const keyword of ['concurrency', 'process calculi', 'compressed sensing', 'conference calls', 'volume rendering', 'issue tracking']) {
    assert.ok(!isBoilerplateTerm(keyword), keyword);
  }
});
