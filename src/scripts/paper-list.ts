import { categoryChoiceText } from '../lib/site/filter-choices.ts';
import { foldForMatch, listFilterOptions, listStateFromSearch, rowMatchesFilters, writeListState, type FilterableRow, type ListFilterState } from '../lib/site/paper-list.ts';
import { fillOnFirstUseOrIdle, loadFilterChoices } from './filter-choices.ts';

type SelectKey = 'year' | 'category' | 'author';

/**
 * Fill a list's Category select, served with only "Any category" (`data-choices`, PaperList.astro): the rows'
 * categories, most papers first, at most MAX_FILTER_OPTIONS, as the build's `listFilterOptions` would list them,
 * labelled from the papers list's `/papers/filters.json`.
 */
async function fillCategorySelect(select: HTMLSelectElement, rows: readonly FilterableRow[]): Promise<void> {
  if (select.dataset['choices'] !== 'categories') return;
  delete select.dataset['choices'];
  const { categories: choices } = await loadFilterChoices(document.documentElement.dataset['base'] ?? '/');
  const labels = new Map(choices.map((option) => [option.value, option.label]));
  const { categories } = listFilterOptions(rows.map((row) => ({ year: '', categories: row.categories, authorSlugs: [] })), (slug) => slug, (value) => labels.get(value) ?? value);
  // Made as text: labels are the sources' free keywords.
  select.append(...categories.map((option) => new Option(categoryChoiceText(option), option.value)));
}

/** A row's space-separated list attribute (PaperRow.astro: category values, author slugs) as its values. */
function parseList(list: string | undefined): string[] {
  return list === undefined ? [] : list.split(' ').filter(Boolean);
}

/**
 * Filter and sort every server-rendered papers list on the page: the text box, the year/category/author select
 * boxes (when rendered) and the sort order combine; state lives in the URL (?filter=, ?year=, ?category=,
 * ?author=, ?sort=).
 */
export function initPaperLists(): void {
  for (const section of document.querySelectorAll<HTMLElement>('[data-paper-list]')) {
    const input = section.querySelector<HTMLInputElement>('[data-list-filter]');
    const sortSelect = section.querySelector<HTMLSelectElement>('[data-list-sort]');
    const list = section.querySelector<HTMLOListElement>('[data-list-items]');
    const countLine = section.querySelector<HTMLElement>('[data-list-count]');
    const empty = section.querySelector<HTMLElement>('[data-list-empty]');
    if (!input || !sortSelect || !list || !countLine || !empty) continue;
    const filterSelects = new Map<SelectKey, HTMLSelectElement>();
    for (const select of section.querySelectorAll<HTMLSelectElement>('[data-list-select]')) {
      const key = select.dataset['listSelect'];
      if (key === 'year' || key === 'category' || key === 'author') filterSelects.set(key, select);
    }
    const rows = [...list.children] as HTMLLIElement[];
    // Rows are served in the list's own order, and their titles, teasers and years are their own text: none of it
    // is repeated in data attributes (a topic or list page has up to 1,000 rows).
    for (const [index, row] of rows.entries()) {
      sourceOrder.set(row, index);
      titleOf.set(row, row.querySelector('h3')?.textContent?.trim() ?? '');
    }
    const rowData = new Map<HTMLLIElement, FilterableRow>(
      rows.map((row) => [
        row,
        {
          // The row is h3, meta line, teaser (PaperRow.astro); the year is the meta line's <time>.
          filterText: foldForMatch(`${titleOf.get(row) ?? ''} ${row.querySelector('p + p')?.textContent ?? ''} ${row.dataset['filterText'] ?? ''}`),
          year: row.querySelector('time')?.textContent?.trim() ?? '',
          categories: parseList(row.dataset['categories']),
          authorSlugs: parseList(row.dataset['authors']),
        },
      ]),
    );
    const total = rows.length;
    const initial = listStateFromSearch(location.search);
    input.value = initial.text;
    const setFromUrl = (key: SelectKey, select: HTMLSelectElement): void => {
      // A value from the URL that this list has no option for (another page's author) is dropped.
      select.value = [...select.options].some((option) => option.value === initial[key]) ? initial[key] : '';
    };
    for (const [key, select] of filterSelects) setFromUrl(key, select);
    sortSelect.value = new URLSearchParams(location.search).get('sort') === 'title' ? 'title' : 'source';

    const currentState = (): ListFilterState => ({
      text: input.value,
      year: filterSelects.get('year')?.value ?? '',
      category: filterSelects.get('category')?.value ?? '',
      author: filterSelects.get('author')?.value ?? '',
    });

    const apply = () => {
      const state = currentState();
      const isFiltered = foldForMatch(state.text) !== '' || state.year !== '' || state.category !== '' || state.author !== '';
      let shown = 0;
      for (const row of rows) {
        const data = rowData.get(row);
        const match = data !== undefined && rowMatchesFilters(data, state);
        row.hidden = !match;
        if (match) shown += 1;
      }
      const sorted = [...rows].sort(sortSelect.value === 'title' ? byTitle : byOrder);
      list.append(...sorted);
      countLine.textContent = isFiltered ? `${shown} of ${total} papers match` : `${total} ${total === 1 ? 'paper' : 'papers'}`;
      empty.hidden = shown > 0;
      const url = new URL(location.href);
      writeListState(url.searchParams, state);
      if (sortSelect.value === 'title') url.searchParams.set('sort', 'title');
      else url.searchParams.delete('sort');
      history.replaceState(history.state, '', url);
    };
    input.addEventListener('input', apply);
    sortSelect.addEventListener('change', apply);
    for (const select of filterSelects.values()) select.addEventListener('change', apply);
    const start = currentState();
    if (start.text || start.year || start.category || start.author || sortSelect.value !== 'source') apply();

    // The Category choices are made when the filters are first used or the page is idle; a category in the URL
    // makes them at once and then applies it.
    const categorySelect = filterSelects.get('category');
    if (categorySelect?.dataset['choices'] === 'categories') {
      const fill = (): Promise<void> => fillCategorySelect(categorySelect, [...rowData.values()]);
      fillOnFirstUseOrIdle(section.querySelector<HTMLElement>('[data-list-selects]') ?? categorySelect, () => void fill());
      if (initial.category !== '') {
        void fill().then(() => {
          setFromUrl('category', categorySelect);
          if (categorySelect.value !== '') apply();
        });
      }
    }
  }
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const sourceOrder = new WeakMap<HTMLElement, number>();
const titleOf = new WeakMap<HTMLElement, string>();

function byTitle(a: HTMLElement, b: HTMLElement): number {
  return collator.compare(titleOf.get(a) ?? '', titleOf.get(b) ?? '') || byOrder(a, b);
}

function byOrder(a: HTMLElement, b: HTMLElement): number {
  return (sourceOrder.get(a) ?? 0) - (sourceOrder.get(b) ?? 0);
}
