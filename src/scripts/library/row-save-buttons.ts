import { createSaveButton } from './marks.ts';

/**
 * A list row (PaperRow.astro: title link in its h3, then the meta line) is served without a Save button: a
 * disabled button does nothing where scripts do not run, and lists run to 1,000 rows (the button was a tenth of a
 * papers-list row's bytes). Here each row of `root`'s lists gets the compact button script-made rows have
 * (marks.ts: the paper's slug, and its title for screen readers, read from the row's title link), at the end of
 * its meta line, where global.css holds its place until then. The row is marked `data-save-row`, which
 * save-buttons.ts reads to mark a saved paper's row. Rows that have a button already are left alone.
 * @example addRowSaveButtons(document.querySelector('[data-paper-list]')!) // each row's meta line ends with "Save"
 */
export function addRowSaveButtons(root: ParentNode = document): void {
  for (const row of root.querySelectorAll<HTMLLIElement>('[data-list-items] > li')) {
    const link = row.querySelector<HTMLAnchorElement>(':scope > h3 > a');
    const meta = row.querySelector<HTMLElement>(':scope > h3 + p');
    if (!link || !meta || meta.querySelector('button[data-save]')) continue;
    const slug = link.pathname.split('/').filter(Boolean).at(-1) ?? '';
    if (slug === '') continue;
    row.dataset['saveRow'] = '';
    meta.append(createSaveButton(slug, link.textContent?.trim() ?? ''));
  }
}
