/**
 * The readable plain form of a title or abstract with TeX in it, for every place that shows text without markup:
 * `<title>`, meta description, Open Graph, JSON-LD, the feed, search, map tooltips, lists of titles.
 * `$k$-Modal` → `k-Modal`, `$\ell_1$` → `ℓ1`, `$O(n^2)$` → `O(n²)`, `$\{1,\dots,n\}$` → `{1,…,n}`.
 */
import { splitMath } from './split-math.ts';
import { texTextToPlain } from './text-commands.ts';

const SYMBOL_BY_COMMAND: Readonly<Record<string, string>> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ϵ', varepsilon: 'ε', eps: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', varpi: 'ϖ',
  rho: 'ρ', varrho: 'ϱ', sigma: 'σ', varsigma: 'ς', tau: 'τ', upsilon: 'υ', phi: 'ϕ', varphi: 'φ', chi: 'χ',
  psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ',
  Upsilon: 'Υ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
  ell: 'ℓ', hbar: 'ℏ', infty: '∞', partial: '∂', nabla: '∇', emptyset: '∅', varnothing: '∅', forall: '∀',
  exists: '∃', neg: '¬', lnot: '¬', aleph: 'ℵ', Re: 'ℜ', Im: 'ℑ', wp: '℘',
  le: '≤', leq: '≤', ge: '≥', geq: '≥', neq: '≠', ne: '≠', ll: '≪', gg: '≫', approx: '≈', sim: '∼',
  simeq: '≃', cong: '≅', equiv: '≡', propto: '∝', prec: '≺', succ: '≻', preceq: '⪯', succeq: '⪰',
  in: '∈', notin: '∉', ni: '∋', subset: '⊂', subseteq: '⊆', supset: '⊃', supseteq: '⊇', cup: '∪', cap: '∩',
  setminus: '∖', wedge: '∧', land: '∧', vee: '∨', lor: '∨', oplus: '⊕', otimes: '⊗', odot: '⊙',
  times: '×', cdot: '·', div: '÷', pm: '±', mp: '∓', ast: '∗', star: '⋆', circ: '∘', bullet: '•',
  to: '→', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒', Leftarrow: '⇐', leftrightarrow: '↔',
  Leftrightarrow: '⇔', iff: '⇔', implies: '⇒', mapsto: '↦', uparrow: '↑', downarrow: '↓',
  sum: 'Σ', prod: 'Π', int: '∫', oint: '∮', sqrt: '√', mid: '|', vert: '|', Vert: '‖', parallel: '∥',
  perp: '⊥', angle: '∠', triangle: '△', top: '⊤', bot: '⊥', vdash: '⊢', models: '⊨',
  langle: '⟨', rangle: '⟩', lceil: '⌈', rceil: '⌉', lfloor: '⌊', rfloor: '⌋',
  dots: '…', ldots: '…', cdots: '⋯', vdots: '⋮', ddots: '⋱', prime: '′', degree: '°',
  // Spacing and sizing commands read as a space or nothing.
  quad: ' ', qquad: ' ', ',': ' ', ';': ' ', ':': ' ', ' ': ' ', '!': '',
  left: '', right: '', big: '', Big: '', bigg: '', Bigg: '', bigl: '', bigr: '', Bigl: '', Bigr: '',
  displaystyle: '', textstyle: '', limits: '', nolimits: '',
  '{': '{', '}': '}', '%': '%', '$': '$', '&': '&', '#': '#', _: '_', '|': '‖', '\\': ' ',
};

// Letter styles whose argument reads the same as the letter: `\mathbb{R}` is ℝ; `\mathcal{O}`, `\mathbf{x}` plain.
const DOUBLE_STRUCK: Readonly<Record<string, string>> = { R: 'ℝ', N: 'ℕ', Z: 'ℤ', Q: 'ℚ', C: 'ℂ', E: '𝔼', P: 'ℙ', F: '𝔽' };
const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ', T: 'ᵀ', '*': '*', '′': '′',
};

/** The argument in braces starting at `open` (which must be `{`) and the index after it; unbalanced → to the end. */
function readGroup(tex: string, open: number): { body: string; end: number } {
  let depth = 0;
  for (let index = open; index < tex.length; index += 1) {
    const character = tex[index];
    if (character === '\\') index += 1;
    else if (character === '{') depth += 1;
    else if (character === '}' && --depth === 0) return { body: tex.slice(open + 1, index), end: index + 1 };
  }
  return { body: tex.slice(open + 1), end: tex.length };
}

/** One argument: a braced group, a command, or one character. */
function readArgument(tex: string, start: number): { body: string; end: number } {
  let index = start;
  while (tex[index] === ' ') index += 1;
  if (tex[index] === '{') return readGroup(tex, index);
  if (tex[index] === '\\') {
    const name = /^\\([A-Za-z]+|.)/.exec(tex.slice(index))?.[0] ?? '\\';
    return { body: name, end: index + name.length };
  }
  return { body: tex[index] ?? '', end: Math.min(index + 1, tex.length) };
}

function toSuperscript(text: string): string {
  const characters = [...text];
  return characters.every((character) => SUPERSCRIPT[character] !== undefined)
    ? characters.map((character) => SUPERSCRIPT[character]).join('')
    : characters.length === 1 ? `^${text}` : `^(${text})`;
}

/**
 * A TeX math expression as readable Unicode text.
 * @example mathToPlain('\\ell_1') // => 'ℓ1'
 * @example mathToPlain('O(n^2 \\log n)') // => 'O(n² log n)'
 */
export function mathToPlain(tex: string): string {
  let output = '';
  let index = 0;
  while (index < tex.length) {
    const character = tex[index]!;
    if (character === '\\') {
      const name = /^\\([A-Za-z]+|.)/.exec(tex.slice(index))?.[1] ?? '';
      index += name.length + 1;
      if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
        const numerator = readArgument(tex, index);
        const denominator = readArgument(tex, numerator.end);
        const wrap = (part: string) => (part.length > 1 ? `(${part})` : part);
        output += `${wrap(mathToPlain(numerator.body))}/${wrap(mathToPlain(denominator.body))}`;
        index = denominator.end;
      } else if (name === 'sqrt') {
        const argument = readArgument(tex, index);
        const inner = mathToPlain(argument.body);
        output += inner.length > 1 ? `√(${inner})` : `√${inner}`;
        index = argument.end;
      } else if (name === 'mathbb' || name === 'mathbbm') {
        const argument = readArgument(tex, index);
        output += [...argument.body].map((letter) => DOUBLE_STRUCK[letter] ?? letter).join('');
        index = argument.end;
      } else if (name === 'operatorname' || name.startsWith('math') || name.startsWith('text') || name === 'mbox' || name === 'boldsymbol' || name === 'bm') {
        const argument = readArgument(tex, index);
        output += mathToPlain(argument.body);
        index = argument.end;
      } else if (name === 'cite' || name === 'ref' || name === 'eqref') {
        const argument = readArgument(tex, index);
        output += name === 'cite' ? `[${argument.body}]` : argument.body;
        index = argument.end;
      } else {
        const symbol = SYMBOL_BY_COMMAND[name];
        // An unknown command (`\poly`, `\log`, `\hat`) reads as its name; accents and styles simply vanish.
        output += symbol ?? (/^(?:hat|widehat|tilde|widetilde|bar|overline|underline|vec|dot|ddot|check|breve)$/.test(name) ? '' : name);
        if (symbol === undefined && /^[A-Za-z]/.test(name) && /^[A-Za-z0-9]/.test(tex[index] ?? '')) output += ' ';
      }
    } else if (character === '^' || character === '_') {
      const argument = readArgument(tex, index + 1);
      const inner = mathToPlain(argument.body);
      output += character === '^' ? toSuperscript(inner) : inner;
      index = argument.end;
    } else if (character === '{' || character === '}') {
      index += 1;
    } else if (character === '~') {
      output += ' ';
      index += 1;
    } else {
      output += character;
      index += 1;
    }
  }
  return output;
}

/**
 * A title or abstract with its TeX turned into readable plain text: math as Unicode, text commands resolved,
 * whitespace runs inside a line collapsed (paragraph breaks kept).
 * @example texToPlain('Testing $k$-Modal Distributions') // => 'Testing k-Modal Distributions'
 * @example texToPlain('sparse recovery in $\\ell_1$') // => 'sparse recovery in ℓ1'
 * @example texToPlain('costs $5 per hour and $10 for a large one') // => 'costs $5 per hour and $10 for a large one'
 */
export function texToPlain(text: string): string {
  if (!/[\\$~`']/.test(text)) return text;
  return splitMath(text)
    .map((segment) => (segment.kind === 'text' ? texTextToPlain(segment.text) : mathToPlain(segment.tex).replace(/\s+/g, ' ').trim()))
    .join('')
    .replace(/[^\S\n]{2,}/g, ' ');
}
