/**
 * What the site chrome (the layout's header and footer) shows on every page. Pages read it (src/data/site-chrome.ts)
 * and hand it to BaseLayout, which passes each part down; a page with a cache key puts it in the key's inputs, so a
 * change here re-renders every cached page.
 */
export interface SiteChrome {
  /** Whether the header links to the authors index (some paper of the corpus names its authors). */
  hasAuthorPages: boolean;
  /** Whether the header links to /trends/ (some paper of the corpus has a publication date). */
  hasDates: boolean;
  /** The date the footer shows, `YYYY-MM-DD` (`buildDate` in build-info.ts). */
  buildDate: string;
}
