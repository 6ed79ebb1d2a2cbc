import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLValidator } from 'fast-xml-parser';
import {
  buildRobotsTxt,
  buildSitemapIndexXml,
  buildSitemapXml,
  chunkSitemapUrls,
  indexablePagePaths,
  isNoindexHtml,
  mayBeNoindex,
  sitemapFiles,
} from '../../../src/lib/site/sitemap.ts';
import { absoluteUrl, escapeXml } from '../../../src/lib/site/xml.ts';

test('indexablePagePaths keeps directory pages as sorted site paths and drops error pages and data files', () => {
  assert.deepEqual(indexablePagePaths(['papers/b/', '', 'papers/a/', '404/', '500/', 'feed.xml', 'search-index/manifest.json', 'topics/', 'papers/a/']), [
    '/',
    '/papers/a/',
    '/papers/b/',
    '/topics/',
  ]);
});

test('a moved topic’s redirect page (noindex) is left out of the sitemap', () => {
  assert.deepEqual(indexablePagePaths(['topics/', 'topics/live/', 'topics/old/'], new Set(['/topics/old/'])), ['/topics/', '/topics/live/']);
  assert.ok(mayBeNoindex('topics/old/'));
  assert.ok(!mayBeNoindex('topics/') && !mayBeNoindex('papers/x/') && !mayBeNoindex('topics/a/feed.xml'));
  assert.ok(isNoindexHtml('<head><meta name="robots" content="noindex"><link rel="canonical" href="/topics/new/"></head>'));
  assert.ok(isNoindexHtml('<meta content="x" name="robots" content="noindex, follow">'));
  assert.ok(!isNoindexHtml('<meta name="description" content="noindex is a word"><meta name="robots" content="index">'));
});

test('sitemapFiles writes one urlset while the pages fit in one file', () => {
  const files = sitemapFiles(['/', '/papers/a/'], 'https://example.org', '/atlas/');
  assert.deepEqual(
    files.map((file) => file.name),
    ['sitemap.xml'],
  );
  assert.ok(files[0]!.xml.includes('<url><loc>https://example.org/atlas/papers/a/</loc></url>'));
});

test('sitemapFiles writes an index and numbered files past the limit', () => {
  const files = sitemapFiles(['/', '/a/', '/b/'], 'https://example.org', '/', 2);
  assert.deepEqual(
    files.map((file) => file.name),
    ['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml'],
  );
  assert.ok(files[0]!.xml.includes('<sitemap><loc>https://example.org/sitemap-2.xml</loc></sitemap>'));
  assert.ok(files[2]!.xml.includes('<loc>https://example.org/b/</loc>'));
  for (const file of files) assert.equal(XMLValidator.validate(file.xml), true);
});

test('chunkSitemapUrls splits at the limit and never returns zero files', () => {
  assert.deepEqual(chunkSitemapUrls(['a', 'b', 'c'], 2), [['a', 'b'], ['c']]);
  assert.deepEqual(chunkSitemapUrls([], 2), [[]]);
  assert.equal(chunkSitemapUrls(Array.from({ length: 100_001 }, (_, i) => String(i))).length, 3);
});

test('buildSitemapXml writes one escaped loc per URL in a valid urlset', () => {
  const xml = buildSitemapXml(['https://example.org/', 'https://example.org/search/?q=a&b']);
  assert.equal(XMLValidator.validate(xml), true);
  assert.equal(
    xml,
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
      '<url><loc>https://example.org/</loc></url>\n<url><loc>https://example.org/search/?q=a&amp;b</loc></url>\n</urlset>\n',
  );
});

test('buildSitemapIndexXml lists sitemap files in a valid sitemapindex', () => {
  const xml = buildSitemapIndexXml(['https://example.org/sitemap-1.xml', 'https://example.org/sitemap-2.xml']);
  assert.equal(XMLValidator.validate(xml), true);
  assert.match(xml, /<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">\n<sitemap><loc>https:\/\/example.org\/sitemap-1.xml<\/loc><\/sitemap>\n/);
});

test('buildRobotsTxt allows everything and names the sitemap', () => {
  assert.equal(buildRobotsTxt('https://example.org/my-atlas/sitemap.xml'), 'User-agent: *\nAllow: /\n\nSitemap: https://example.org/my-atlas/sitemap.xml\n');
});

test('absoluteUrl puts the base path between the origin and the page path', () => {
  assert.equal(absoluteUrl('https://example.org', '/my-atlas/', '/papers/x/'), 'https://example.org/my-atlas/papers/x/');
  assert.equal(absoluteUrl(new URL('https://example.org/'), '/', '/'), 'https://example.org/');
  assert.equal(absoluteUrl('https://example.org', '/my-atlas', 'feed.xml'), 'https://example.org/my-atlas/feed.xml');
});

test('escapeXml escapes markup characters and drops characters XML cannot hold', () => {
  assert.equal(escapeXml(`<a href="x">'&'</a>\u0000\u001F\uFFFF\uD800`), '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  assert.equal(escapeXml('tab\tnewline\n😀'), 'tab\tnewline\n😀');
});
