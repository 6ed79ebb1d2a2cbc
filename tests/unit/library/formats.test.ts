import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { exportBibtex, readBibtex, bibtexValueText } from '../../../src/lib/library/bibtex.ts';
import { exportRis, readRis } from '../../../src/lib/library/ris.ts';
import { exportCslJson, readCslJson } from '../../../src/lib/library/csl-json.ts';
import { createMatcher, importLibraryFile, type CataloguePaper } from '../../../src/lib/library/match.ts';
import type { ExportItem } from '../../../src/lib/library/record.ts';
import type { LibraryEntry } from '../../../src/lib/library/store.ts';

const hostileTitle = 'Attack}\n@misc{evil, title={x} on 50% of {RIS}\r\nER  - \nTY  - JOUR & $x_1$ #1 ~ ^ \\ end';
const entries: LibraryEntry[] = [
  {
    id: 'binarized-neural-networks-1602.02830',
    savedAt: '2026-03-02T10:00:00.000Z',
    read: true,
    note: 'Line one: 100% {braced}\nER  - injected\nthird \\line',
    tags: ['binary nets', 'to read'],
    paper: {
      title: 'Binarized Neural Networks: Training Deep Neural Networks with Weights Constrained to +1 or -1',
      authors: ['Matthieu Courbariaux', 'Itay Hubara', 'Ran El-Yaniv'],
      date: '2016-03',
      venue: 'arXiv',
      doi: '10.48550/arXiv.1602.02830',
      arxivId: '1602.02830',
      url: 'https://arxiv.org/abs/1602.02830',
      topic: { slug: 'quantisation', label: 'quantisation' },
    },
  },
  {
    id: 'tulu-3-abc123',
    savedAt: '2026-03-01T10:00:00.000Z',
    read: false,
    note: '',
    tags: [],
    paper: { title: 'TÜLU 3: Pushing Frontiers in Open Language Model Post-Training', authors: ['Nathan Lambert', 'José Müller'], date: '2024-11-22', venue: 'Journal of Open Things', doi: '10.1145/3292500.3330701' },
  },
  { id: 'hostile-zzz999', savedAt: '2026-02-01T00:00:00.000Z', read: false, note: 'a', tags: ['x'], paper: { title: hostileTitle, authors: ['Evil } Author'] } },
];
const items: ExportItem[] = entries.map((entry) => ({ entry, pageUrl: `https://atlas.example/papers/${entry.id}/` }));
const catalogue: CataloguePaper[] = entries.map((entry) => ({ slug: entry.id, title: entry.paper.title, ...(entry.paper.doi ? { doi: entry.paper.doi } : {}), ...(entry.paper.arxivId ? { arxivId: entry.paper.arxivId } : {}) }));
const snapshotOf = (slug: string) => entries.find((entry) => entry.id === slug)?.paper;

const formats = [
  ['bibtex', 'library.bib', exportBibtex],
  ['ris', 'library.ris', exportRis],
  ['csl-json', 'library.json', exportCslJson],
] as const;

for (const [format, file, write] of formats) {
  test(`${format}: export then import gives the same library (ids, notes, tags, read state, save dates)`, () => {
    const text = write(items);
    const result = importLibraryFile(file, text, createMatcher(catalogue), 'now', snapshotOf);
    assert.equal(result.format, format);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.notFound, []);
    assert.deepEqual(result.entries, entries);
  });

  test(`${format}: every field a paper has is written and read back (authors, year, venue, DOI, arXiv id, URL)`, () => {
    const read = format === 'bibtex' ? readBibtex(write(items)) : format === 'ris' ? readRis(write(items)) : readCslJson(write(items));
    assert.equal(read.records.length, 3);
    const [first, second, third] = read.records;
    assert.deepEqual(first?.paper.authors, entries[0]?.paper.authors);
    assert.equal(first?.paper.arxivId, '1602.02830');
    assert.equal(first?.paper.doi, '10.48550/arXiv.1602.02830');
    assert.equal(first?.paper.url, 'https://arxiv.org/abs/1602.02830');
    assert.equal(first?.paper.date?.slice(0, 4), '2016');
    assert.equal(second?.paper.title, entries[1]?.paper.title);
    assert.deepEqual(second?.paper.authors, ['Nathan Lambert', 'José Müller']);
    assert.equal(second?.paper.venue, 'Journal of Open Things');
    assert.equal(second?.paper.doi, '10.1145/3292500.3330701');
    assert.equal(third?.paper.title.replace(/\s+/g, ' '), hostileTitle.replace(/\s+/g, ' ').trim());
    assert.equal(third?.paper.url, 'https://atlas.example/papers/hostile-zzz999/');
  });
}

test('bibtex: a hostile title cannot open a second entry or a comment', () => {
  const text = exportBibtex(items);
  assert.equal(text.match(/^@/gm)?.length, 3);
  assert.ok(!/[^\\]%/.test(text), 'every % is escaped');
  const open = [...text].filter((char, index) => char === '{' && text[index - 1] !== '\\').length;
  const close = [...text].filter((char, index) => char === '}' && text[index - 1] !== '\\').length;
  assert.equal(open, close);
});

test('ris: a hostile title or note cannot start a tag line', () => {
  const lines = exportRis(items).split('\r\n').filter((line) => line !== '');
  for (const line of lines) assert.match(line, /^[A-Z][A-Z0-9] {2}- /);
  assert.equal(lines.filter((line) => line.startsWith('TY  -')).length, 3);
  assert.equal(lines.filter((line) => line.startsWith('ER  -')).length, 3);
});

test('bibtex keys are unique within a file', () => {
  const twin: ExportItem[] = [items[0]!, { ...items[0]!, entry: { ...entries[0]!, id: 'twin' } }];
  const keys = [...exportBibtex(twin).matchAll(/^@misc\{([^,]+),/gm)].map((match) => match[1]);
  assert.equal(keys.length, 2);
  assert.notEqual(keys[0], keys[1]);
});

test('bibtex reader: TeX accents, braces, macros, concatenation, quoted values and a broken entry', () => {
  const text = [
    '\uFEFF@string{jmlr = "Journal of ML"}',
    '@article{a, title = {{T}\\"{u}bingen {{Nets}}}, author = {M{\\"u}ller, J. and Doe, Jane and others}, journal = jmlr # " Research", year = 2020, month = mar}',
    '@article{broken, title = {Never closed,',
    '@inproceedings{b, title = "Quoted {Title}", booktitle = {Proc.}, date = {2021-06-01}}',
  ].join('\n');
  const result = readBibtex(text);
  assert.equal(result.records.length, 2);
  assert.deepEqual(result.records[0]?.paper, { title: 'Tübingen Nets', authors: ['J. Müller', 'Jane Doe'], date: '2020-03', venue: 'Journal of ML Research' });
  assert.equal(result.records[1]?.paper.date, '2021-06-01');
  assert.equal(result.problems.length, 1);
  assert.equal(result.problems[0]?.line, 3);
  assert.equal(bibtexValueText('{{FINN}}: {T}\\"{u}bingen \\{x\\} 5\\%'), 'FINN: Tübingen {x} 5%');
});

test('ris reader: CRLF, continuation lines and a record cut off', () => {
  const result = readRis('TY  - JOUR\r\nTI  - A long\r\n  title\r\nAU  - Doe, Jane\r\nER  - \r\nTY  - GEN\r\nTI  - Cut');
  assert.equal(result.records[0]?.paper.title, 'A long title');
  assert.deepEqual(result.records[0]?.paper.authors, ['Jane Doe']);
  assert.equal(result.problems[0]?.message, 'record has no ER line (file cut off?)');
});

test('csl-json reader: invalid JSON is one problem with its line; import throws a message naming the file', () => {
  assert.match(readCslJson('[\n{"title": }\n]').problems[0]?.message ?? '', /not valid JSON/);
  assert.throws(() => importLibraryFile('x.json', '[\n{"title": }\n]', createMatcher(catalogue), 'now'), /^Error: x\.json:\d+: not valid JSON/);
  assert.throws(() => importLibraryFile('notes.txt', 'hello', createMatcher(catalogue), 'now'), /not a BibTeX, RIS or CSL-JSON file/);
});

test('a real Zotero export reads every entry, with arXiv ids from eprint and DOI', () => {
  const text = readFileSync('/work/shared/corpora/samples/bibtex/AxterDoesCode+L46Report__library.bib', 'utf8');
  const result = readBibtex(text);
  assert.equal(result.problems.length, 0);
  assert.equal(result.records.length, 3);
  assert.equal(result.records[0]?.paper.arxivId, '1602.02830');
  assert.match(result.records[0]?.paper.title ?? '', /^Binarized Neural Networks: Training Deep Neural Networks with Weights and Activations/);
  const big = readBibtex(readFileSync('/work/shared/corpora/samples/bibtex/brendon-boldt+phd-thesis__zotero.bib', 'utf8'));
  assert.ok(big.records.length >= 160, `read ${big.records.length}`);
});
