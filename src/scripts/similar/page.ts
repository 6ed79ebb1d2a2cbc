import { createSimilarClient } from './client.ts';
import { mapLinkOf, renderPapers, renderTopics } from './render.ts';

/** Pause in typing before a query runs. */
const DEBOUNCE_MS = 350;
/** Longest text kept in the shareable `?text=` URL (a longer one still runs, the URL just drops it). */
const MAX_URL_TEXT = 4000;

/**
 * The /similar/ page: paste or type a text, the nearest papers appear as you type (debounced) and on submit;
 * `?text=` runs on load, and the text is kept in the URL so the question can be shared.
 */
export function initSimilarPage(): void {
  const root = document.querySelector<HTMLElement>('[data-similar-page]');
  const form = root?.querySelector<HTMLFormElement>('form[data-similar-form]');
  const input = root?.querySelector<HTMLTextAreaElement>('textarea[data-similar-input]');
  const status = root?.querySelector<HTMLElement>('[data-similar-status]');
  const results = root?.querySelector<HTMLElement>('[data-similar-results]');
  const paperList = root?.querySelector<HTMLElement>('[data-similar-papers]');
  const topicList = root?.querySelector<HTMLElement>('[data-similar-topics]');
  const mapLink = root?.querySelector<HTMLAnchorElement>('[data-similar-map]');
  const notices = root?.querySelector<HTMLElement>('[data-similar-notices]');
  const embeddingNote = root?.querySelector<HTMLElement>('[data-similar-embedding-note]');
  if (!root || !form || !input || !status || !results || !paperList || !topicList || !mapLink || !notices || !embeddingNote) return;
  const base = root.dataset.base ?? '/';
  const ask = createSimilarClient(base);
  let timer: number | undefined;
  let lastText: string | null = null;

  const writeUrl = (text: string): void => {
    const params = new URLSearchParams(window.location.search);
    if (text.trim() && text.length <= MAX_URL_TEXT) params.set('text', text);
    else params.delete('text');
    const search = params.toString();
    history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
  };

  const run = async (): Promise<void> => {
    window.clearTimeout(timer);
    const text = input.value;
    if (text === lastText) return;
    lastText = text;
    try {
      // The question goes to the worker first; the page's own updates (URL, busy state) run while the worker answers.
      const asked = ask({ kind: 'text', text });
      writeUrl(text);
      root.setAttribute('aria-busy', 'true');
      status.textContent = text.trim() ? 'Finding the closest papers…' : status.textContent;
      const reply = await asked;
      if (!reply) return;
      root.removeAttribute('aria-busy');
      embeddingNote.hidden = reply.paperVectors !== 'embedding';
      const { answer } = reply;
      if (answer.status === 'message') {
        results.hidden = true;
        notices.replaceChildren();
        status.textContent = answer.message;
        return;
      }
      renderPapers(paperList, answer.papers, base);
      renderTopics(topicList, answer.topics, base);
      mapLink.href = mapLinkOf(base, answer.papers);
      notices.replaceChildren(...answer.notices.map((notice) => Object.assign(document.createElement('li'), { textContent: notice })));
      results.hidden = false;
      status.textContent = `${answer.papers.length} papers closest to your text, best first. Its strongest terms: ${answer.queryTerms.slice(0, 5).join(', ')}.`;
    } catch (error) {
      root.removeAttribute('aria-busy');
      results.hidden = true;
      status.textContent = `Similar papers could not be loaded: ${error instanceof Error ? error.message : String(error)}. Reload the page to try again.`;
    }
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), DEBOUNCE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    lastText = null;
    void run();
  });
  const initial = new URLSearchParams(window.location.search).get('text');
  if (initial) {
    input.value = initial;
    void run();
  }
}
