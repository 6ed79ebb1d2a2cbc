/**
 * Every function that sees input text must take time linear in its length: a regex that backtracks, or a loop that
 * rescans, turns a 1 MB hostile file into a build that never ends. Each function gets adversarial inputs (long runs
 * of spaces, line breaks, brackets, punctuation, unclosed tags, quotes, TeX accents) at 128 kB and at 1 MB, behind
 * a prefix that puts it in the state where the run hurts (inside a URL, an entry, a tag). Linear code takes about
 * 8× longer on the 8× input; quadratic code about 64×. The bound is generous (24×, or under 150 ms for the 1 MB
 * run) so a busy machine does not fail it, while a super-linear function still does by a wide margin. A pair past
 * that bound is judged on one more step of the size sweep, 1 MB against 2 MB: on a busy machine the 128 kB run can sit
 * in the processor's cache while the 1 MB run cannot (fast-xml-parser's validator measured 2.7 ms at 128 kB, 219 ms at
 * 1 MB and 464 ms at 2 MB), and a doubling of at most 3.3× is linear, where quadratic code takes 4× at every step.
 * Times are CPU time, not wall-clock time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBibtex } from '../../../src/lib/ingest/bibtex.ts';
import { parseDelimited, parseMappingPairs } from '../../../src/lib/ingest/csv.ts';
import { parseJson, parseJsonLines } from '../../../src/lib/ingest/json.ts';
import { parseArxivAtom } from '../../../src/lib/ingest/arxiv-atom.ts';
import { parseArxivOai } from '../../../src/lib/ingest/arxiv-oai.ts';
import { parseMarkdown } from '../../../src/lib/ingest/markdown.ts';
import { parseTrending } from '../../../src/lib/ingest/trending.ts';
import { pickSourceFormat } from '../../../src/lib/ingest/index.ts';
import { cleanAbstract, cleanTitle } from '../../../src/lib/ingest/clean-text.ts';
import { decodeSourceBytes } from '../../../src/lib/ingest/decode.ts';
import { boundRecordFields, cleanDisplayText } from '../../../src/lib/ingest/limits.ts';
import { documentProblem, maskNonMarkup, sliceXmlRecords } from '../../../src/lib/ingest/xml-records.ts';
import { arxivIdFromText, httpUrl, lineLocator, normaliseDate, normaliseDoi, splitAuthors, splitLabels } from '../../../src/lib/ingest/record-fields.ts';
import { quoteForTerminal } from '../../../src/lib/ingest/report.ts';
import { abstractToParagraphs, splitLinks } from '../../../src/lib/site/abstract.ts';
import { slugifyTitle } from '../../../src/lib/ingest/slug.ts';
import { toBibtex, toPlainCitation } from '../../../src/lib/site/cite.ts';
import { foldForMatch, truncateAtWord } from '../../../src/lib/site/paper-list.ts';
import { authorNameKey } from '../../../src/lib/site/authors.ts';
import { categoryIndex, categoryKey } from '../../../src/lib/site/categories.ts';
import { tokenize, normalizeText } from '../../../src/lib/topics/tokenize.ts';
import { findAbbreviations } from '../../../src/lib/topics/abbreviations.ts';
import { tokenize as searchTokenize, wordSpans } from '../../../src/lib/search/options.ts';
import { makeSnippet } from '../../../src/lib/search/highlight.ts';
import { normalizeWords } from '../../../src/lib/map/title-match.ts';

/** Runs that make regexes and scanners backtrack or rescan. */
const RUNS: Readonly<Record<string, string>> = {
  spaces: ' ',
  newlines: '\n',
  'lone CRs': '\r',
  CRLFs: '\r\n',
  'tabs and blank lines': '\t\n',
  'closing parens': ')',
  'closing brackets': ']',
  'closing braces': '}',
  'opening braces': '{',
  'opening parens': '(',
  punctuation: '.,;:!?*',
  'double quotes': '"',
  'single quotes': "'",
  'unclosed tags': '<entry ',
  'unclosed records': '<record>',
  'unclosed OAI errors': '<error code="',
  'unclosed resumption tokens': '<resumptionToken ',
  'unclosed comments': '<!-- ',
  'TeX accents': '\\" ',
  'braced TeX accents': '\\"{ ',
  backslashes: '\\',
  dollars: '$ ',
  '@string starts': '@string{a = ',
  'mapping pairs': 'a= ,',
  'combining marks': 'a\u0301\u0301\u0301\u0301\u0301\u0301',
  'zero-width spaces': '\u200b',
  hyphens: '-',
  'URL dots': 'https://x.org/a.',
  'and separators': ' and ',
};

/** Prefixes that put a parser in the state where a run hurts most. */
const PREFIXES = {
  plain: '',
  url: 'see https://example.org/a',
  accent: 'T\\"',
  atom: '<feed xmlns="http://www.w3.org/2005/Atom">\n<entry><title>',
  oai: '<OAI-PMH>\n<ListRecords>\n',
  bibtex: '@article{k,\n title = {',
  csv: 'title,abstract\n"',
  mapping: '# atlas: title=',
  markdown: '---\ntitle: x\n---\n',
  json: '{"papers": [{"title": "',
} as const;

type Prefix = keyof typeof PREFIXES;

const fields = (text: string) => ({ title: text, abstract: text, authors: [text], venue: text, date: text, url: text });

/** Every input-facing function, with the prefixes relevant to it. */
const FUNCTIONS: readonly [string, (text: string) => unknown, readonly Prefix[]][] = [
  ['decodeSourceBytes', (text) => decodeSourceBytes(new TextEncoder().encode(text)), ['plain']],
  ['pickSourceFormat (.xml)', (text) => pickSourceFormat('x.xml', text), ['plain', 'atom', 'oai']],
  ['pickSourceFormat (.txt)', (text) => pickSourceFormat('x.txt', text), ['plain']],
  ['parseBibtex', (text) => parseBibtex(text), ['plain', 'bibtex']],
  ['parseDelimited', (text) => parseDelimited(text, ','), ['csv', 'mapping']],
  ['parseMappingPairs', parseMappingPairs, ['plain', 'mapping']],
  ['parseJson', parseJson, ['plain', 'json']],
  ['parseJsonLines', parseJsonLines, ['plain', 'json']],
  ['parseArxivAtom', parseArxivAtom, ['atom']],
  ['parseArxivOai', parseArxivOai, ['oai']],
  ['parseMarkdown', (text) => parseMarkdown(text, 'x.md'), ['markdown']],
  ['parseTrending', (text) => parseTrending(text, 'x.txt'), ['plain', 'url']],
  ['documentProblem', documentProblem, ['atom']],
  ['sliceXmlRecords', (text) => sliceXmlRecords(text, 'entry'), ['atom']],
  ['maskNonMarkup', maskNonMarkup, ['atom']],
  ['cleanTitle', cleanTitle, ['plain', 'accent']],
  ['cleanAbstract', cleanAbstract, ['plain', 'accent']],
  ['cleanDisplayText', cleanDisplayText, ['plain']],
  ['boundRecordFields', (text) => boundRecordFields(fields(text), 1), ['plain']],
  ['record fields', (text) => [arxivIdFromText(text), normaliseDoi(text), httpUrl(text), normaliseDate(text), splitAuthors(text), splitLabels(text), lineLocator(text)(text.length)], ['plain', 'url']],
  ['quoteForTerminal', quoteForTerminal, ['plain']],
  ['abstractToParagraphs', abstractToParagraphs, ['plain']],
  ['splitLinks', splitLinks, ['url']],
  ['slugifyTitle', slugifyTitle, ['plain']],
  ['toBibtex', (text) => toBibtex({ slug: 'a', title: text, authors: [text], doi: text, url: text, venue: text }, 'https://x.org/'), ['plain']],
  ['toPlainCitation', (text) => toPlainCitation({ slug: 'a', title: text, authors: [text] }, 'https://x.org/'), ['plain']],
  ['paper list text', (text) => [foldForMatch(text), truncateAtWord(text, 200), authorNameKey(text)], ['plain']],
  ['category keys', (text) => [categoryKey(text), categoryIndex([[text, `${text}s`], [text]]).options], ['plain', 'accent']],
  ['topic tokenize', (text) => [tokenize(text), normalizeText(text)], ['plain', 'accent']],
  ['findAbbreviations', (text) => findAbbreviations([text]), ['plain']],
  ['search tokenizer', (text) => [searchTokenize(text), wordSpans(text)], ['plain']],
  ['makeSnippet', (text) => makeSnippet(text, new Set(['a', 'x']), 200), ['plain']],
  ['normalizeWords', normalizeWords, ['plain']],
];

const SMALL = 128 * 1024;
const LARGE = 1024 * 1024;
const MAX_RATIO = 24;
const ALWAYS_FAST_MS = 150;
const SMALL_INPUT_LIMIT_MS = 1000;
/** The largest step of the sweep and the most a doubling of a linear function may cost (quadratic: 4×). */
const LARGER = 2 * LARGE;
const MAX_DOUBLING = 3.3;

function adversarial(prefix: string, run: string, size: number): string {
  return `${prefix}${run.repeat(Math.ceil(size / run.length))}x`;
}

/**
 * CPU milliseconds the process spent on `body`: unlike the wall clock, it does not grow while other processes hold
 * the CPU, so the ratio stays meaningful on a busy CI machine.
 */
function millisecondsFor(body: () => unknown): number {
  const start = process.cpuUsage();
  try {
    body();
  } catch {
    // A parser may refuse the input; only its time matters here.
  }
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / 1000;
}

/** The adversarial pairs on which `run` looks super-linear, each described for the failure message. */
function superLinearPairs(
  run: (input: string) => unknown,
  prefixes: readonly Prefix[],
  runs: Readonly<Record<string, string>> = RUNS,
): { measured: number; slow: string[] } {
  const slow: string[] = [];
  let measured = 0;
  for (const prefix of prefixes) {
    for (const [runName, unit] of Object.entries(runs)) {
      const small = adversarial(PREFIXES[prefix], unit, SMALL);
      const large = adversarial(PREFIXES[prefix], unit, LARGE);
      // Best of two for the small input, so a pause there cannot make the ratio look worse than it is; a pair that
      // looks super-linear is measured twice more (the machine may be busy) and judged on the best times.
      let smallMs = Math.min(millisecondsFor(() => run(small)), millisecondsFor(() => run(small)));
      measured += 1;
      // Linear code handles 128 kB in milliseconds. Past a second it is already broken, and the 1 MB run of a
      // quadratic function would take 64 times as long: fail now instead of hanging.
      if (smallMs > SMALL_INPUT_LIMIT_MS) {
        slow.push(`${prefix} prefix + ${runName}: ${smallMs.toFixed(1)} ms at 128 kB already`);
        continue;
      }
      let largeMs = millisecondsFor(() => run(large));
      if (largeMs > ALWAYS_FAST_MS && largeMs > MAX_RATIO * smallMs) {
        smallMs = Math.min(smallMs, millisecondsFor(() => run(small)), millisecondsFor(() => run(small)));
        largeMs = Math.min(largeMs, millisecondsFor(() => run(large)), millisecondsFor(() => run(large)));
      }
      if (largeMs > ALWAYS_FAST_MS && largeMs > MAX_RATIO * smallMs) {
        const larger = adversarial(PREFIXES[prefix], unit, LARGER);
        const largerMs = Math.min(millisecondsFor(() => run(larger)), millisecondsFor(() => run(larger)));
        if (largerMs <= MAX_DOUBLING * largeMs) continue;
        slow.push(
          `${prefix} prefix + ${runName}: ${smallMs.toFixed(1)} ms at 128 kB, ${largeMs.toFixed(1)} ms at 1 MB, ` +
            `${largerMs.toFixed(1)} ms at 2 MB`,
        );
      }
    }
  }
  return { measured, slow };
}

test('the size sweep flags a quadratic function', { timeout: 600_000 }, () => {
  // From every 2,048th character, walk to the closing "x" at the very end: n/2,048 scans of n characters.
  const quadratic = (input: string): number => {
    let steps = 0;
    for (let from = 0; from < input.length; from += 2048) {
      for (let at = from; at < input.length && input.charCodeAt(at) !== 120; at += 1) steps += 1;
    }
    return steps;
  };
  const [first] = Object.keys(PREFIXES) as Prefix[];
  assert.ok(first !== undefined);
  const { measured, slow } = superLinearPairs(quadratic, [first], { 'closing brackets': ']' });
  assert.ok(measured > 0);
  assert.equal(slow.length, measured, `every pair should look quadratic, flagged: ${slow.join('; ')}`);
});

for (const [name, run, prefixes] of FUNCTIONS) {
  test(`${name} takes time linear in its input on 1 MB adversarial strings`, { timeout: 600_000 }, () => {
    const { measured, slow } = superLinearPairs(run, prefixes);
    assert.ok(measured > 0);
    assert.deepEqual(slow, []);
  });
}
