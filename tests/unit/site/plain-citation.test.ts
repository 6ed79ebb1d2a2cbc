import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toPlainCitation, type CitablePaper } from '../../../src/lib/site/cite.ts';
import { scholarlyArticleJsonLd, serializeJsonLd } from '../../../src/lib/site/json-ld.ts';
import { formatPlainCitation, plainCitationFieldsFromJsonLd } from '../../../src/lib/site/plain-citation.ts';

const pageUrl = 'https://atlas.example/papers/deep-nets-abc123/';

/** What the paper page's script writes: the plain reference from the page's JSON-LD, as the browser parses it. */
function fromPage(paper: CitablePaper): string {
  const jsonLd = JSON.parse(serializeJsonLd(scholarlyArticleJsonLd({ ...paper, categories: ['cs.LG'], tags: [] }, pageUrl)));
  const fields = plainCitationFieldsFromJsonLd(jsonLd);
  assert.ok(fields);
  return formatPlainCitation(fields);
}

const papers: CitablePaper[] = [
  { slug: 'a', title: 'Deep Nets', authors: [] },
  { slug: 'a', title: 'Testing $k$-Modal Distributions in $\\ell_1$', authors: ['Ada Lovelace', 'Alan Turing'], date: '2024-05-01' },
  { slug: 'a', title: 'On arXiv', authors: ['A B'], date: '2016', arxivId: '1305.5120' },
  { slug: 'a', title: 'On arXiv with its URL', authors: ['A B'], arxivId: '1305.5120', url: 'https://arxiv.org/abs/1305.5120' },
  { slug: 'a', title: 'With a DOI', authors: ['A', 'B', 'C', 'D', 'E', 'F', 'G'], doi: '10.1/x', url: 'https://doi.org/10.1/x', venue: 'NeurIPS' },
  { slug: 'a', title: 'Own page', authors: ['Q'], url: 'https://example.org/paper', arxivId: '2401.00001', doi: '10.2/y' },
  { slug: 'a', title: `${'A very long title '.repeat(8)}that search engines shorten`, authors: ['</script><b>'], url: 'https://example.org/p?a=1&b=2' },
];

test('the plain reference the page script writes from the JSON-LD is the one the build writes', () => {
  for (const paper of papers) assert.equal(fromPage(paper), toPlainCitation(paper, pageUrl), paper.title);
});

test('an arXiv paper without a DOI or URL of its own is cited by its arXiv page', () => {
  assert.equal(fromPage(papers[2]!), 'A B (2016). On arXiv. arXiv:1305.5120. https://arxiv.org/abs/1305.5120');
});

test('JSON-LD without a title or URL gives no reference', () => {
  assert.equal(plainCitationFieldsFromJsonLd({ headline: 'T' }), undefined);
  assert.equal(plainCitationFieldsFromJsonLd({ url: pageUrl }), undefined);
  assert.equal(plainCitationFieldsFromJsonLd('[]'), undefined);
  assert.equal(plainCitationFieldsFromJsonLd(null), undefined);
});
