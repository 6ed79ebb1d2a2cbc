import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toBibtex, toPlainCitation } from '../../../src/lib/site/cite.ts';

const pageUrl = 'https://atlas.example/papers/deep-nets-abc123/';

test('toBibtex writes author family names first and a readable key', () => {
  const entry = toBibtex({ slug: 'deep-nets-abc123', title: 'Deep Nets', authors: ['Ada Lovelace', 'Alan Turing'], date: '2024-05-01' }, pageUrl);
  assert.equal(
    entry,
    '@misc{lovelace2024deep,\n  title = {Deep Nets},\n  author = {Lovelace, Ada and Turing, Alan},\n  year = {2024},\n  url = {https://atlas.example/papers/deep-nets-abc123/}\n}',
  );
});

test('toBibtex escapes BibTeX specials in untrusted titles', () => {
  const entry = toBibtex({ slug: 'x-abc123', title: '50% of {A} & B_c #1 $x$', authors: [] }, pageUrl);
  assert.match(entry, /title = \{50\\% of \\\{A\\\} \\& B\\_c \\#1 \$x\$\}/);
});

test('toBibtex keeps the math of a title as TeX and escapes a price', () => {
  const entry = toBibtex({ slug: 'x-abc123', title: 'Testing $k$-Modal Distributions in $\\ell_1$ for \\$5', authors: [] }, pageUrl);
  assert.match(entry, /title = \{Testing \$k\$-Modal Distributions in \$\\ell_1\$ for \\\$5\}/);
});

test('toPlainCitation gives the title in plain text', () => {
  assert.match(toPlainCitation({ slug: 'x-abc123', title: 'Testing $k$-Modal Distributions', authors: [] }, pageUrl), /^Testing k-Modal Distributions\. /);
});

test('toBibtex falls back to the slug for the key when there are no authors', () => {
  assert.match(toBibtex({ slug: 'sdf-abc123', title: '???', authors: [] }, pageUrl), /^@misc\{sdfabc123,/);
});

test('toBibtex adds eprint for arXiv papers', () => {
  const entry = toBibtex({ slug: 'a-1', title: 'T', authors: ['A B'], arxivId: '2411.15124', date: '2024' }, pageUrl);
  assert.match(entry, /eprint = \{2411\.15124\}/);
  assert.match(entry, /archiveprefix = \{arXiv\}/);
});

test('toPlainCitation lists authors, year, title and URL', () => {
  assert.equal(
    toPlainCitation({ slug: 'a', title: 'Deep Nets', authors: ['Ada Lovelace', 'Alan Turing'], date: '2024' }, pageUrl),
    'Ada Lovelace and Alan Turing (2024). Deep Nets. https://atlas.example/papers/deep-nets-abc123/',
  );
});

test('toPlainCitation without metadata is the title and the page URL', () => {
  assert.equal(toPlainCitation({ slug: 'a', title: 'Learning to (Learn at Test Time)', authors: [] }, pageUrl), `Learning to (Learn at Test Time). ${pageUrl}`);
});
