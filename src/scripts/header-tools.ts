/**
 * The header's two controls, made by the header's script rather than served in every page: the search palette's
 * button (it opens the palette, src/scripts/search/palette.ts, which also adds the dialog beside it; `/` or
 * Ctrl/Cmd-K opens it too) and the light/dark switch (src/scripts/theme-toggle.ts; its icon, a moon in light and a
 * sun in dark, is drawn by global.css). Neither does anything without JavaScript, and their markup was ~290 bytes
 * of each of 100,000 paper pages. `.site-tools` reserves their height (global.css), so the header does not move
 * when they appear; where scripts do not run, the navigation's Search link remains.
 */
const HEADER_TOOLS_HTML =
  '<button type="button" data-search-open aria-haspopup="dialog" aria-keyshortcuts="/ Control+K Meta+K" class="palette-open">' +
  '<span>Search papers</span><kbd aria-hidden="true">/</kbd></button>' +
  '<button type="button" data-theme-toggle class="icon-button" aria-label="Switch to dark theme"></button>';

/** Put the search button and the theme switch into the header's `.site-tools` (once; markup of this module only). */
export function addHeaderTools(): void {
  const tools = document.querySelector('.site-tools');
  if (tools && tools.childElementCount === 0) tools.insertAdjacentHTML('afterbegin', HEADER_TOOLS_HTML);
}
