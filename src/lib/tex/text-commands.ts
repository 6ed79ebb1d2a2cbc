/**
 * The TeX that arXiv abstracts carry outside math, made readable: `\cite{BKR:04}` → `[BKR:04]`, `\ref{thm:main}` →
 * `thm:main`, `\emph{word}` → `word`, `\$` → `$`, `Fig.~3` → `Fig. 3`, ``` ``quoted'' ``` → `“quoted”`.
 * Accents and font groups are resolved at ingest (src/lib/ingest/clean-text.ts); this handles what is left.
 */

const CITE = /\\(?:cite|citep|citet|citealp|citeauthor|citeyear|nocite)\*?(?:\[[^\]]*\])*\{([^{}]*)\}/g;
const REF = /\\(?:ref|autoref|cref|Cref|nameref|pageref|vref|eqref)\*?\{([^{}]*)\}/g;
const URL_COMMAND = /\\url\{([^{}]*)\}/g;
const HREF_COMMAND = /\\href\{([^{}]*)\}\{([^{}]*)\}/g;
const FOOTNOTE = /\\footnote\{([^{}]*)\}/g;
const ONE_ARGUMENT_COMMAND =
  /\\(?:emph|textit|textbf|textsc|textrm|texttt|textsf|textsl|textup|textnormal|underline|mbox|text|hbox|mathrm|mathit)\{([^{}]*)\}/g;
const NAMED_TEXT: Readonly<Record<string, string>> = {
  LaTeX: 'LaTeX',
  TeX: 'TeX',
  BibTeX: 'BibTeX',
  ldots: '…',
  dots: '…',
  textendash: '–',
  textemdash: '—',
  textbackslash: '\\',
  S: '§',
  P: '¶',
  copyright: '©',
  textregistered: '®',
  texttrademark: '™',
  dag: '†',
  ddag: '‡',
};
const NAMED_COMMAND = /\\(LaTeX|TeX|BibTeX|ldots|dots|textendash|textemdash|textbackslash|S|P|copyright|textregistered|texttrademark|dag|ddag)(?![A-Za-z])(?:\{\}|\s(?=\s))?/g;
const ESCAPED_CHARACTER = /\\([$%&_#{}])/g;
// A tie between a word (or `Fig.`) and what follows: `Fig.~3`, `Section~\ref{x}`. A `~` in a URL (`/~user`) or
// before a number (`~5%`, "about") has no letter or full stop right before it and stays.
const TIE = /(?<=[\p{L}.])~(?=[\p{L}\p{N}\\])/gu;

/**
 * Turn a run of abstract text (outside math) into what a reader expects to see.
 * @example texTextToPlain('as shown in~\\cite{BKR:04, Smith}, it costs \\$5') // => 'as shown in [BKR:04, Smith], it costs $5'
 * @example texTextToPlain('see Section~\\ref{sec:intro} and \\emph{this}') // => 'see Section sec:intro and this'
 */
export function texTextToPlain(text: string): string {
  if (!text.includes('\\') && !text.includes('~') && !text.includes('`')) return text;
  return text
    .replace(TIE, ' ')
    .replace(CITE, (_match, keys: string) => `[${keys.split(',').map((key) => key.trim()).filter(Boolean).join(', ')}]`)
    .replace(REF, (match, label: string) => (match.startsWith('\\eqref') ? `(${label.trim()})` : label.trim()))
    .replace(HREF_COMMAND, (_match, url: string, label: string) => (label.trim() === '' ? url : `${label} (${url})`))
    .replace(URL_COMMAND, '$1')
    .replace(FOOTNOTE, ' ($1)')
    .replace(ONE_ARGUMENT_COMMAND, '$1')
    .replace(NAMED_COMMAND, (_match, name: string) => NAMED_TEXT[name] ?? name)
    .replace(/``/g, '“')
    .replace(/''/g, '”')
    .replace(/\\\\/g, ' ')
    .replace(ESCAPED_CHARACTER, '$1');
}
