/**
 * TeX in a title or abstract as HTML: text runs (escaped by the caller), links, and math rendered at build time
 * by KaTeX into HTML + MathML, so a page needs no client JavaScript to show it.
 *
 * Paper text is untrusted. KaTeX's `trust` stays off, so `\href`, `\url`, `\includegraphics` and `\htmlClass`
 * render as inert text; `maxExpand` bounds macro expansion; math that looks like an HTML tag or that KaTeX cannot
 * parse is returned as its source text, to be shown marked, never as HTML.
 */
import katex from 'katex';
import { splitMath } from './split-math.ts';
import { texTextToPlain } from './text-commands.ts';

/** A run of a title or abstract ready to render: text (to be escaped), rendered math, or math that failed. */
export type TexSegment =
  | { kind: 'text'; text: string }
  | { kind: 'math'; html: string; display: boolean }
  | { kind: 'math-error'; source: string; message: string };

// Shorthands arXiv authors define in their preamble and then use in the abstract.
const MACROS: Readonly<Record<string, string>> = {
  '\\eps': '\\varepsilon',
  '\\R': '\\mathbb{R}',
  '\\N': '\\mathbb{N}',
  '\\Z': '\\mathbb{Z}',
  '\\Q': '\\mathbb{Q}',
  '\\C': '\\mathbb{C}',
  '\\E': '\\mathbb{E}',
  '\\poly': '\\operatorname{poly}',
  '\\polylog': '\\operatorname{polylog}',
  '\\OPT': '\\mathrm{OPT}',
  '\\cite': '[\\text{#1}]',
  '\\ref': '\\text{#1}',
  '\\eqref': '(\\text{#1})',
};

// `$<script>…</script>$` and friends: no author writes an HTML tag in math, an attacker does; show it as text.
const HTML_TAG = /<\/?[A-Za-z!][^>]*>/;
const MAX_MATH_CHARS = 2000;
// With trust off KaTeX prints these as red command names; showing the author's source, marked, reads better.
const NEEDS_TRUST = /\\(?:href|url|includegraphics|htmlClass|htmlId|htmlStyle|htmlData)(?![A-Za-z])/;

type RenderedMath = Readonly<{ ok: true; html: string } | { ok: false; message: string }>;

// The same formula recurs across papers (`$k$`, `$\epsilon$`, `$O(n \log n)$`): of the 9,537 math runs of the 10k
// arXiv sample 4,174 differ, so remembering KaTeX's output by source halves its work in a build.
const renderedByKey = new Map<string, RenderedMath>();
const MAX_REMEMBERED = 50_000;

/**
 * Render one math run with KaTeX, or explain why not. Results are remembered by source and display mode.
 * @example renderMath('k', false).ok // => true
 * @example renderMath('\\frac{1}{', false).ok // => false
 */
export function renderMath(tex: string, display: boolean): RenderedMath {
  const key = `${display ? 'D' : 'I'}${tex}`;
  let rendered = renderedByKey.get(key);
  if (rendered === undefined) {
    // Bounded: a corpus of unusual formulas starts the memo afresh rather than growing it without end.
    if (renderedByKey.size >= MAX_REMEMBERED) renderedByKey.clear();
    rendered = renderMathUncached(tex, display);
    renderedByKey.set(key, rendered);
  }
  return rendered;
}

function renderMathUncached(tex: string, display: boolean): RenderedMath {
  if (HTML_TAG.test(tex)) return { ok: false, message: 'looks like HTML, not TeX' };
  if (NEEDS_TRUST.test(tex)) return { ok: false, message: 'links, images and HTML are not rendered in paper text' };
  if (tex.length > MAX_MATH_CHARS) return { ok: false, message: `longer than ${MAX_MATH_CHARS} characters` };
  try {
    const html = katex.renderToString(tex, {
      displayMode: display,
      output: 'htmlAndMathml',
      throwOnError: true,
      trust: false,
      strict: 'ignore',
      maxExpand: 200,
      maxSize: 10,
      macros: { ...MACROS },
    });
    return { ok: true, html: withoutTexAnnotation(html) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message.replace(/^KaTeX parse error: /, '').replace(/ at position \d+:[\s\S]*$/, '') : String(error) };
  }
}

// What KaTeX writes around its MathML that a page does not need: the `xmlns` (the HTML parser puts <math> in the
// MathML namespace by itself) and the <semantics> wrapper holding an <annotation> that repeats the TeX source (read
// only by KaTeX's copy-tex extension, which the site does not load). About 100 bytes a formula, ~7 MB at 102k papers.
const MATH_XMLNS = ' xmlns="http://www.w3.org/1998/Math/MathML"';
const SEMANTICS = /<semantics>([\s\S]*?)<annotation encoding="application\/x-tex">[\s\S]*?<\/annotation><\/semantics>/g;

/**
 * KaTeX's output without the MathML namespace declaration and the TeX-source annotation (the MathML itself unchanged).
 * @example withoutTexAnnotation('<math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mi>k</mi><annotation encoding="application/x-tex">k</annotation></semantics></math>') // => '<math><mi>k</mi></math>'
 */
export function withoutTexAnnotation(html: string): string {
  return html.replaceAll(MATH_XMLNS, '').replace(SEMANTICS, '$1');
}

/**
 * Split a title or abstract paragraph into text runs (TeX text commands resolved) and rendered math.
 * @example texToSegments('the $k$-modal case').map((s) => s.kind) // => ['text', 'math', 'text']
 * @example texToSegments('costs $5 and $10') // => [{kind:'text',text:'costs $5 and $10'}]
 */
export function texToSegments(text: string): TexSegment[] {
  return splitMath(text).map((segment): TexSegment => {
    if (segment.kind === 'text') return { kind: 'text', text: texTextToPlain(segment.text) };
    const rendered = renderMath(segment.tex, segment.display);
    return rendered.ok
      ? { kind: 'math', html: rendered.html, display: segment.display }
      : { kind: 'math-error', source: segment.source, message: rendered.message };
  });
}
