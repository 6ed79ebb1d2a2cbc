import type { AtlasTopic } from '../../lib/topics/atlas-schema.ts';

const numberFormat = new Intl.NumberFormat('en');

/**
 * Fill the legend list: one button per topic with its colour and paper count; with two levels, broad themes with
 * their subtopics nested under them. Clicking a button calls `onPick` with the topic id.
 */
export function renderLegend(
  list: HTMLElement,
  topics: readonly AtlasTopic[],
  levels: 1 | 2,
  colorOf: (topic: AtlasTopic) => string,
  onPick: (topicId: number) => void,
): void {
  const bySize = (a: AtlasTopic, b: AtlasTopic) => b.size - a.size || a.id - b.id;
  const roots = topics.filter((topic) => levels === 1 || topic.level === 0).sort(bySize);
  const itemFor = (topic: AtlasTopic, isChild: boolean): HTMLLIElement => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = isChild ? 'atlas-map-legend-item is-child' : 'atlas-map-legend-item';
    button.dataset.topicId = String(topic.id);
    button.dataset.topicSlug = topic.slug;
    button.setAttribute('aria-pressed', 'false');
    const swatch = document.createElement('span');
    swatch.className = 'atlas-map-swatch';
    swatch.style.background = colorOf(topic);
    const label = document.createElement('span');
    label.className = 'atlas-map-legend-label';
    label.textContent = topic.label;
    const size = document.createElement('span');
    size.className = 'atlas-map-legend-size';
    size.textContent = numberFormat.format(topic.size);
    size.setAttribute('aria-label', `${numberFormat.format(topic.size)} papers`);
    button.append(swatch, label, size);
    button.addEventListener('click', () => onPick(topic.id));
    item.append(button);
    return item;
  };
  const items: HTMLLIElement[] = [];
  for (const root of roots) {
    const item = itemFor(root, false);
    const children = levels === 2 ? topics.filter((topic) => topic.parent === root.id).sort(bySize) : [];
    if (children.length > 0) {
      const nested = document.createElement('ul');
      nested.className = 'atlas-map-legend-children';
      nested.append(...children.map((child) => itemFor(child, true)));
      item.append(nested);
    }
    items.push(item);
  }
  list.replaceChildren(...items);
}

/** Mark the focused topic's button as pressed (and no other). */
export function syncLegend(list: HTMLElement, focusedTopic: number | null): void {
  for (const button of list.querySelectorAll<HTMLButtonElement>('button[data-topic-id]')) {
    button.setAttribute('aria-pressed', String(Number(button.dataset.topicId) === focusedTopic));
  }
}

/**
 * Make the topics panel follow the view: mark each topic with papers in view (`data-in-view`, with the count in
 * its title), and scroll the list to the first theme in view unless the reader is using the list. `counts` null
 * (the whole map in view) clears the marks and leaves the scroll alone.
 */
export function syncLegendToView(list: HTMLElement, counts: ReadonlyMap<number, number> | null): void {
  let first: HTMLElement | null = null;
  for (const button of list.querySelectorAll<HTMLButtonElement>('button[data-topic-id]')) {
    const count = counts?.get(Number(button.dataset.topicId)) ?? 0;
    if (counts === null) {
      delete button.dataset.inView;
      continue;
    }
    button.dataset.inView = String(count > 0);
    if (count > 0 && !first && !button.classList.contains('is-child')) first = button;
  }
  const isInUse = list.matches(':hover') || list.contains(document.activeElement);
  if (!first || isInUse) return;
  const listBox = list.getBoundingClientRect();
  const itemBox = first.getBoundingClientRect();
  if (itemBox.top < listBox.top || itemBox.bottom > listBox.bottom) {
    list.scrollTo({ top: list.scrollTop + itemBox.top - listBox.top - 4, behavior: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }
}
