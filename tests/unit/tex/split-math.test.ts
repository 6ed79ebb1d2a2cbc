import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasMath, splitMath } from '../../../src/lib/tex/split-math.ts';

const kinds = (text: string) => splitMath(text).map((segment) => (segment.kind === 'math' ? `[${segment.display ? 'D' : 'I'}:${segment.tex}]` : segment.text)).join('');

test('a single dollar pair is inline math', () => {
  assert.equal(kinds('Testing $k$-Modal Distributions'), 'Testing [I:k]-Modal Distributions');
  assert.deepEqual(splitMath('$\\ell_1$')[0], { kind: 'math', tex: '\\ell_1', display: false, source: '$\\ell_1$' });
});

test('prices stay text: a dollar closes only after a non-space and before a non-digit', () => {
  assert.equal(kinds('costs $5 per hour and $10 for a large one'), 'costs $5 per hour and $10 for a large one');
  assert.equal(kinds('between $5 and $10.'), 'between $5 and $10.');
  assert.equal(kinds('from $5$ to $6$'), 'from [I:5] to [I:6]');
});

test('a dollar followed by a space opens nothing', () => {
  assert.equal(kinds('pay $ 5 and $x$'), 'pay $ 5 and [I:x]');
});

test('a closing dollar needs a non-space before it', () => {
  assert.equal(kinds('$x $ and y$'), '[I:x $ and y]');
  assert.equal(kinds('$a $'), '$a $');
});

test('an escaped dollar is a dollar, never a delimiter', () => {
  assert.equal(kinds('\\$5 and \\$6'), '\\$5 and \\$6');
  assert.equal(kinds('$x\\$y$'), '[I:x\\$y]');
});

test('an unmatched dollar stays text', () => {
  assert.equal(kinds('unmatched $x and more'), 'unmatched $x and more');
  assert.equal(kinds('${process.env.SECRET}'), '${process.env.SECRET}');
});

test('double dollars and \\[…\\] are display math; \\(…\\) is inline', () => {
  assert.equal(kinds('so $$a=b$$ holds'), 'so [D:a=b] holds');
  assert.equal(kinds('so \\[\\sum_i x_i\\] holds'), 'so [D:\\sum_i x_i] holds');
  assert.equal(kinds('the \\(k\\)-th term'), 'the [I:k]-th term');
});

test('empty or unclosed display delimiters stay text', () => {
  assert.equal(kinds('$$ $$ and \\( and \\['), '$$ $$ and \\( and \\[');
});

test('a text of many unpaired dollars is split in linear time', () => {
  const text = '$a '.repeat(50_000);
  const started = performance.now();
  assert.equal(kinds(text), text);
  assert.ok(performance.now() - started < 2000);
});

test('hasMath tells math from prices', () => {
  assert.equal(hasMath('the $\\ell_1$ norm'), true);
  assert.equal(hasMath('the \\(x\\) case'), true);
  assert.equal(hasMath('costs $5 and $10'), false);
  assert.equal(hasMath('no dollars'), false);
});
