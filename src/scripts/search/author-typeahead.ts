import { suggestAuthors, type AuthorEntry } from '../../lib/search/author-suggest.ts';
import { loadEngine } from './load-engine.ts';

/** The author list, from the search engine, which also filters by it (one fetch for both). */
function loadAuthors(base: string): Promise<AuthorEntry[]> {
  return loadEngine(base).then((engine) => engine.authors());
}

const MAX_SUGGESTIONS = 8;

/**
 * Make an author field a typeahead over every author of the atlas (the list is fetched on first focus): typing
 * suggests names, family-name matches first; arrows move, Enter or a click picks one (the field then fires
 * `change`), Escape closes. The field keeps working as free text: what is typed filters too.
 * The field needs `role="combobox"` and `aria-controls` naming an empty `<ul role="listbox">` after it.
 */
export function attachAuthorTypeahead(input: HTMLInputElement, base: string): void {
  const list = document.getElementById(input.getAttribute('aria-controls') ?? '');
  if (!list) return;
  let active = -1;
  let suggestions: AuthorEntry[] = [];

  const close = (): void => {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const pick = (name: string): void => {
    input.value = name;
    close();
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };

  const setActive = (index: number): void => {
    const options = [...list.children] as HTMLElement[];
    active = options.length === 0 ? -1 : (index + options.length) % options.length;
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    const current = options[active];
    if (current) input.setAttribute('aria-activedescendant', current.id);
    else input.removeAttribute('aria-activedescendant');
  };

  const show = async (): Promise<void> => {
    const typed = input.value;
    const authors = await loadAuthors(base);
    if (typed !== input.value || document.activeElement !== input) return;
    suggestions = suggestAuthors(authors, typed, MAX_SUGGESTIONS);
    if (suggestions.length === 0 || (suggestions.length === 1 && suggestions[0]![0] === typed)) {
      close();
      return;
    }
    list.replaceChildren(
      ...suggestions.map(([name, paperIds], i) => {
        const count = paperIds.length;
        const option = document.createElement('li');
        option.id = `${list.id}-${i}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.className = 'author-option';
        const label = document.createElement('span');
        label.textContent = name;
        const papers = document.createElement('span');
        papers.className = 'author-option-count';
        papers.textContent = `${count.toLocaleString('en-US')} ${count === 1 ? 'paper' : 'papers'}`;
        option.append(label, papers);
        // mousedown, not click: the field would lose focus (and close the list) before a click lands.
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          pick(name);
        });
        return option;
      }),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
  };

  input.addEventListener('focus', () => void loadAuthors(base).catch(() => undefined), { once: true });
  input.addEventListener('input', () => void show().catch(close));
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (event) => {
    if (list.hidden) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      pick(suggestions[active]![0]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  });
}
