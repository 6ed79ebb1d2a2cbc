import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignSlugs, MAX_SLUG_BASE_LENGTH, RESERVED_SLUGS, slugifyTitle } from '../../../src/lib/ingest/slug.ts';

const papers = [
  { title: 'Attention Is All You Need', abstract: 'Transformers.', arxivId: '1706.03762' },
  { title: 'SPARK: Synergistic Policy And Reward Co-Evolving Framework', abstract: 'Policies and rewards.' },
  { title: 'SPARK: Stepwise Process-Aware Rewards', abstract: 'Process rewards.' },
  { title: 'Old Style', abstract: 'From 2001.', arxivId: 'cs/0112017' },
];

function slugByTitle(list: readonly { title: string; slug: string }[]): Map<string, string> {
  return new Map(list.map((paper) => [paper.title, paper.slug]));
}

test('slugifyTitle makes lower-case words joined by hyphens and drops punctuation', () => {
  assert.equal(slugifyTitle('Learning to (Learn at Test Time)'), 'learning-to-learn-at-test-time');
  assert.equal(slugifyTitle("Today's Benchmarks: 2%-30% Drops!"), 'todays-benchmarks-2-30-drops');
});

test('slugifyTitle folds diacritics and special letters to ASCII', () => {
  assert.equal(slugifyTitle('TÜLU 3'), 'tulu-3');
  assert.equal(slugifyTitle('Straße Æther Øresund Łódź Crème Brûlée'), 'strasse-aether-oresund-lodz-creme-brulee');
});

test('slugifyTitle turns markup into plain words', () => {
  assert.equal(slugifyTitle('<script>alert(1)</script> {{ x }}'), 'script-alert-1-script-x');
});

test('slugifyTitle falls back to "paper" when no letters or digits remain', () => {
  assert.equal(slugifyTitle('深度学习'), 'paper');
  assert.equal(slugifyTitle('?!… —'), 'paper');
  assert.equal(slugifyTitle(''), 'paper');
});

test('slugifyTitle cuts a long title at a word boundary within 60 characters', () => {
  const title = 'MM-HELIX: Boosting Multimodal Long-Chain Reflective Reasoning with Holistic Platform and Adaptive Hybrid Policy Optimization';
  const base = slugifyTitle(title);
  assert.equal(base, 'mm-helix-boosting-multimodal-long-chain-reflective-reasoning');
  assert.ok(base.length <= MAX_SLUG_BASE_LENGTH);
  assert.ok(slugifyTitle(title).startsWith(base) && !base.endsWith('-'));
});

test('slugifyTitle keeps a word that ends exactly at the limit', () => {
  const title = `${'a'.repeat(55)} bcde fgh`;
  assert.equal(slugifyTitle(title), `${'a'.repeat(55)}-bcde`);
});

test('slugifyTitle cuts a single word longer than the limit hard', () => {
  assert.equal(slugifyTitle('x'.repeat(80)), 'x'.repeat(MAX_SLUG_BASE_LENGTH));
});

test('assignSlugs uses the arXiv id as the suffix when it is known', () => {
  const slugs = slugByTitle(assignSlugs(papers));
  assert.equal(slugs.get('Attention Is All You Need'), 'attention-is-all-you-need-1706-03762');
  assert.equal(slugs.get('Old Style'), 'old-style-cs-0112017');
});

test('assignSlugs ends other slugs with six base-36 characters of the content hash', () => {
  const [, spark] = assignSlugs(papers);
  assert.match(spark?.slug ?? '', /^spark-synergistic-policy-and-reward-co-evolving-framework-[0-9a-z]{6}$/);
});

test('assignSlugs gives a no-letter title the base "paper" plus its suffix', () => {
  assert.match(assignSlugs([{ title: '深度学习', abstract: 'Chinese title.' }])[0]?.slug ?? '', /^paper-[0-9a-z]{6}$/);
});

test('assignSlugs gives two papers with the same title but different abstracts distinct slugs', () => {
  const [first, second] = assignSlugs([
    { title: 'Same Name', abstract: 'One abstract.' },
    { title: 'Same Name', abstract: 'Another abstract.' },
  ]);
  assert.ok(first && second);
  assert.notEqual(first.slug, second.slug);
  assert.ok(first.slug.startsWith('same-name-') && second.slug.startsWith('same-name-'));
});

test('assignSlugs ignores case and spacing differences when hashing', () => {
  const [first] = assignSlugs([{ title: 'Deep  Nets', abstract: 'We   study\nnets.' }]);
  const [second] = assignSlugs([{ title: 'deep nets', abstract: 'we study nets.' }]);
  assert.equal(first?.slug, second?.slug);
});

test("adding a paper never changes another paper's slug", () => {
  const before = slugByTitle(assignSlugs(papers));
  const after = slugByTitle(assignSlugs([{ title: 'A New Paper', abstract: 'Added first.' }, ...papers]));
  for (const [title, slug] of before) assert.equal(after.get(title), slug);
});

test("reordering papers never changes a paper's slug", () => {
  assert.deepEqual(slugByTitle(assignSlugs([...papers].reverse())), slugByTitle(assignSlugs(papers)));
});

test('assignSlugs lengthens the hash for the later paper of two that share a slug, independent of order', () => {
  // Two papers claiming the same arXiv id share a primary slug whatever their content.
  const clash = [
    { title: 'Clash', abstract: 'First version.', arxivId: '2411.15124' },
    { title: 'Clash', abstract: 'Second version.', arxivId: '2411.15124' },
  ];
  const forward = assignSlugs(clash).map((paper) => paper.slug);
  const backward = assignSlugs([...clash].reverse()).map((paper) => paper.slug).reverse();
  assert.deepEqual(forward, backward);
  assert.equal(new Set(forward).size, 2);
  assert.ok(forward.includes('clash-2411-15124'));
  assert.ok(forward.some((slug) => /^clash-2411-15124-[0-9a-z]{6}$/.test(slug)));
});

test('assignSlugs keeps slugs unique even for identical papers, numbering the repeats', () => {
  const twin = { title: 'Twin', abstract: 'Same.' };
  const slugs = assignSlugs([twin, twin, twin]).map((paper) => paper.slug);
  assert.equal(new Set(slugs).size, 3);
});

test('no slug can equal a reserved route, because every slug has a suffix', () => {
  assert.ok(RESERVED_SLUGS.has('search') && RESERVED_SLUGS.has('404') && RESERVED_SLUGS.has('atlas'));
  const slugs = assignSlugs([...RESERVED_SLUGS].map((word) => ({ title: word, abstract: `A paper called ${word}.` })));
  for (const { slug } of slugs) assert.equal(RESERVED_SLUGS.has(slug), false, slug);
});

test('assignSlugs returns the same slugs for the same input every time', () => {
  assert.deepEqual(assignSlugs(papers), assignSlugs(papers.map((paper) => ({ ...paper }))));
});
