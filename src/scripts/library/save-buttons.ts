/**
 * Save buttons (`button[data-save="<slug>"]`) on paper pages, list rows and search results: `aria-pressed` says
 * whether the paper is saved, a click saves or removes it and the page's status region says so. Rows of saved
 * papers get `data-saved` (styled as marked). Small on purpose: it is the only library script a paper page loads.
 */
import { findEntry, removeEntry, saveEntry } from '../../lib/library/store.ts';
import { currentLibrary, loadLibrary, onLibraryChange, storeLibrary } from './storage.ts';

let status: HTMLElement | undefined;

function announce(message: string): void {
  if (!status) {
    status = document.createElement('p');
    status.className = 'sr-only';
    status.setAttribute('role', 'status');
    status.dataset['saveStatus'] = '';
    document.body.append(status);
  }
  status.textContent = message;
}

/** Reflect the library on every save button and marked row in `root`. */
export function refreshSaveButtons(root: ParentNode = document): void {
  const library = currentLibrary();
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-save]')) {
    const saved = findEntry(library, slugOf(button)) !== undefined;
    button.setAttribute('aria-pressed', String(saved));
    button.disabled = false;
    // A row's button keeps its screen-reader title beside the label; the paper page's button is its label.
    (button.querySelector('[data-save-label]') ?? button).textContent = saved ? 'Saved' : 'Save';
    button.closest('[data-save-row]')?.toggleAttribute('data-saved', saved);
  }
}

async function toggle(button: HTMLButtonElement): Promise<void> {
  const id = slugOf(button);
  if (id === '') return;
  const current = await loadLibrary();
  let library = current.library;
  const title = titleOf(button) ?? id;
  if (findEntry(library, id)) {
    library = removeEntry(library, id).library;
    announce(`Removed from your library: ${title}`);
  } else {
    // The button carries only the title; /library/ fills the rest from the atlas (refreshSnapshots).
    library = saveEntry(library, id, { title, authors: [] }, new Date().toISOString());
    announce(`Saved to your library: ${title}`);
  }
  const problem = current.problem ?? (await storeLibrary(library));
  if (problem) announce(problem);
  refreshSaveButtons();
}

/** "Hide saved" boxes of paper lists: mark their list `data-hiding-seen` (CSS hides saved rows); kept in `?hide=saved`. */
function initHideSeen(): void {
  for (const box of document.querySelectorAll<HTMLInputElement>('input[data-hide-seen-list]')) {
    const list = box.closest('[data-paper-list], [data-papers-browser]');
    const apply = () => list?.toggleAttribute('data-hiding-seen', box.checked);
    box.checked = new URLSearchParams(window.location.search).get('hide') === 'saved';
    apply();
    box.addEventListener('change', () => {
      apply();
      const url = new URL(window.location.href);
      if (box.checked) url.searchParams.set('hide', 'saved');
      else url.searchParams.delete('hide');
      window.history.replaceState(window.history.state, '', url);
    });
  }
}

let initialised = false;

/** Wire every save button of the page (and any added later, e.g. search results) once. */
export function initSaveButtons(): void {
  if (initialised) return;
  initialised = true;
  initHideSeen();
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('button[data-save]');
    if (button) void toggle(button);
  });
  onLibraryChange(() => void loadLibrary().then(() => refreshSaveButtons()));
  void loadLibrary().then(() => refreshSaveButtons());
}

/**
 * The paper a button saves: its `data-save` value, or, for a button served without one (`data-save=""`, the
 * markup kept lean as paper pages and lists are the bulk of dist/), the last part of its row's title link or, on
 * the paper page, of the page's path: both are the paper's slug.
 */
function slugOf(button: HTMLButtonElement): string {
  const { pathname } = button.closest('[data-save-row]')?.querySelector<HTMLAnchorElement>('h3 a') ?? window.location;
  return button.dataset['save'] || (pathname.split('/').filter(Boolean).at(-1) ?? '');
}

/**
 * The paper's title for the announcement and the saved entry: a row button's own (`data-title` of search results,
 * the screen-reader text of a list row's button), else the paper page's JSON-LD title, which the page carries
 * anyway as plain text, so the big button does not repeat it (`name` when the `headline` was shortened).
 */
function titleOf(button: HTMLButtonElement): string | undefined {
  const own = button.dataset['title'] ?? button.querySelector('.sr-only')?.textContent?.replace(/^:\s*/, '');
  if (own) return own;
  const jsonLd = document.querySelector('script[type="application/ld+json"]')?.textContent;
  if (!jsonLd) return undefined;
  try {
    const { name, headline } = JSON.parse(jsonLd) as { name?: unknown; headline?: unknown };
    const title = name ?? headline;
    return typeof title === 'string' && title !== '' ? title : undefined;
  } catch {
    return undefined;
  }
}
