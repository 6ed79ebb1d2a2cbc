import type { DocRecord, SearchTopic } from '../../lib/search/manifest.ts';
import { highlightRanges, makeSnippet, type HighlightRange } from '../../lib/search/highlight.ts';
import { joinBase } from '../../lib/site/paths.ts';

/** Append `text` to `parent` as text nodes, with the ranges wrapped in <mark>. Never parses the text as HTML. */
export function appendHighlighted(parent: HTMLElement, text: string, ranges: readonly HighlightRange[]): void {
  let offset = 0;
  for (const [start, end] of ranges) {
    if (start > offset) parent.append(document.createTextNode(text.slice(offset, start)));
    const mark = document.createElement('mark');
    mark.className = 'rounded-sm bg-amber-200/80 px-0.5 text-inherit dark:bg-amber-400/30 dark:text-slate-100';
    mark.textContent = text.slice(start, end);
    parent.append(mark);
    offset = end;
  }
  if (offset < text.length) parent.append(document.createTextNode(text.slice(offset)));
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

export interface ResultView {
  record: DocRecord;
  terms: ReadonlySet<string>;
  topic: SearchTopic | undefined;
  /** Found only because its topic's label or keywords hold the query words: said in the result. */
  isTopicMatch?: boolean;
  optionId: string;
  snippetChars: number;
}

/** One result: a link (role=option) whose text starts with the title, then topic badge, year/authors and snippet. */
export function renderResult(base: string, view: ResultView): HTMLLIElement {
  const [title, slug, , year, authors, text] = view.record;
  const item = element('li', '');
  item.setAttribute('role', 'presentation');
  const link = element(
    'a',
    'block rounded-lg px-3 py-2.5 no-underline outline-none aria-selected:bg-accent-50 hover:bg-slate-50 dark:aria-selected:bg-slate-800 dark:hover:bg-slate-900 focus-visible:ring-2 focus-visible:ring-accent-500',
  );
  link.href = joinBase(base, `/papers/${slug}/`);
  link.id = view.optionId;
  link.setAttribute('role', 'option');
  link.setAttribute('aria-selected', 'false');
  link.tabIndex = -1;

  const titleLine = element('span', 'block font-medium leading-snug text-slate-900 dark:text-slate-100');
  appendHighlighted(titleLine, title, highlightRanges(title, view.terms));
  link.append(titleLine);

  const meta = element('span', 'mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600 dark:text-slate-400');
  if (view.topic) {
    const badge = element(
      'span',
      'inline-flex items-center gap-1.5 rounded-full border border-slate-200 px-2 py-0.5 font-medium text-slate-700 dark:border-slate-700 dark:text-slate-300',
    );
    const dot = element('span', 'h-2 w-2 shrink-0 rounded-full');
    dot.style.background = view.topic.color;
    dot.setAttribute('aria-hidden', 'true');
    const label = element('span', '');
    label.textContent = view.topic.label;
    badge.append(dot, label);
    meta.append(badge);
  }
  if (view.isTopicMatch) {
    const note = element('span', 'rounded bg-slate-100 px-1.5 font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300');
    note.dataset['topicMatch'] = '';
    note.textContent = 'Topic match';
    note.title = 'The paper does not contain the words; its topic is named by them.';
    meta.append(note);
  }
  const byline = [year > 0 ? String(year) : '', authors].filter(Boolean).join(' · ');
  if (byline) {
    const span = element('span', '');
    span.textContent = byline;
    meta.append(span);
  }
  if (meta.childNodes.length > 0) link.append(meta);

  if (text) {
    const snippet = makeSnippet(text, view.terms, view.snippetChars);
    const paragraph = element('span', 'mt-1 block text-sm leading-relaxed text-slate-600 dark:text-slate-400');
    appendHighlighted(paragraph, snippet.text, snippet.ranges);
    link.append(paragraph);
  }
  item.append(link);
  return item;
}
