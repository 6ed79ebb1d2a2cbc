/**
 * A list row's Save button is served as a bare "Save" (`data-save=""`, SaveButton.astro): the row's title link
 * already holds the paper's slug and title, and lists run to 1,000 rows. Here, once, before the buttons are
 * enabled, each gets its label element and, for screen readers, the title it saves (": <title>"), as a script-made
 * row button has them. Apart from save-buttons.ts, which every paper page loads and which has no rows to label.
 */
export function labelRowSaveButtons(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-save-row] button[data-save=""]')) {
    const link = button.closest('[data-save-row]')?.querySelector('h3 a');
    if (!link || button.querySelector('[data-save-label]')) continue;
    const label = document.createElement('span');
    label.dataset['saveLabel'] = '';
    label.textContent = button.textContent;
    const title = document.createElement('span');
    title.className = 'sr-only';
    title.textContent = `: ${link.textContent?.trim() ?? ''}`;
    button.replaceChildren(label, title);
  }
}
