import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildAtomFeed, buildOpml, dateToTimestamp, sortForFeed, summarize, type FeedPaper } from '../../../src/lib/site/feed.ts';

const options = {
  title: 'Research Atlas',
  subtitle: 'Newest papers',
  feedUrl: 'https://example.org/atlas/feed.xml',
  homeUrl: 'https://example.org/atlas/',
  paperUrl: (slug: string) => `https://example.org/atlas/papers/${slug}/`,
  fallbackDate: '2025-03-04',
  limit: 50,
};

function paper(order: number, fields: Partial<FeedPaper> = {}): FeedPaper {
  return { slug: `p${order}`, title: `Paper ${order}`, abstract: `Abstract ${order}`, authors: [], categories: [], order, ...fields };
}

function entryIds(xml: string): string[] {
  const feed = new XMLParser({ isArray: (name) => name === 'entry' }).parse(xml).feed;
  return (feed.entry ?? []).map((entry: { id: string }) => entry.id.replace(/.*\/papers\/(.*)\//, '$1'));
}

test('dateToTimestamp pads year and month dates to midnight UTC', () => {
  assert.equal(dateToTimestamp('2024'), '2024-01-01T00:00:00Z');
  assert.equal(dateToTimestamp('2024-05'), '2024-05-01T00:00:00Z');
  assert.equal(dateToTimestamp('2024-05-09'), '2024-05-09T00:00:00Z');
});

test('sortForFeed puts dated papers newest first and undated ones after in source order', () => {
  const sorted = sortForFeed([paper(0), paper(1, { date: '2020' }), paper(2, { date: '2024-02' }), paper(3), paper(4, { date: '2024-02-01' })]);
  assert.deepEqual(
    sorted.map((p) => p.order),
    [2, 4, 1, 0, 3],
  );
});

test('a feed of undated papers keeps source order and uses the fallback date', () => {
  const xml = buildAtomFeed([paper(2), paper(0), paper(1)], options);
  assert.deepEqual(entryIds(xml), ['p0', 'p1', 'p2']);
  assert.match(xml, /<updated>2025-03-04T00:00:00Z<\/updated>/);
});

test('the feed is valid XML with hostile titles, abstracts and author names escaped', () => {
  const hostile = paper(0, {
    title: '</title><script>alert(1)</script> & "quotes"',
    abstract: 'x < y && y > z ]]> \u0007bell',
    authors: ['Eve <b>Attacker</b>'],
    categories: ['cs.AI"'],
  });
  const xml = buildAtomFeed([hostile], options);
  assert.equal(XMLValidator.validate(xml), true);
  assert.ok(!xml.includes('<script>'));
  assert.ok(!xml.includes('\u0007'));
  const entry = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true }).parse(xml).feed.entry;
  assert.equal(entry.title, '</title><script>alert(1)</script> & "quotes"');
  assert.equal(entry.author.name, 'Eve <b>Attacker</b>');
});

test('the feed holds at most limit entries, newest first', () => {
  const papers = Array.from({ length: 10 }, (_, index) => paper(index, { date: `20${String(10 + index)}-01-01` }));
  const xml = buildAtomFeed(papers, { ...options, limit: 3 });
  assert.deepEqual(entryIds(xml), ['p9', 'p8', 'p7']);
  assert.match(xml, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">\n  <title>Research Atlas<\/title>/);
  assert.match(xml, /<\/title>\n  <subtitle>Newest papers<\/subtitle>/);
  assert.match(xml, /  <updated>2019-01-01T00:00:00Z<\/updated>\n/);
});

test('each entry has a link, id, updated date, authors, categories and a summary', () => {
  const xml = buildAtomFeed([paper(0, { authors: ['Ada Lovelace', 'Alan Turing'], categories: ['cs.LG'], date: '2023-07' })], options);
  assert.ok(xml.includes('<link href="https://example.org/atlas/papers/p0/"/>'));
  assert.ok(xml.includes('<id>https://example.org/atlas/papers/p0/</id>'));
  assert.ok(xml.includes('<published>2023-07-01T00:00:00Z</published>'));
  assert.ok(xml.includes('<author><name>Ada Lovelace</name></author><author><name>Alan Turing</name></author>'));
  assert.ok(xml.includes('<category term="cs.LG"/>'));
  assert.ok(xml.includes('<summary>Abstract 0</summary>'));
  // Atom's defaults (a link is rel="alternate", a text construct type="text") are what a parser reads.
  const entry = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'entry' }).parse(xml).feed.entry[0];
  assert.equal(entry.link.rel, undefined);
  assert.equal(entry.title, 'Paper 0');
  assert.equal(XMLValidator.validate(xml), true);
});

test('long abstracts are cut at a word for the summary', () => {
  const xml = buildAtomFeed([paper(0, { abstract: 'word '.repeat(400) })], options);
  const summary = /<summary>(.*)<\/summary>/.exec(xml)?.[1] ?? '';
  assert.ok(summary.length <= 401 && summary.length > 390, String(summary.length));
  assert.ok(summary.endsWith('word…'));
});

test('a summary ends at the last sentence end past 250 characters when there is one, not at "e.g."', () => {
  const first = `We study graphs. ${'Graphs are studied here at length. '.repeat(6)}`.trim(); // 227 characters
  const abstract = `${first} Then e.g. trees follow and we show that every tree is a graph with a bound. ${'More words follow here. '.repeat(20)}`;
  const summary = summarize(abstract);
  assert.ok(summary.length <= 402, String(summary.length));
  assert.match(summary, /\. …$/);
  assert.doesNotMatch(summary, /e\.g\. …$/);
  assert.ok(summary.startsWith(first));
  assert.equal(summarize('Short abstract.'), 'Short abstract.');
  // No sentence end past 250: cut at a word.
  assert.match(summarize(`A${' long'.repeat(120)}`), /long…$/);
});

test('the same papers give the same bytes', () => {
  const papers = [paper(0, { date: '2021' }), paper(1)];
  assert.equal(buildAtomFeed(papers, options), buildAtomFeed([...papers].reverse(), options));
});

test('the OPML list names every feed with its page, escaped, in the order given', () => {
  const opml = buildOpml('Research Atlas: topic feeds', '2025-03-04', [
    { title: 'Research Atlas: graphs & <networks>', feedUrl: 'https://example.org/topics/graphs/feed.xml', pageUrl: 'https://example.org/topics/graphs/' },
    { title: 'Research Atlas: "quotes"', feedUrl: 'https://example.org/topics/quotes/feed.xml', pageUrl: 'https://example.org/topics/quotes/' },
  ]);
  assert.equal(XMLValidator.validate(opml), true);
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'outline' }).parse(opml).opml;
  assert.equal(parsed.version, '2.0');
  assert.equal(parsed.head.title, 'Research Atlas: topic feeds');
  assert.equal(parsed.head.dateCreated, 'Tue, 04 Mar 2025 00:00:00 GMT');
  const outlines = parsed.body.outline as Array<Record<string, string>>;
  assert.equal(outlines.length, 2);
  assert.deepEqual(outlines.map((outline) => outline['xmlUrl']), ['https://example.org/topics/graphs/feed.xml', 'https://example.org/topics/quotes/feed.xml']);
  assert.equal(outlines[0]?.['text'], 'Research Atlas: graphs & <networks>');
  assert.ok(!opml.includes('<networks>'), 'a title cannot add markup');
  assert.equal(outlines[1]?.['type'], 'rss');
  assert.equal(outlines[1]?.['htmlUrl'], 'https://example.org/topics/quotes/');
});
