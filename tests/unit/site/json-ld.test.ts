import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scholarlyArticleJsonLd, serializeJsonLd, type JsonLdPaper } from '../../../src/lib/site/json-ld.ts';
import { buildWebManifest } from '../../../src/lib/site/web-manifest.ts';

const base: JsonLdPaper = { title: 'Graph Networks', authors: [], categories: [], tags: [] };

test('scholarlyArticleJsonLd describes a full paper with authors, date, identifiers and links', () => {
  const jsonLd = scholarlyArticleJsonLd(
    { ...base, authors: ['Ada Lovelace'], date: '2024-05', doi: '10.1/x', arxivId: '2405.1', url: 'https://example.org/p', venue: 'NeurIPS', categories: ['cs.LG'], tags: ['graphs', 'cs.LG'] },
    'https://atlas.example/papers/graph-networks/',
  );
  assert.deepEqual(jsonLd, {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    url: 'https://atlas.example/papers/graph-networks/',
    headline: 'Graph Networks',
    author: [{ '@type': 'Person', name: 'Ada Lovelace' }],
    datePublished: '2024-05',
    isPartOf: { '@type': 'Periodical', name: 'NeurIPS' },
    keywords: 'cs.LG, graphs',
    identifier: [
      { '@type': 'PropertyValue', propertyID: 'arXiv', value: '2405.1' },
      { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.1/x' },
    ],
    sameAs: ['https://arxiv.org/abs/2405.1', 'https://doi.org/10.1/x', 'https://example.org/p'],
  });
});

test('scholarlyArticleJsonLd leaves out what the paper lacks', () => {
  const jsonLd = scholarlyArticleJsonLd(base, 'https://a.example/papers/g/');
  assert.deepEqual(Object.keys(jsonLd), ['@context', '@type', 'url', 'headline']);
});

test('scholarlyArticleJsonLd does not copy the abstract the page already shows', () => {
  const paper = { ...base, abstract: 'We study graphs.', hasAbstract: true };
  assert.equal(scholarlyArticleJsonLd(paper, 'https://a.example/papers/g/')['abstract'], undefined);
});

test('scholarlyArticleJsonLd shortens headlines past 110 characters but keeps the full name', () => {
  const title = 'word '.repeat(40).trim();
  const jsonLd = scholarlyArticleJsonLd({ ...base, title }, 'https://a.example/');
  assert.equal((jsonLd['headline'] as string).length, 110);
  assert.equal(jsonLd['name'], title);
});

test('serializeJsonLd escapes characters that could end the script and still parses to the same value', () => {
  const hostile = { name: '</script><script>alert(1)</script> <!-- & \u2028\u2029' };
  const text = serializeJsonLd(hostile);
  assert.ok(!/[<>&\u2028\u2029]/.test(text));
  assert.ok(!text.toLowerCase().includes('</script'));
  assert.deepEqual(JSON.parse(text), hostile);
  assert.equal(serializeJsonLd({ name: '</script>' }), '{"name":"\\u003c/script\\u003e"}');
});

test('buildWebManifest puts the base path on start URL, scope and icons', () => {
  const manifest = buildWebManifest({ name: 'Research Atlas', shortName: 'Atlas', description: 'd', base: '/my-atlas/', themeColor: '#3b4cca', backgroundColor: '#fff' });
  assert.equal(manifest['start_url'], '/my-atlas/');
  assert.equal(manifest['scope'], '/my-atlas/');
  assert.deepEqual(
    (manifest['icons'] as { src: string }[]).map((icon) => icon.src),
    ['/my-atlas/favicon.svg', '/my-atlas/icon-192.png', '/my-atlas/icon-512.png'],
  );
});
