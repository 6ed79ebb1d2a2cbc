import { foldForMatch } from '../lib/site/paper-list.ts';

/** Filter and sort every server-rendered papers list on the page; state lives in the URL (?filter=, ?sort=). */
export function initPaperLists(): void {
  for (const section of document.querySelectorAll<HTMLElement>('[data-paper-list]')) {
    const input = section.querySelector<HTMLInputElement>('[data-list-filter]');
    const select = section.querySelector<HTMLSelectElement>('[data-list-sort]');
    const list = section.querySelector<HTMLOListElement>('[data-list-items]');
    const countLine = section.querySelector<HTMLElement>('[data-list-count]');
    const empty = section.querySelector<HTMLElement>('[data-list-empty]');
    if (!input || !select || !list || !countLine || !empty) continue;
    const rows = [...list.children] as HTMLLIElement[];
    const total = rows.length;
    const params = new URLSearchParams(location.search);
    input.value = params.get('filter') ?? '';
    select.value = params.get('sort') === 'title' ? 'title' : 'source';

    const apply = () => {
      const words = foldForMatch(input.value).split(' ').filter(Boolean);
      let shown = 0;
      for (const row of rows) {
        const text = row.dataset['filterText'] ?? '';
        const match = words.every((word) => text.includes(word));
        row.hidden = !match;
        if (match) shown += 1;
      }
      const sorted = [...rows].sort(select.value === 'title' ? byTitle : byOrder);
      list.append(...sorted);
      countLine.textContent = words.length === 0 ? `${total} ${total === 1 ? 'paper' : 'papers'}` : `${shown} of ${total} papers match`;
      empty.hidden = shown > 0;
      const url = new URL(location.href);
      if (input.value) url.searchParams.set('filter', input.value);
      else url.searchParams.delete('filter');
      if (select.value === 'title') url.searchParams.set('sort', 'title');
      else url.searchParams.delete('sort');
      history.replaceState(history.state, '', url);
    };
    input.addEventListener('input', apply);
    select.addEventListener('change', apply);
    if (input.value || select.value !== 'source') apply();
  }
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function byTitle(a: HTMLElement, b: HTMLElement): number {
  return collator.compare(a.dataset['title'] ?? '', b.dataset['title'] ?? '') || byOrder(a, b);
}

function byOrder(a: HTMLElement, b: HTMLElement): number {
  return Number(a.dataset['order']) - Number(b.dataset['order']);
}
