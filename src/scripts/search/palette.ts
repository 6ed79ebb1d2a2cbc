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
  // The dialog goes right after the header's button (no wrapper element in every page's markup).
  const opener = document.querySelector<HTMLButtonElement>('[data-search-open]');
  if (opener && !opener.nextElementSibling?.matches('dialog.palette')) opener.insertAdjacentHTML('afterend', paletteDialogHtml(siteBase()));
  const dialog = opener?.nextElementSibling instanceof HTMLDialogElement ? opener.nextElementSibling : undefined;
  const input = dialog?.querySelector<HTMLInputElement>('input[role="combobox"]');
  const list = dialog?.querySelector<HTMLElement>('[data-search-results]');
  const status = dialog?.querySelector<HTMLElement>('[data-search-status]');
  const empty = dialog?.querySelector<HTMLElement>('[data-search-empty]');
  if (!dialog || !opener || !input || !list || !status || !empty) return;

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
