import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageCacheKey, paperPageCacheKey, stableJson, type PaperPageInputs } from '../../../src/lib/site/page-cache-key.ts';

function paperPageInputs(): PaperPageInputs {
  return {
    paper: {
      slug: 'deep-nets-a1b2c3',
      title: 'Deep Nets',
      abstract: 'We train deep nets.',
      hasAbstract: true,
      authors: ['Ada Lovelace', 'Alan Turing'],
      date: '2024-05',
      arxivId: '2405.00001',
      categories: ['cs.LG'],
      tags: [],
      source: { path: '000/000001.md', line: 1, format: 'markdown' },
      mergedFrom: [],
      order: 1,
    },
    previous: { slug: 'first-paper-x1y2z3' },
    next: { slug: 'third-paper-q1w2e3' },
    badge: { id: 3, slug: 'deep-learning', label: 'deep learning · nets', color: '#0072B2' },
    isWeak: false,
    related: [{ slug: 'third-paper-q1w2e3', title: 'Third Paper', similarity: 0.42, shared: ['deep', 'nets'] }],
    authorSlugs: ['ada-lovelace', 'alan-turing'],
    chrome: { hasAuthorPages: true, hasDates: true, buildDate: '2023-11-14' },
  };
}

test('stableJson orders object keys at every depth and drops undefined fields', () => {
  assert.equal(stableJson({ b: 1, a: [{ d: 2, c: undefined }] }), '{"a":[{"d":2}],"b":1}');
  assert.equal(stableJson({ a: 1, b: { y: 1, x: 2 } }), stableJson({ b: { x: 2, y: 1 }, a: 1 }));
});

test('stableJson refuses Maps, which JSON would write as {}', () => {
  assert.throws(() => stableJson({ bySlug: new Map([['a', 1]]) }), /Maps and Sets/);
});

test('pageCacheKey is 16 hex characters and the same for equal inputs in any field order', () => {
  assert.equal(pageCacheKey({ title: 'Deep Nets', buildDate: '2023-11-14' }), '47c5968b9fec2d33');
  assert.equal(pageCacheKey({ buildDate: '2023-11-14', title: 'Deep Nets' }), '47c5968b9fec2d33');
});

test('paperPageCacheKey gives identical inputs the identical key', () => {
  assert.match(paperPageCacheKey(paperPageInputs()), /^[0-9a-f]{16}$/);
  assert.equal(paperPageCacheKey(paperPageInputs()), paperPageCacheKey(paperPageInputs()));
});

test('paperPageCacheKey ignores the paper order, which the page does not show', () => {
  const inputs = paperPageInputs();
  assert.equal(paperPageCacheKey({ ...inputs, paper: { ...inputs.paper, order: 9000 } }), paperPageCacheKey(inputs));
});

test('paperPageCacheKey changes when anything the page renders changes', () => {
  const inputs = paperPageInputs();
  const { paper, badge } = inputs;
  const related = inputs.related[0]!;
  const changed: [string, PaperPageInputs][] = [
    ['title', { ...inputs, paper: { ...paper, title: 'Deeper Nets' } }],
    ['abstract', { ...inputs, paper: { ...paper, abstract: 'We train deeper nets.' } }],
    ['hasAbstract', { ...inputs, paper: { ...paper, hasAbstract: false } }],
    ['authors', { ...inputs, paper: { ...paper, authors: ['Ada Lovelace'] } }],
    ['date', { ...inputs, paper: { ...paper, date: '2024-06' } }],
    ['no date', { ...inputs, paper: { ...paper, date: undefined } }],
    ['url', { ...inputs, paper: { ...paper, url: 'https://example.org/deep' } }],
    ['doi', { ...inputs, paper: { ...paper, doi: '10.1/x' } }],
    ['arxivId', { ...inputs, paper: { ...paper, arxivId: '2405.00002' } }],
    ['sourceId', { ...inputs, paper: { ...paper, sourceId: 'deep2024' } }],
    ['venue', { ...inputs, paper: { ...paper, venue: 'NeurIPS' } }],
    ['categories', { ...inputs, paper: { ...paper, categories: ['cs.AI'] } }],
    ['tags', { ...inputs, paper: { ...paper, tags: ['reading'] } }],
    ['source', { ...inputs, paper: { ...paper, source: { ...paper.source, line: 2 } } }],
    ['slug', { ...inputs, paper: { ...paper, slug: 'deep-nets-zzzzzz' } }],
    ['previous slug', { ...inputs, previous: { slug: 'other-paper-aaaaaa' } }],
    ['no previous', { ...inputs, previous: undefined }],
    ['next', { ...inputs, next: { slug: 'other-paper-bbbbbb' } }],
    ['no next', { ...inputs, next: undefined }],
    ['badge label', { ...inputs, badge: { ...badge!, label: 'nets' } }],
    ['badge slug', { ...inputs, badge: { ...badge!, slug: 'nets' } }],
    ['badge colour', { ...inputs, badge: { ...badge!, color: '#E69F00' } }],
    ['no badge', { ...inputs, badge: undefined }],
    ['weak', { ...inputs, isWeak: true }],
    ['related slug', { ...inputs, related: [{ ...related, slug: 'other-paper-aaaaaa' }] }],
    ['related title', { ...inputs, related: [{ ...related, title: 'Third' }] }],
    ['related similarity', { ...inputs, related: [{ ...related, similarity: 0.43 }] }],
    ['related shared terms', { ...inputs, related: [{ ...related, shared: ['nets', 'deep'] }] }],
    ['no related', { ...inputs, related: [] }],
    ['author page slug', { ...inputs, authorSlugs: ['ada-lovelace-k3m9x2', 'alan-turing'] }],
    ['author without a page', { ...inputs, authorSlugs: [undefined, 'alan-turing'] }],
    ['header authors link', { ...inputs, chrome: { ...inputs.chrome, hasAuthorPages: false } }],
    ['header trends link', { ...inputs, chrome: { ...inputs.chrome, hasDates: false } }],
    ['build date', { ...inputs, chrome: { ...inputs.chrome, buildDate: '2023-11-15' } }],
  ];
  const original = paperPageCacheKey(inputs);
  const keys = new Set([original]);
  for (const [change, changedInputs] of changed) {
    const key = paperPageCacheKey(changedInputs);
    assert.notEqual(key, original, `a changed ${change} must change the key`);
    keys.add(key);
  }
  assert.equal(keys.size, changed.length + 1, 'every change gives its own key');
});
