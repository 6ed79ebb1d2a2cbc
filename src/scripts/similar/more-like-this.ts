/**
 * "More like this" on a paper page: a button that, when pressed, asks the similar-papers worker for the paper's
 * nearest papers. Nothing but this listener loads with the page; the worker and the vector files come on the press.
 * The markup is lean (paper pages are the bulk of dist/): the paper's slug is the last part of the page's path, the
 * base path is the page's `<html data-base>`, and the heading, the button, the live status line and the result list
 * are added here, at start, long before the press whose answer the status announces (the page serves the empty
 * section, with its height kept by global.css).
 */
export function initMoreLikeThis(): void {
  const root = document.querySelector<HTMLElement>('[data-more-like-this]');
  if (!root) return;
  const heading = document.createElement('h2');
  heading.textContent = 'More like this';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Show more like this';
  root.append(heading, button);
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  const results = document.createElement('ol');
  root.append(status, results);
  button.addEventListener('click', () => {
    button.disabled = true;
    status.textContent = 'Finding papers like this one…';
    void (async () => {
      const [{ createSimilarClient }, { renderPapers }] = await Promise.all([import('./client.ts'), import('./render.ts')]);
      const base = document.documentElement.dataset['base'] ?? '/';
      try {
        const reply = await createSimilarClient(base)({ kind: 'paper', slug: window.location.pathname.split('/').filter(Boolean).at(-1) ?? '', topic: Number(root.dataset.topic) });
        if (!reply) return;
        if (reply.answer.status === 'message') {
          status.textContent = reply.answer.message;
          return;
        }
        renderPapers(results, reply.answer.papers.slice(0, 10), base);
        status.textContent = `The ${Math.min(10, reply.answer.papers.length)} papers closest to this one, best first.`;
        button.hidden = true;
      } catch (error) {
        status.textContent = `Similar papers could not be loaded: ${error instanceof Error ? error.message : String(error)}.`;
        button.disabled = false;
      }
    })();
  });
}
