/**
 * Where the math is in a title or abstract, by the delimiters arXiv authors use: `$…$` and `\(…\)` inline,
 * `$$…$$` and `\[…\]` display.
 *
 * Hand-written rather than remark-math: remark-math (micromark's math syntax) pairs any two dollars, so "costs $5
 * per hour and $10 for a large one" would become math; it has no `\(…\)` or `\[…\]`; and it parses the rest of the
 * abstract as Markdown, which would turn `*`, `_` and `[…](…)` in plain abstract text into markup. Here a single `$`
 * follows pandoc's `tex_math_dollars` rule: it opens only when a non-space character follows it, and closes only
 * when a non-space character precedes it and no digit follows it. `\$` is a literal dollar; a `$` without a partner
 * stays text.
 */

/** A run of text (still holding TeX text escapes such as `\$`), or a run of math with its TeX and delimiters. */
export type MathSegment =
  | { kind: 'text'; text: string }
  | { kind: 'math'; tex: string; display: boolean; source: string };

const DIGIT = /[0-9]/;
const SPACE = /\s/;

/** Index of the `$` that closes an inline `$` opened at `open`, or -1 (pandoc's rule). */
function findInlineDollarClose(text: string, open: number): number {
  for (let index = open + 1; index < text.length; index += 1) {
    const character = text[index];
    if (character === '\\') {
      index += 1;
      continue;
    }
    if (character !== '$') continue;
    const before = text[index - 1] ?? ' ';
    const after = text[index + 1] ?? '';
    if (index > open + 1 && !SPACE.test(before) && !DIGIT.test(after)) return index;
  }
  return -1;
}

/** Index of the first unescaped occurrence of `closer` at or after `from`, or -1. */
function findUnescaped(text: string, closer: string, from: number): number {
  for (let index = from; index < text.length; index += 1) {
    if (text.startsWith(closer, index)) return index;
    if (text[index] === '\\') index += 1;
  }
  return -1;
}

/**
 * Split text into text runs and math runs. Text runs keep their backslash escapes (`\$`, `\%`); see
 * `texTextToPlain` for those.
 * @example splitMath('Testing $k$-Modal') // => [{kind:'text',text:'Testing '},{kind:'math',tex:'k',display:false,source:'$k$'},{kind:'text',text:'-Modal'}]
 * @example splitMath('costs $5 per hour and $10 for a large one') // => [{kind:'text',text:'costs $5 per hour and $10 for a large one'}]
 */
export function splitMath(text: string): MathSegment[] {
  const segments: MathSegment[] = [];
  let textStart = 0;
  const pushMath = (start: number, end: number, tex: string, display: boolean) => {
    if (start > textStart) segments.push({ kind: 'text', text: text.slice(textStart, start) });
    segments.push({ kind: 'math', tex, display, source: text.slice(start, end) });
    textStart = end;
  };
  // Whether a closer can be valid depends only on the characters around it, so once a search for one fails, later
  // searches would fail too: remembering that keeps a text full of unpaired dollars linear.
  const exhausted = new Set<string>();
  let index = 0;
  while (index < text.length) {
    const character = text[index];
    const next = text[index + 1] ?? '';
    if (character === '\\' && (next === '(' || next === '[')) {
      const closer = next === '(' ? '\\)' : '\\]';
      const close = exhausted.has(closer) ? -1 : findUnescaped(text, closer, index + 2);
      if (close === -1) exhausted.add(closer);
      if (close > index + 2 && text.slice(index + 2, close).trim() !== '') {
        pushMath(index, close + 2, text.slice(index + 2, close).trim(), next === '[');
        index = close + 2;
        continue;
      }
    } else if (character === '$' && next === '$') {
      const close = exhausted.has('$$') ? -1 : findUnescaped(text, '$$', index + 2);
      if (close === -1) exhausted.add('$$');
      if (close > index + 2 && text.slice(index + 2, close).trim() !== '') {
        pushMath(index, close + 2, text.slice(index + 2, close).trim(), true);
        index = close + 2;
        continue;
      }
      index += 2;
      continue;
    } else if (character === '$' && next !== '' && !SPACE.test(next)) {
      const close = exhausted.has('$') ? -1 : findInlineDollarClose(text, index);
      if (close === -1) exhausted.add('$');
      else {
        pushMath(index, close + 1, text.slice(index + 1, close), false);
        index = close + 1;
        continue;
      }
    }
    // A backslash escapes the next character (`\$` is a dollar, `\\` a backslash), so skip both.
    index += character === '\\' ? 2 : 1;
  }
  if (textStart < text.length) segments.push({ kind: 'text', text: text.slice(textStart) });
  return segments;
}

/**
 * Whether a text holds at least one run of math.
 * @example hasMath('the $\\ell_1$ norm') // => true
 * @example hasMath('costs $5 and $10') // => false
 */
export function hasMath(text: string): boolean {
  return (text.includes('$') || text.includes('\\(') || text.includes('\\[')) && splitMath(text).some((segment) => segment.kind === 'math');
}
