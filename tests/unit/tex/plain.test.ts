import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mathToPlain, texToPlain } from '../../../src/lib/tex/plain.ts';
import { texTextToPlain } from '../../../src/lib/tex/text-commands.ts';
import { processTerm, tokenize } from '../../../src/lib/search/options.ts';

test('texToPlain drops the dollars around simple math', () => {
  assert.equal(texToPlain('Testing $k$-Modal Distributions'), 'Testing k-Modal Distributions');
});

test('texToPlain spells symbols in Unicode', () => {
  assert.equal(texToPlain('sparse recovery in $\\ell_1$'), 'sparse recovery in ℓ1');
  assert.equal(texToPlain('$\\{1,\\dots,n\\}$ is $\\eps$-far'), '{1,…,n} is ε-far');
  assert.equal(texToPlain('$O(n^2 \\log n)$ time'), 'O(n² log n) time');
  assert.equal(texToPlain('$\\alpha \\leq \\beta$ in $\\mathbb{R}^n$'), 'α ≤ β in ℝⁿ');
  assert.equal(texToPlain('$\\frac{1}{2}$ and $\\frac{n+1}{k}$ and $\\sqrt{n}$'), '1/2 and (n+1)/k and √n');
});

test('texToPlain keeps prices and unmatched dollars as written', () => {
  assert.equal(texToPlain('costs $5 per hour and $10 for a large one'), 'costs $5 per hour and $10 for a large one');
  assert.equal(texToPlain('it costs \\$5'), 'it costs $5');
});

test('texToPlain turns citations and references into readable text', () => {
  assert.equal(texToPlain('as in~\\cite{BKR:04, Smith}'), 'as in [BKR:04, Smith]');
  assert.equal(texToPlain('see Section~\\ref{sec:intro} and Eq.~\\eqref{eq:1}'), 'see Section sec:intro and Eq. (eq:1)');
  assert.equal(texToPlain('a \\emph{new} \\textbf{bound} at \\url{https://x.org/a}'), 'a new bound at https://x.org/a');
});

test('texToPlain reads an unknown command as its name', () => {
  assert.equal(texToPlain('a $\\poly(n)$ bound'), 'a poly(n) bound');
  assert.equal(mathToPlain('\\hat{x}_i'), 'xi');
});

test('texToPlain leaves text without TeX alone', () => {
  const text = 'A plain title: 2%-30% gains, e.g. on ~5 tasks (https://x.org/~me).';
  assert.equal(texToPlain(text), text);
});

test('texTextToPlain keeps a tilde that is not a tie', () => {
  assert.equal(texTextToPlain('about ~5% at https://x.org/~user and Fig.~3'), 'about ~5% at https://x.org/~user and Fig. 3');
});

test('texTextToPlain turns TeX quotes into typographic ones', () => {
  assert.equal(texTextToPlain("the ``best'' model"), 'the “best” model');
});

test('the plain form is what search indexes, so math words typed plainly find it', () => {
  assert.equal(processTerm(texToPlain('$\\ell_1$')), 'l1');
  assert.deepEqual(tokenize(texToPlain('Testing $k$-Modal Distributions')).map(processTerm).filter(Boolean), ['testing', 'k-modal', 'modal', 'distributions']);
});
