import { parseFilterChoices, type FilterChoices } from '../lib/site/filter-choices.ts';
import { joinBase } from '../lib/site/paths.ts';

let pending: Promise<FilterChoices> | undefined;

/**
 * The choices of `/papers/filters.json` (src/lib/site/filter-choices.ts), fetched once a page, for the papers list's
 * selects (papers-browser.ts) and the labels of topic and author pages' Category select (paper-list.ts). Never
 * rejects: without the file there are no choices, and the selects keep their one "Any" option.
 */
export function loadFilterChoices(base: string): Promise<FilterChoices> {
  pending ??= fetch(joinBase(base, '/papers/filters.json'))
    .then((response) => (response.ok ? response.text() : ''))
    .catch(() => '')
    .then(parseFilterChoices);
  return pending;
}

/**
 * Run `fill` when the filters in `target` are first used (a pointer over them, focus, a touch) or once the page is
 * idle, whichever comes first, so that a select is full when it opens; `fill` must do its work only once.
 */
export function fillOnFirstUseOrIdle(target: EventTarget, fill: () => void): void {
  for (const type of ['pointerover', 'focusin', 'touchstart'] as const) target.addEventListener(type, fill, { once: true, passive: true });
  // Safari has no requestIdleCallback.
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(fill, { timeout: 3000 });
  else setTimeout(fill, 1000);
}
