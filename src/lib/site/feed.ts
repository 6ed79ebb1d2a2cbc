import { compareCodeUnits } from '../text/compare.ts';
import { escapeXml } from './xml.ts';
import { texToPlain } from '../tex/plain.ts';

/** What the feed needs of a paper (a subset of `SluggedPaper`). */
export interface FeedPaper {
  slug: string;
  title: string;
  abstract: string;
  authors: readonly string[];
  /** ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date?: string | undefined;
  categories: readonly string[];
  /** Position in source order, from 0. */
  order: number;
}

export interface AtomFeedOptions {
  /** Feed title, e.g. `Research Atlas`. */
  title: string;
  /** One-line subtitle. */
  subtitle: string;
  /** Absolute URL of the feed itself (`rel="self"` and the feed id). */
  feedUrl: string;
  /** Absolute URL of the site's home page. */
  homeUrl: string;
  /** Absolute URL of a paper page, from its slug. */
  paperUrl: (slug: string) => string;
  /** `YYYY-MM-DD` used as `<updated>` when no paper has a date: the build date, so the bytes stay reproducible. */
  fallbackDate: string;
  /** Most entries to include; feed readers only show the newest, and 100k full entries would be ~100 MB. */
  limit: number;
}

/**
 * Entries per feed (the site's and each topic's): readers show the newest few dozen, and a feed of every paper would
 * be megabytes at 100k papers.
 */
export const FEED_ENTRIES = 50;

/**
 * Feed readers show a summary, not the abstract: their list and card views two or three lines (~200 characters),
 * their article view the whole summary with the link to the paper page, which has the abstract. 400 characters
 * (the first two or three sentences of a typical 1 kB abstract) cut at a sentence end where one falls past 250,
 * else at a word: a topic feed of 50 entries is then ~35 kB, where 600 made it 49 kB (346 feeds at 102,538 papers).
 */
const SUMMARY_CHARS = 400;
/** A sentence end past this is where a summary is cut, rather than mid-sentence at a word. */
const SUMMARY_MIN_SENTENCE_CHARS = 250;

/**
 * An ISO date of 4, 7 or 10 characters as an RFC 3339 timestamp at midnight UTC (Atom needs full timestamps).
 * @example dateToTimestamp('2024-05') // => '2024-05-01T00:00:00Z'
 */
export function dateToTimestamp(date: string): string {
  const full = date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
  return `${full}T00:00:00Z`;
}

/**
 * Papers in feed order: dated papers newest first, then undated ones; ties (and undated papers) in source order.
 * @example sortForFeed([{ order: 0, date: '2020' }, { order: 1, date: '2024-02' }, { order: 2 }]).map((p) => p.order) // => [1, 0, 2]
 */
export function sortForFeed<T extends Pick<FeedPaper, 'date' | 'order'>>(papers: readonly T[]): T[] {
  return [...papers].sort((a, b) => {
    if (a.date && b.date) {
      const byDate = compareCodeUnits(dateToTimestamp(b.date), dateToTimestamp(a.date));
      if (byDate !== 0) return byDate;
    } else if (a.date || b.date) {
      return a.date ? -1 : 1;
    }
    return a.order - b.order;
  });
}

/**
 * An abstract as a feed summary: plain text (TeX as text), at most `SUMMARY_CHARS` characters and an ellipsis,
 * cut after the last sentence that ends past `SUMMARY_MIN_SENTENCE_CHARS`, else at the last word.
 * @example summarize('First sentence. '.repeat(40)) // => 'First sentence. First sentence. … First sentence. …' (25 whole sentences, 401 characters)
 */
export function summarize(abstract: string): string {
  const clean = texToPlain(abstract).replace(/\s+/g, ' ').trim();
  if (clean.length <= SUMMARY_CHARS) return clean;
  const cut = clean.slice(0, SUMMARY_CHARS + 1);
  // A sentence ends at '.', '!' or '?' before a space and a capital or digit ("e.g. the" is no end).
  const sentenceEnds = [...cut.matchAll(/[.!?](?= [\p{Lu}\d])/gu)].map((match) => (match.index ?? 0) + 1);
  const sentenceEnd = sentenceEnds.filter((end) => end >= SUMMARY_MIN_SENTENCE_CHARS && end <= SUMMARY_CHARS).at(-1);
  if (sentenceEnd !== undefined) return `${cut.slice(0, sentenceEnd)} …`;
  const space = cut.lastIndexOf(' ', SUMMARY_CHARS);
  return `${space > SUMMARY_CHARS / 2 ? cut.slice(0, space) : cut.slice(0, SUMMARY_CHARS)}…`;
}

/**
 * An Atom 1.0 feed (RFC 4287) of the newest papers. Every text is escaped, so untrusted titles cannot add markup.
 * `<updated>` of an undated paper is the newest dated paper's date, else `fallbackDate`.
 * @example buildAtomFeed([{ slug: 'a', title: 'A & B', abstract: 'Text', authors: ['Ada'], date: '2024-01-02', categories: [], order: 0 }],
 *   { title: 'Atlas', subtitle: 'Papers', feedUrl: 'https://x.org/feed.xml', homeUrl: 'https://x.org/',
 *     paperUrl: (slug) => `https://x.org/papers/${slug}/`, fallbackDate: '2025-01-01', limit: 50 })
 * // => '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">…<title>A &amp; B</title>…</feed>\n'
 */
export function buildAtomFeed(papers: readonly FeedPaper[], options: AtomFeedOptions): string {
  const entries = sortForFeed(papers).slice(0, Math.max(0, options.limit));
  const newestDate = entries.find((paper) => paper.date)?.date;
  const feedUpdated = dateToTimestamp(newestDate ?? options.fallbackDate);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${escapeXml(options.title)}</title>`,
    `  <subtitle>${escapeXml(options.subtitle)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(options.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(options.homeUrl)}"/>`,
    `  <id>${escapeXml(options.feedUrl)}</id>`,
    `  <updated>${feedUpdated}</updated>`,
    // Atom requires an author on the feed or on every entry; papers without authors inherit this one.
    `  <author><name>${escapeXml(options.title)}</name></author>`,
    '  <generator>Research Atlas</generator>',
  ];
  // One line an entry, and Atom's defaults left unsaid (RFC 4287: a link is rel="alternate", a title or summary
  // type="text"): the same entry for a reader, 15 % fewer bytes.
  for (const paper of entries) {
    const url = escapeXml(options.paperUrl(paper.slug));
    const updated = paper.date ? dateToTimestamp(paper.date) : feedUpdated;
    const parts = [`<title>${escapeXml(texToPlain(paper.title))}</title>`, `<link href="${url}"/>`, `<id>${url}</id>`];
    if (paper.date) parts.push(`<published>${updated}</published>`);
    parts.push(`<updated>${updated}</updated>`);
    for (const author of paper.authors) parts.push(`<author><name>${escapeXml(author)}</name></author>`);
    for (const category of paper.categories) parts.push(`<category term="${escapeXml(category)}"/>`);
    if (paper.abstract.trim() !== '') parts.push(`<summary>${escapeXml(summarize(paper.abstract))}</summary>`);
    lines.push(`  <entry>${parts.join('')}</entry>`);
  }
  lines.push('</feed>');
  return `${lines.join('\n')}\n`;
}

/** One feed of an OPML subscription list. */
export interface OpmlFeed {
  /** What a feed reader shows for the subscription. */
  title: string;
  /** Absolute URL of the Atom feed. */
  feedUrl: string;
  /** Absolute URL of the page the feed belongs to. */
  pageUrl: string;
}

/**
 * An OPML 2.0 subscription list of feeds (the file feed readers import to subscribe to many feeds at once), every text
 * escaped. `dateCreated` is a `YYYY-MM-DD` date (the build date, so the same build gives the same bytes).
 * @example buildOpml('Research Atlas: topic feeds', '2025-01-02', [{ title: 'Topic A & B', feedUrl: 'https://x.org/topics/a/feed.xml', pageUrl: 'https://x.org/topics/a/' }])
 * // => '<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0">…<outline type="rss" text="Topic A &amp; B" title="Topic A &amp; B" xmlUrl="https://x.org/topics/a/feed.xml" htmlUrl="https://x.org/topics/a/"/>…</opml>\n'
 */
export function buildOpml(title: string, dateCreated: string, feeds: readonly OpmlFeed[]): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml(title)}</title>`,
    `    <dateCreated>${new Date(`${dateCreated}T00:00:00Z`).toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    // OPML 2.0 names every syndication feed type="rss", Atom included: that is what readers look for.
    ...feeds.map((feed) => `    <outline type="rss" text="${escapeXml(feed.title)}" title="${escapeXml(feed.title)}" xmlUrl="${escapeXml(feed.feedUrl)}" htmlUrl="${escapeXml(feed.pageUrl)}"/>`),
    '  </body>',
    '</opml>',
  ];
  return `${lines.join('\n')}\n`;
}
