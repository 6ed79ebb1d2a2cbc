import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderMath, texToSegments, withoutTexAnnotation } from '../../../src/lib/tex/render.ts';

test('math renders to KaTeX HTML with MathML', () => {
  const result = renderMath('\\ell_1', false);
  assert.ok(result.ok);
  assert.match(result.html, /^<span class="katex">/);
  assert.match(result.html, /<math><mrow><msub><mi mathvariant="normal">ℓ<\/mi><mn>1<\/mn><\/msub><\/mrow><\/math>/);
  // Without the TeX source annotation and the namespace declaration an HTML page does not need.
  assert.doesNotMatch(result.html, /<annotation|<semantics|xmlns=/);
});

test('withoutTexAnnotation keeps the MathML and drops only the annotation, its wrapper and the xmlns', () => {
  const katex = '<math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><semantics><mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi></mrow><annotation encoding="application/x-tex">a&lt;b</annotation></semantics></math>';
  assert.equal(withoutTexAnnotation(katex), '<math display="block"><mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi></mrow></math>');
});

test('display math renders in display mode', () => {
  const result = renderMath('\\sum_i x_i', true);
  assert.ok(result.ok);
  assert.match(result.html, /class="katex-display"/);
});

test('authors\' shorthands such as \\eps and \\R render', () => {
  assert.ok(renderMath('\\eps > 0, x \\in \\R^n', false).ok);
});

test('an unknown macro is an error, not a broken page', () => {
  const result = renderMath('\\foo{x}', false);
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.message.includes('\\foo'));
});

test('commands that need trust are refused: links, javascript: URLs, HTML classes, images', () => {
  for (const tex of ['\\href{javascript:alert(1)}{x}', '\\url{javascript:alert(1)}', '\\htmlClass{x}{y}', '\\includegraphics{x.png}', '\\htmlStyle{color:red}{x}']) {
    assert.equal(renderMath(tex, false).ok, false, tex);
  }
});

test('HTML inside dollars is never rendered as math or markup', () => {
  const segments = texToSegments("$<script>window.__pwned='math'</script>$");
  assert.deepEqual(segments, [{ kind: 'math-error', source: "$<script>window.__pwned='math'</script>$", message: 'looks like HTML, not TeX' }]);
});

test('rendered math never carries an element that could run or load anything', () => {
  const hostile = ['\\def\\x{\\x}\\x', '\\color{red}{x}', '\\textcolor{javascript:alert(1)}{x}', '\\unicode{x}', 'x^{<img src=x onerror=alert(1)>}'];
  for (const tex of hostile) {
    const result = renderMath(tex, false);
    if (result.ok) assert.doesNotMatch(result.html, /<(?:script|img|a|iframe|object|style)\b|\son\w+=|javascript:/i, tex);
  }
});

test('texToSegments keeps text runs (with text commands resolved) and math apart', () => {
  const segments = texToSegments('the $k$-modal case \\cite{BKR:04} for \\$5');
  assert.deepEqual(segments.map((segment) => segment.kind), ['text', 'math', 'text']);
  assert.deepEqual(segments[2], { kind: 'text', text: '-modal case [BKR:04] for $5' });
});
