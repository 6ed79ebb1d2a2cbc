import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeMapUrlState, encodeMapUrlState } from '../../../src/lib/map/url-state.ts';

const NONE = { query: null, years: null, highlighted: null };

test('a full state encodes to short fixed-precision parameters', () => {
  const search = encodeMapUrlState({
    view: { zoom: 2.1, centerX: 0.123456789, centerY: 0.5 },
    topicSlug: 'graphs',
    paperSlug: 'a-paper',
    ...NONE,
  });
  assert.equal(search, '?z=2.1&x=0.12346&y=0.5&t=graphs&p=a-paper');
});

test('an empty state encodes to an empty string', () => {
  assert.equal(encodeMapUrlState({ view: null, topicSlug: null, paperSlug: null, ...NONE }), '');
});

test('encoding keeps unrelated parameters and replaces old map parameters', () => {
  const search = encodeMapUrlState({ view: null, topicSlug: 'b', paperSlug: null, ...NONE }, '?lang=en&t=a&z=3');
  assert.equal(search, '?lang=en&t=b');
});

test('a state survives encoding and decoding', () => {
  const state = { view: { zoom: 4.25, centerX: -0.5, centerY: 0.75 }, topicSlug: 'nlp', paperSlug: 'x-1', ...NONE };
  assert.deepEqual(decodeMapUrlState(encodeMapUrlState(state)), state);
});

test('slugs with reserved characters are escaped and restored', () => {
  const state = { view: null, topicSlug: 'a&b=c', paperSlug: 'über paper', ...NONE };
  assert.deepEqual(decodeMapUrlState(encodeMapUrlState(state)), state);
});

test('a view with a missing coordinate is dropped', () => {
  assert.equal(decodeMapUrlState('?z=2&x=0.5').view, null);
});

test('non-numeric and out-of-range numbers are dropped', () => {
  assert.equal(decodeMapUrlState('?z=abc&x=0.5&y=0.5').view, null);
  assert.equal(decodeMapUrlState('?z=0&x=0.5&y=0.5').view, null);
  assert.equal(decodeMapUrlState('?z=2&x=1e9&y=0.5').view, null);
  assert.equal(decodeMapUrlState('?z=Infinity&x=0.5&y=0.5').view, null);
});

test('an empty slug parameter reads as no slug', () => {
  assert.equal(decodeMapUrlState('?t=&p=%20').topicSlug, null);
  assert.equal(decodeMapUrlState('?t=&p=%20').paperSlug, null);
});

test('the highlight query, the year range and linked papers survive encoding and decoding', () => {
  const state = { view: null, topicSlug: null, paperSlug: null, query: 'graph coloring', years: [2012, 2014] as const, highlighted: ['a', 'b'] };
  const search = encodeMapUrlState(state);
  assert.equal(search, '?q=graph+coloring&from=2012&to=2014&papers=a%2Cb');
  assert.deepEqual(decodeMapUrlState(search), { ...state, years: [2012, 2014] });
});

test('an empty state clears the query, years and linked papers (Reset)', () => {
  assert.equal(encodeMapUrlState({ view: null, topicSlug: null, paperSlug: null, ...NONE }, '?q=x&from=2001&to=2003&papers=a&lang=en'), '?lang=en');
});

test('a year range needs both ends, whole years, and is put in order', () => {
  assert.equal(decodeMapUrlState('?from=2012').years, null);
  assert.equal(decodeMapUrlState('?from=2012.5&to=2014').years, null);
  assert.deepEqual(decodeMapUrlState('?from=2015&to=2012').years, [2012, 2015]);
  assert.equal(decodeMapUrlState('?from=20&to=2012').years, null);
});
