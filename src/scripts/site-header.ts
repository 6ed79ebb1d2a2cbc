import { addHeaderTools } from './header-tools.ts';
import { initSearchPalette } from './search/palette.ts';
import { initThemeToggle } from './theme-toggle.ts';

/**
 * The header's controls: the search button and theme switch made (header-tools.ts), then wired. Started by
 * SiteHeaderScript on every page but paper pages, whose own module starts it, so a paper page links one module.
 */
export function initSiteHeader(): void {
  addHeaderTools();
  initSearchPalette();
  initThemeToggle();
}
