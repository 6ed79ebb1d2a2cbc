/**
 * The library on pages that list papers built in the browser (search results, the map): which papers are saved or
 * read, a Save button for a result, and the "hide seen" switch kept in the URL (`?hide=saved`).
 */
import { currentLibrary } from './storage.ts';
import { refreshSaveButtons } from './save-buttons.ts';

/** Slugs of the saved papers, and of those marked read (as last loaded by save-buttons.ts). */
export function libraryIds(): { saved: Set<string>; read: Set<string> } {
  const library = currentLibrary();
  return { saved: new Set(library.entries.map((entry) => entry.id)), read: new Set(library.entries.filter((entry) => entry.read).map((entry) => entry.id)) };
}

/** A compact Save button for a paper (the markup of SaveButton.astro), wired by save-buttons.ts. */
export function createSaveButton(slug: string, title: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset['save'] = slug;
  button.dataset['title'] = title;
  button.className = 'save-button is-compact';
  const label = document.createElement('span');
  label.dataset['saveLabel'] = '';
  label.textContent = 'Save';
  const hiddenTitle = document.createElement('span');
  hiddenTitle.className = 'sr-only';
  hiddenTitle.textContent = `: ${title}`;
  button.append(label, hiddenTitle);
  refreshSaveButtons(button.parentElement ?? wrap(button));
  return button;
}

function wrap(button: HTMLButtonElement): HTMLElement {
  const holder = document.createElement('div');
  holder.append(button);
  return holder;
}

/**
 * Wire a "hide seen" checkbox to the URL parameter `hide` (`saved`): its state is read from the URL at load,
 * written back on change, and `onChange` re-renders.
 */
export function bindHideSeen(checkbox: HTMLInputElement, onChange: () => void): () => boolean {
  checkbox.checked = new URLSearchParams(window.location.search).get('hide') === 'saved';
  checkbox.addEventListener('change', () => {
    const url = new URL(window.location.href);
    if (checkbox.checked) url.searchParams.set('hide', 'saved');
    else url.searchParams.delete('hide');
    window.history.replaceState(window.history.state, '', url);
    onChange();
  });
  return () => checkbox.checked;
}
