import { joinBase } from '../../lib/site/paths.ts';
import { createSearchController } from './controller.ts';
import { siteBase } from './load-engine.ts';
import { paletteDialogHtml } from './palette-markup.ts';

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The header search: a button that opens a modal palette (also `/` and Ctrl/Cmd-K). On /search/ the shortcuts
 * focus the page's own box instead. The index starts loading when the button is first hovered or focused.
 */
export function initSearchPalette(): void {
  const root = document.querySelector<HTMLElement>('[data-search-palette]');
  if (root && !root.querySelector('dialog')) root.insertAdjacentHTML('beforeend', paletteDialogHtml(siteBase()));
  const dialog = root?.querySelector<HTMLDialogElement>('dialog');
  const opener = root?.querySelector<HTMLButtonElement>('[data-search-open]');
  const input = dialog?.querySelector<HTMLInputElement>('input[role="combobox"]');
  const list = dialog?.querySelector<HTMLElement>('[data-search-results]');
  const status = dialog?.querySelector<HTMLElement>('[data-search-status]');
  const empty = dialog?.querySelector<HTMLElement>('[data-search-empty]');
  if (!root || !dialog || !opener || !input || !list || !status || !empty) return;

  const controller = createSearchController({
    input,
    list,
    status,
    empty,
    pageSize: 8,
    snippetChars: 160,
    idPrefix: 'palette-result',
    idleText: 'Type to search titles, topics, authors and abstracts.',
    onSubmit: (query) => {
      if (query.trim() === '') return;
      window.location.href = `${joinBase(siteBase(), '/search/')}?q=${encodeURIComponent(query.trim())}`;
    },
  });

  const open = (): void => {
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    controller.warm();
  };
  const pageInput = (): HTMLInputElement | null => document.querySelector<HTMLInputElement>('[data-search-page] input[role="combobox"]');

  opener.addEventListener('click', open);
  opener.addEventListener('pointerenter', controller.warm, { once: true });
  opener.addEventListener('focus', controller.warm, { once: true });
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => opener.focus());

  document.addEventListener('keydown', (event) => {
    const isShortcut = (event.key === 'k' || event.key === 'K') && (event.metaKey || event.ctrlKey);
    const isSlash = event.key === '/' && !event.metaKey && !event.ctrlKey && !event.altKey && !isTypingTarget(event.target);
    if (!isShortcut && !isSlash) return;
    event.preventDefault();
    const onPage = pageInput();
    if (onPage && !dialog.open) {
      onPage.focus();
      onPage.select();
    } else {
      open();
    }
  });
}
