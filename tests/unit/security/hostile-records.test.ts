import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ingestSourceFiles, type IngestResult } from '../../../src/lib/ingest/ingest.ts';
import { decodeSourceBytes } from '../../../src/lib/ingest/decode.ts';
import { parseBibtex } from '../../../src/lib/ingest/bibtex.ts';
import { MAX_ABSTRACT_CHARS, MAX_AUTHORS, MAX_MARKS_PER_CHAR, MAX_TITLE_CHARS, boundRecordFields, cleanDisplayText } from '../../../src/lib/ingest/limits.ts';
import { formatIngestReport } from '../../../src/lib/ingest/report.ts';
import { toBibtex } from '../../../src/lib/site/cite.ts';
import { scholarlyArticleJsonLd } from '../../../src/lib/site/json-ld.ts';
import { MAX_ROW_AUTHORS, toPaperListItems } from '../../../src/lib/site/paper-list.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/hostile-classes/', import.meta.url));

function ingestFixtures(...names: string[]): IngestResult {
  return ingestSourceFiles(names.map((name) => ({ path: name, bytes: new Uint8Array(readFileSync(`${FIXTURES}${name}`)) })));
}

function ingestText(path: string, text: string): IngestResult {
  return ingestSourceFiles([{ path, bytes: new TextEncoder().encode(text) }]);
}

function titlesOf(result: IngestResult): string[] {
  const titles = result.papers.map((paper) => paper.title);
  assert.ok(titles.length > 0, 'expected at least one paper');
  return titles;
}

test('entries inside XML comments and CDATA are never published, in Atom and in OAI-PMH', () => {
  const titles = titlesOf(ingestFixtures('commented.xml', 'oai/commented-oai.xml'));
  assert.deepEqual(titles, ['Visible Atom Entry About Graph Sparsifiers', 'Visible OAI Record on Sparse Recovery']);
});

test('entries inside BibTeX @comment{} and @preamble{} are never published; an unclosed @comment hides the rest with a warning', () => {
  assert.deepEqual(titlesOf(ingestFixtures('commented.bib')), ['Citation Breakout Attempt in Sparse Transformers', 'A Paper Whose Link Is Not on the Web']);
  const unclosed = parseBibtex('@misc{a, title = {Kept}}\n@comment{ forgot to close\n@article{b, title = {Hidden}}\n');
  assert.equal(unclosed.records.length, 1);
  assert.match(unclosed.problems[0]?.message ?? '', /never closed: the rest of the file \(1 more @ lines\) is read as part of it/);
});

test('a doubling @string chain costs only the entry that uses it, named with its line; the next entry loads', () => {
  const { papers, report } = ingestFixtures('doubling.bib');
  assert.deepEqual(papers.map((paper) => paper.title), ['Macro Bomb Survivor on Robust Estimation']);
  assert.deepEqual(report.files[0]?.rejected, [{ line: 24, reason: 'cannot read @article{bomb: Unresolved @string reference "d40"' }]);
  assert.match(formatIngestReport(report), /doubling\.bib:17: @string ignored: "d16" expands to more than 100000 characters \(warning\)/);
  // A chain of 60 doublings, each defined from the last, and an entry repeating a large macro: bounded, no stack overflow.
  let chain = '@string{m0 = "ab"}\n';
  for (let step = 1; step <= 60; step += 1) chain += `@string{m${step} = m${step - 1} # m${step - 1}}\n`;
  chain += `@misc{wide, title = ${Array.from({ length: 40 }, () => 'm15').join(' # ')}}\n@misc{fine, title = {Fine}}\n`;
  const parsed = parseBibtex(chain);
  assert.deepEqual(parsed.records.map((record) => ('fields' in record ? record.fields.title : record.rejected)), [
    '@misc{wide: its @string macros would add more than 1000000 characters',
    'Fine',
  ]);
});

test('10,000 @string definitions load, and entries see the macros they use', () => {
  let text = '';
  for (let index = 0; index < 10000; index += 1) text += `@string{m${index} = "Macro ${index}"}\n`;
  text += '@article{k, title = m9999 # " and " # m3}\n';
  const { records, problems } = parseBibtex(text);
  assert.deepEqual(problems, []);
  assert.deepEqual(records.map((record) => ('fields' in record ? record.fields.title : record.rejected)), ['Macro 9999 and Macro 3']);
});

test('the copied BibTeX citation escapes every field: no value can close its field or run a command', () => {
  const [paper] = ingestFixtures('commented.bib').papers;
  assert.ok(paper !== undefined);
  const bibtex = toBibtex(paper, 'https://atlas.example/papers/x/');
  assert.doesNotMatch(bibtex, /\},author=\{|\\input\{/);
  assert.match(bibtex, /^ {2}doi = \{10\.1234\/x%5C%7D,author=%5C%7BEvil%5C%7D\},$/m);
  const hostile = toBibtex({ slug: 's', title: 'T}, note={\\input{/etc/passwd}', authors: ['Ann and Bob', 'Eve } {'], url: 'https://x.org/}\n@misc{', venue: '~^#' }, 'p');
  const body = hostile.split('\n').slice(1, -1);
  assert.ok(body.length > 0);
  // Every field line has balanced braces once escapes are removed: nothing can leave its own field.
  for (const line of body) {
    const unescaped = line.replace(/\\[{}]/g, '');
    assert.equal((unescaped.match(/\{/g) ?? []).length, (unescaped.match(/\}/g) ?? []).length, line);
  }
  assert.match(hostile, /author = \{\{Ann and Bob\} and /);
});

test('a duplicated wrapper key in JSON is reported and the records of both are kept, on their own lines', () => {
  const { papers, report } = ingestFixtures('wrapped.json');
  assert.deepEqual(papers.map((paper) => [paper.title, paper.source.line]), [
    ['First Wrapper Paper on Diffusion Samplers', 3],
    ['Second Wrapper Paper on Token Pruning', 4],
    ['Third Wrapper Paper on Retrieval Heads', 8],
  ]);
  assert.match(formatIngestReport(report), /wrapped\.json:7: key "papers" appears 2 times \(lines 2, 7\): the records of every one are read \(warning\)/);
});

test('non-web URLs warn in every format (CSV, JSON, BibTeX, Atom), naming the line', () => {
  const text = formatIngestReport(ingestFixtures('lone-cr.csv', 'wrapped.json', 'commented.bib', 'commented.xml').report);
  assert.match(text, /lone-cr\.csv:2: url ignored: only http\(s\) links are kept, found "javascript:alert\(document\.cookie\)"/);
  assert.match(text, /wrapped\.json:4: url ignored: only http\(s\) links are kept, found "file:\/\/\/etc\/passwd"/);
  assert.match(text, /commented\.bib:30: url ignored: only http\(s\) links are kept, found "ftp:\/\/files\.example\.org\/paper\.pdf"/);
  assert.match(text, /commented\.xml:10: url ignored: only http\(s\) links are kept, found "javascript:alert\(1\)"/);
});

test('impossible dates are left out with a warning, never moved to a nearby date', () => {
  const { papers, report } = ingestFixtures('lone-cr.csv', 'wrapped.json', 'commented.xml', 'oai/commented-oai.xml');
  const text = formatIngestReport(report);
  for (const expected of ['lone-cr.csv:2: date "2022-02-29"', 'wrapped.json:3: date "2023-04-31"', 'wrapped.json:8: date "2024-13-01"', 'commented.xml:10: date "2024-02-31"', 'commented-oai.xml:7: date "2016-02-30"']) {
    assert.ok(text.includes(expected), expected);
  }
  assert.ok(papers.length > 0);
  assert.deepEqual(papers.filter((paper) => paper.date !== undefined && !/^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$/.test(paper.date)), []);
  // Its `published` 2024-02-31 is left out, not moved to 2024-02-29 or 2024-03-02: the date comes from its id 2401.00002.
  assert.equal(papers.find((paper) => paper.title.startsWith('Visible Atom'))?.date, '2024-01');
});

test('a CSV with lone CR line endings reports each row on its own line', () => {
  const { report } = ingestFixtures('lone-cr.csv');
  assert.deepEqual(report.files[0]?.rejected, [{ line: 4, reason: 'expected 5 fields (title, abstract, authors, date, url), found 2' }]);
  assert.deepEqual([...new Set(report.files[0]?.problems.map((problem) => problem.line))], [2]);
});

test('control characters anywhere in a file are removed with a warning: a NUL past the first 8,000 bytes, ESC, BEL', () => {
  const padding = 'Padding Paper\nAn abstract that fills the first part of the file with ordinary text.\n'.repeat(110);
  const { papers, report } = ingestText('late-nul.txt', `${padding}Late \u0000NUL \u001b[2JTitle\nAn abstract\u0007 with a bell.\n`);
  assert.match(formatIngestReport(report), /late-nul\.txt:221: 3 control characters removed \(first: U\+0000\) \(warning\)/);
  const late = papers.find((paper) => paper.title.startsWith('Late'));
  assert.equal(late?.title, 'Late NUL [2JTitle');
  assert.equal(late?.abstract, 'An abstract with a bell.');
  const jsonl = ingestFixtures('display.jsonl');
  const escaped = jsonl.papers.find((paper) => paper.title.startsWith('Terminal'));
  assert.equal(escaped?.title, 'Terminal [2J[31mEscape Title on Bell Curves');
  assert.equal(escaped?.sourceId, 'idwithnewline');
});

test('a UTF-16 BOM followed by bytes that are not UTF-16 text is an error, not a page of garbage', () => {
  const { papers, report } = ingestFixtures('utf16-garbage.txt');
  assert.equal(papers.length, 0);
  assert.match(report.files[0]?.problems[0]?.message ?? '', /^starts with a UTF-16LE byte order mark but/);
  assert.equal(report.files[0]?.problems[0]?.severity, 'error');
  // Valid UTF-16 still reads; random code units with no surrogates are refused by their share of unassigned characters.
  const valid = decodeSourceBytes(new Uint8Array([0xff, 0xfe, ...Buffer.from('Title\nAbstract text.\n', 'utf16le')]));
  assert.deepEqual(valid, { text: 'Title\nAbstract text.\n' });
  const privateUse = decodeSourceBytes(new Uint8Array([0xfe, 0xff, ...Array.from({ length: 200 }, (_, index) => (index % 2 === 0 ? 0xe0 + (index % 16) : index))]));
  assert.ok('problem' in privateUse);
});

test('zero-width-only titles are rejected, combining-mark floods cut, bidi overrides removed, with a line each', () => {
  const { papers, report } = ingestFixtures('display.jsonl');
  assert.deepEqual(report.files[0]?.rejected.map((record) => record.line), [1]);
  assert.match(report.files[0]?.rejected[0]?.reason ?? '', /has no visible characters/);
  const zalgo = papers.find((paper) => paper.title.includes('algo Flood'));
  assert.ok(zalgo !== undefined);
  assert.ok(!/\p{M}{5}/u.test(zalgo.title));
  assert.equal(papers.find((paper) => paper.title.startsWith('Right-to-left'))?.title, 'Right-to-left evil Override');
  assert.equal(cleanDisplayText(`a${'\u0301'.repeat(500)}b`), `a${'\u0301'.repeat(MAX_MARKS_PER_CHAR)}b`);
  assert.equal(cleanDisplayText('\u2066x\u2069\u200b'), 'x');
});

test('a 300,000-letter title is cut at the limit with a warning naming the line', () => {
  const { papers, report } = ingestText('long.jsonl', `${JSON.stringify({ title: `Long ${'a'.repeat(300_000)}`, abstract: 'x' })}\n`);
  assert.equal(papers[0]?.title.length, MAX_TITLE_CHARS);
  assert.ok(papers[0]?.title.endsWith('…'));
  assert.match(formatIngestReport(report), /long\.jsonl:1: title of 300005 characters cut to 1000 \(warning\)/);
});

test('amplification: author count, author names and abstracts are capped with warnings; list rows stay bounded', () => {
  // Distinct names that stay distinct after cleaning (digits after a name are affiliation marks and go).
  const authors = Array.from({ length: 5000 }, (_, index) => `Author${index} Number`);
  const row = { title: 'Five Thousand Authors', abstract: 'b'.repeat(1_000_000), authors: authors.join('; '), url: `https://x.org/${'p'.repeat(5000)}` };
  const csv = `title,abstract,authors,url\n"${row.title}","${row.abstract}","${row.authors}",${row.url}\n`;
  const { papers, report } = ingestText('wide.csv', csv);
  const [paper] = papers;
  assert.ok(paper !== undefined);
  assert.equal(paper.authors.length, MAX_AUTHORS);
  assert.equal(paper.abstract.length, MAX_ABSTRACT_CHARS);
  assert.equal(paper.url, undefined);
  const text = formatIngestReport(report);
  assert.match(text, /wide\.csv:2: 5000 authors: only the first 1000 are kept \(warning\)/);
  assert.match(text, /wide\.csv:2: abstract of 1000000 characters cut to 20000 \(warning\)/);
  assert.match(text, /wide\.csv:2: url of 5014 characters is over the 2000-character limit: left out \(warning\)/);
  const [item] = toPaperListItems(papers, (name) => name.toLowerCase().replace(/\s+/g, '-'));
  assert.equal(item?.authorSlugs.length, MAX_ROW_AUTHORS);
  const jsonLd = scholarlyArticleJsonLd(paper, 'https://x.org/p/');
  // The million-character abstract is shown once, on the page; the JSON-LD carries none of it.
  assert.ok(!JSON.stringify(jsonLd).includes('bbbb'));
  const long = boundRecordFields({ title: 'T', abstract: '', authors: [`Ann ${'n'.repeat(500)}`] }, 9);
  assert.equal(long.fields.authors?.[0]?.length, 200);
  assert.match(long.problems[0]?.message ?? '', /^author name of 504 characters cut to 200/);
});

test('strict mode fails on each of these warnings', async () => {
  const { ingestProblemsAsErrors } = await import('../../../src/lib/ingest/report.ts');
  const { report } = ingestFixtures('wrapped.json', 'lone-cr.csv', 'display.jsonl', 'doubling.bib');
  const blocking = ingestProblemsAsErrors(report, true);
  for (const expected of ['key "papers" appears 2 times', 'url ignored', 'is not a real date', 'combining marks', 'invisible or control', '@string ignored']) {
    assert.ok(blocking.some((line) => line.includes(expected)), expected);
  }
  assert.deepEqual(ingestProblemsAsErrors(report, false), []);
});

test('a control character in a file with lone-CR line endings is reported on its own line', () => {
  const { report } = ingestText('lone-cr.csv', 'title,abstract\r"First","one"\r"Second \u001b[2J","two"\r');
  assert.match(formatIngestReport(report), /lone-cr\.csv:3: 1 control character removed \(first: U\+001B\) \(warning\)/);
});
