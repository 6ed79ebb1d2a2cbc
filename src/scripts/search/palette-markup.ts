import { joinBase } from '../../lib/site/paths.ts';

/**
 * The search palette's dialog, made by the script instead of being written into every page: 1.2 kB of markup that
 * 100,000 paper pages would each repeat is fetched once, with the script, and cached. Nothing here comes from
 * paper text; `base` is the site's own base path.
 * @example paletteDialogHtml('/atlas/').includes('href="/atlas/topics/"') // => true
 */
export function paletteDialogHtml(base: string): string {
  return `<dialog aria-label="Search papers" class="palette"><div class="palette-bar"><i class="icon i-search"></i><input type="search" role="combobox" aria-label="Search papers" aria-autocomplete="list" aria-expanded="false" aria-controls="palette-results" autocomplete="off" spellcheck="false" enterkeyhint="search" placeholder="Search titles, topics, abstracts…"><button type="button" data-search-close>Esc<span class="sr-only"> (close search)</span></button></div><p data-search-status role="status" aria-live="polite"></p><ul id="palette-results" role="listbox" aria-label="Search results" data-search-results></ul><div data-search-empty hidden><p>No paper matches <span data-search-empty-query></span>.</p><p>Try fewer or shorter words, or browse the <a class="link" href="${joinBase(base, '/topics/')}">topics</a>.</p></div><p class="palette-keys"><kbd>↑</kbd> <kbd>↓</kbd> to move · <kbd>Enter</kbd> to open (or see all results) · <kbd>Esc</kbd> to close</p></dialog>`;
}
