/**
 * /library/: the saved papers (newest first or by topic, filtered by tag, read ones hidden on request, all kept in
 * the URL's query), with read/unread, note, tags and remove + undo per paper; counts per topic; the tools of
 * tools.ts. Re-renders when another tab changes the library (the `storage` event).
 */
import { refreshSnapshots, removeEntry, restoreEntry, tagCounts, topicCounts, updateEntry, type LibraryEntry } from '../../lib/library/store.ts';
import { followTopicMoves } from '../../lib/library/topic-moves.ts';
import { loadCatalogue, loadTopicIndex, snapshotFrom } from './catalogue.ts';
import { loadLibrary, onLibraryChange, storeLibrary } from './storage.ts';
import { downloadExport, importFile, showSharedList, updateShareLink, type LibraryContext } from './tools.ts';
import { createRecommendations } from './recommendations.ts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

const FIELD = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100';
const BUTTON = 'rounded-md border border-slate-300 px-2 py-1 text-sm hover:border-accent-500 dark:border-slate-600';

export async function initLibraryPage(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-library-page]');
  if (!root) return;
  const base = root.dataset['base'] ?? '/';
  const query = <T extends Element>(selector: string) => root.querySelector<T>(selector);
  const list = query<HTMLUListElement>('[data-library-list]');
  const problemBox = query<HTMLElement>('[data-library-problem]');
  const orderSelect = query<HTMLSelectElement>('[data-library-order]');
  const tagSelect = query<HTMLSelectElement>('[data-library-tag]');
  const scopeSelect = query<HTMLSelectElement>('[data-library-scope]');
  const hideRead = query<HTMLInputElement>('[data-library-hide-read]');
  const undoBar = query<HTMLElement>('[data-library-undo]');
  const shareLink = query<HTMLAnchorElement>('[data-library-share]');
  if (!list || !problemBox || !orderSelect || !tagSelect || !scopeSelect || !hideRead || !undoBar || !shareLink) return;

  const loaded = await loadLibrary();
  let library = loaded.library;
  let inAtlas: Set<string> | undefined;
  let topicInAtlas = new Map<string, string>();
  /** Slugs of this atlas's topics, once /library/topics.json is in: a saved topic among them is linked. */
  let liveTopics = new Set<string>();
  let lastRemoved: ReturnType<typeof removeEntry>['removed'];
  const showProblem = (message: string | undefined) => {
    problemBox.hidden = message === undefined;
    problemBox.textContent = message ?? '';
  };
  showProblem(loaded.problem);

  const params = new URLSearchParams(window.location.search);
  orderSelect.value = params.get('order') === 'topic' ? 'topic' : 'newest';
  hideRead.checked = params.get('hide') === 'read';
  const wantedTag = params.get('tag') ?? '';

  const recommendationList = query<HTMLOListElement>('[data-recommendations]');
  const recommendationStatus = query<HTMLElement>('[data-recommendations-status]');
  const context: LibraryContext = {
    base,
    get: () => library,
    set(next) {
      library = next;
      void storeLibrary(library).then(showProblem);
      render();
    },
  };

  function keepStateInUrl(): void {
    const url = new URL(window.location.href);
    const set = (key: string, value: string) => (value ? url.searchParams.set(key, value) : url.searchParams.delete(key));
    set('order', orderSelect!.value === 'topic' ? 'topic' : '');
    set('tag', tagSelect!.value);
    set('hide', hideRead!.checked ? 'read' : '');
    window.history.replaceState(null, '', url);
  }

  function entryItem(entry: LibraryEntry): HTMLLIElement {
    const item = element('li', 'py-4');
    item.dataset['libraryEntry'] = entry.id;
    const heading = element('h3', 'font-semibold leading-snug');
    const link = element('a', 'text-slate-900 hover:underline dark:text-slate-100', entry.paper.title);
    link.href = `${base.replace(/\/$/, '')}/papers/${entry.id}/`;
    heading.append(link);
    if (inAtlas && !inAtlas.has(entry.id)) {
      heading.append(' ', element('span', 'ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100', 'not in this atlas'));
      item.dataset['notInAtlas'] = '';
    }
    const meta = [entry.paper.authors.slice(0, 3).join(', ') + (entry.paper.authors.length > 3 ? ' et al.' : ''), entry.paper.date?.slice(0, 4)]
      .filter(Boolean)
      .join(' · ');
    item.append(heading);
    const topic = entry.paper.topic;
    if (meta || topic) {
      const line = element('p', 'mt-1 text-sm text-slate-600 dark:text-slate-400', meta);
      if (topic) {
        if (meta) line.append(' · ');
        // A topic of this atlas (a moved one already resolved to its successor) links to its page.
        if (liveTopics.has(topic.slug)) {
          const topicLink = element('a', 'underline hover:no-underline', topic.label);
          topicLink.href = `${base.replace(/\/$/, '')}/topics/${topic.slug}/`;
          topicLink.dataset['libraryTopic'] = topic.slug;
          line.append(topicLink);
        } else {
          line.append(topic.label);
        }
      }
      item.append(line);
    }

    const controls = element('div', 'mt-2 flex flex-wrap items-center gap-3 text-sm');
    const readLabel = element('label', 'flex items-center gap-1.5');
    const read = element('input');
    read.type = 'checkbox';
    read.checked = entry.read;
    read.dataset['libraryRead'] = '';
    read.addEventListener('change', () => context.set(updateEntry(library, entry.id, { read: read.checked })));
    readLabel.append(read, 'Read');

    const tagsLabel = element('label', 'flex items-center gap-1.5', 'Tags');
    const tags = element('input', `${FIELD} w-56`);
    tags.value = entry.tags.join(', ');
    tags.setAttribute('list', 'library-tags');
    tags.placeholder = 'comma-separated';
    tags.dataset['libraryTags'] = '';
    tags.addEventListener('change', () => {
      // Reuse an existing tag's spelling when the reader types it in another case.
      const known = new Map(tagCounts(library).map(({ tag }) => [tag.toLowerCase(), tag]));
      const typed = tags.value.split(',').map((tag) => known.get(tag.trim().toLowerCase()) ?? tag);
      context.set(updateEntry(library, entry.id, { tags: typed }));
    });
    tagsLabel.append(tags);

    const remove = element('button', BUTTON, 'Remove');
    remove.type = 'button';
    remove.setAttribute('aria-label', `Remove ${entry.paper.title}`);
    remove.dataset['libraryRemove'] = '';
    remove.addEventListener('click', () => {
      const result = removeEntry(library, entry.id);
      lastRemoved = result.removed;
      undoBar!.hidden = false;
      const text = undoBar!.querySelector('[data-library-undo-text]');
      if (text) text.textContent = `Removed “${entry.paper.title}”.`;
      context.set(result.library);
      undoBar!.querySelector<HTMLButtonElement>('[data-library-undo-button]')?.focus();
    });
    controls.append(readLabel, tagsLabel, remove);

    const noteLabel = element('label', 'mt-2 block text-sm');
    noteLabel.append(element('span', 'sr-only', `Note on ${entry.paper.title}`));
    const note = element('textarea', `${FIELD} mt-1 block w-full`);
    note.rows = 2;
    note.placeholder = 'Note';
    note.value = entry.note;
    note.dataset['libraryNote'] = '';
    note.addEventListener('change', () => context.set(updateEntry(library, entry.id, { note: note.value })));
    noteLabel.append(note);
    item.append(controls, noteLabel);
    return item;
  }

  function fillSelect(select: HTMLSelectElement, first: string, options: { value: string; label: string }[], wanted: string): void {
    const current = select.value || wanted;
    select.replaceChildren(new Option(first, ''), ...options.map((option) => new Option(option.label, option.value)));
    select.value = options.some((option) => option.value === current) ? current : '';
  }

  function render(): void {
    const tags = tagCounts(library);
    const tagOptions = tags.map(({ tag, count }) => ({ value: tag, label: `${tag} (${count})` }));
    fillSelect(tagSelect!, 'Any tag', tagOptions, wantedTag);
    fillSelect(scopeSelect!, 'whole library', tagOptions.map((option) => ({ ...option, label: `tag: ${option.label}` })), '');
    const datalist = document.getElementById('library-tags');
    datalist?.replaceChildren(...tags.map(({ tag }) => new Option(tag)));

    const tag = tagSelect!.value.toLowerCase();
    let entries = library.entries.filter((entry) => (tag === '' || entry.tags.some((other) => other.toLowerCase() === tag)) && !(hideRead!.checked && entry.read));
    if (orderSelect!.value === 'topic') {
      entries = [...entries].sort((a, b) => (a.paper.topic?.label ?? '\uffff').localeCompare(b.paper.topic?.label ?? '\uffff') || (a.savedAt < b.savedAt ? 1 : -1));
    }
    // Keep focus on a field being edited across the re-render.
    const active = document.activeElement as HTMLElement | null;
    const activeEntry = active?.closest<HTMLElement>('[data-library-entry]')?.dataset['libraryEntry'];
    const activeField = active ? Object.keys(active.dataset).find((key) => key.startsWith('library')) : undefined;
    list!.replaceChildren(...entries.map(entryItem));
    if (activeEntry && activeField) {
      const selector = `[data-${activeField.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}]`;
      [...list!.querySelectorAll<HTMLElement>('[data-library-entry]')].find((item) => item.dataset['libraryEntry'] === activeEntry)?.querySelector<HTMLElement>(selector)?.focus();
    }
    const count = query<HTMLElement>('[data-library-count]');
    if (count) {
      count.textContent =
        library.entries.length === 0
          ? 'Nothing saved yet: use Save on a paper page, a list or search results.'
          : `${entries.length} of ${library.entries.length} saved papers shown.`;
    }
    const topics = query<HTMLUListElement>('[data-library-topics]');
    const counts = topicCounts(library);
    topics?.replaceChildren(...counts.map(({ label, count: size }) => element('li', 'rounded-full bg-slate-100 px-3 py-1 dark:bg-slate-800', `${label}: ${size}`)));
    // An empty library has no topics: the heading alone would look like a list that failed to load.
    const topicSection = query<HTMLElement>('[data-library-topics-section]');
    if (topicSection) topicSection.hidden = counts.length === 0;
    void updateShareLink(context, shareLink!);
    recommendations?.update();
    keepStateInUrl();
  }

  const recommendations =
    recommendationList && recommendationStatus
      ? createRecommendations({
          base,
          list: recommendationList,
          status: recommendationStatus,
          get: () => library,
          set: (next) => context.set(next),
          topicOf: (slug) => topicInAtlas.get(slug) ?? library.entries.find((entry) => entry.id === slug)?.paper.topic?.slug,
        })
      : undefined;
  orderSelect.addEventListener('change', render);
  tagSelect.addEventListener('change', render);
  hideRead.addEventListener('change', render);
  undoBar.querySelector('[data-library-undo-button]')?.addEventListener('click', () => {
    const restored = lastRemoved?.entry.id;
    if (lastRemoved) context.set(restoreEntry(library, lastRemoved));
    lastRemoved = undefined;
    undoBar.hidden = true;
    // Focus goes back to the paper that came back, not to the top of the page.
    [...list.querySelectorAll<HTMLElement>('[data-library-entry]')].find((item) => item.dataset['libraryEntry'] === restored)?.querySelector<HTMLElement>('a')?.focus();
  });
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-library-export]')) {
    button.addEventListener('click', () => void downloadExport(context, button.dataset['libraryExport'] as 'bibtex' | 'ris' | 'csl-json', scopeSelect.value));
  }
  query<HTMLButtonElement>('[data-library-share-copy]')?.addEventListener('click', async (event) => {
    const button = event.currentTarget as HTMLButtonElement;
    try {
      await navigator.clipboard.writeText(shareLink.href);
      button.textContent = 'Link copied ✓';
    } catch {
      button.textContent = 'Copy failed: use the link';
    }
  });
  const importInput = query<HTMLInputElement>('[data-library-import]');
  const report = query<HTMLElement>('[data-library-import-report]');
  importInput?.addEventListener('change', () => {
    const file = importInput.files?.[0];
    if (file && report) void importFile(context, file, report).then(() => (importInput.value = ''));
  });
  onLibraryChange(() =>
    void loadLibrary().then((next) => {
      library = next.library;
      showProblem(next.problem);
      render();
    }),
  );
  const shared = query<HTMLElement>('[data-library-shared]');
  if (shared) {
    void showSharedList(context, shared, showProblem);
    window.addEventListener('hashchange', () => void showSharedList(context, shared, showProblem));
  }
  render();
  Promise.all([loadCatalogue(base), loadTopicIndex(base)])
    .then(([catalogue, topicIndex]) => {
      inAtlas = new Set(catalogue.keys());
      liveTopics = new Set(topicIndex.topics.map(([slug]) => slug));
      // Papers of this atlas take its current fields; papers it no longer has keep theirs, with a moved topic
      // replaced by its successor (atlas.json `moved`).
      const refreshed = followTopicMoves(refreshSnapshots(library, (slug) => snapshotFrom(catalogue, slug)), topicIndex);
      if (refreshed !== library) context.set(refreshed);
      topicInAtlas = new Map([...catalogue.values()].filter((row) => row[8] !== '').map((row) => [row[0], row[8]]));
      render();
    })
    .catch(() => showProblem('The list of this atlas’s papers could not be loaded: import and “not in this atlas” marks are unavailable.'));
}
