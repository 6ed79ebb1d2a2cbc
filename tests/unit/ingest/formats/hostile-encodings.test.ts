import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestSourceFiles } from '../../../../src/lib/ingest/ingest.ts';

const encoder = new TextEncoder();

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    bytes[2 + index * 2] = code & 0xff;
    bytes[3 + index * 2] = code >> 8;
  }
  return bytes;
}

test('a UTF-8 BOM before a CSV header does not hide the title column', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('title,abstract\r\nBOM Paper,Read fine.\r\n')]);
  const { papers, report } = ingestSourceFiles([{ path: 'bom.csv', bytes }]);
  assert.deepEqual(papers.map((paper) => [paper.title, paper.source.line]), [['BOM Paper', 2]]);
  assert.equal(report.errors, 0);
});

test('a UTF-16 BibTeX file is decoded by the core and parsed with accents intact', () => {
  const { papers } = ingestSourceFiles([{ path: 'refs.bib', bytes: utf16le('@article{k,\n title = {Caf{\\\'e} Paper},\n abstract = {Text.}\n}\n') }]);
  assert.deepEqual(papers.map((paper) => paper.title), ['Café Paper']);
});

test('a binary file named .bib is rejected before parsing, with no records', () => {
  const { papers, report } = ingestSourceFiles([{ path: 'image.bib', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]) }]);
  assert.equal(papers.length, 0);
  assert.equal(report.files[0]?.read, 0);
  assert.equal(report.errors, 1);
});

test('an Atom and an OAI-PMH file both named .xml go to their own formats', () => {
  const atom = '<feed xmlns="http://www.w3.org/2005/Atom">\n<entry><id>http://arxiv.org/abs/2101.00001v1</id><title>Atom Paper</title><summary>A.</summary></entry>\n</feed>';
  const oai = '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>\n<record><header><identifier>oai:arXiv.org:2101.00002</identifier></header><metadata><arXiv><id>2101.00002</id><title>OAI Paper</title><abstract>B.</abstract></arXiv></metadata></record>\n</ListRecords></OAI-PMH>';
  const { report } = ingestSourceFiles([
    { path: 'a.xml', bytes: encoder.encode(atom) },
    { path: 'b.xml', bytes: encoder.encode(oai) },
  ]);
  assert.deepEqual(report.files.map((file) => [file.path, file.format, file.pages]), [
    ['a.xml', 'arxiv-atom', 1],
    ['b.xml', 'arxiv-oai', 1],
  ]);
});
