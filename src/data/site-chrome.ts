import { buildDate } from '../lib/site/build-info.ts';
import type { SiteChrome } from '../lib/site/chrome.ts';
import { hasAuthorPages } from './authors.ts';
import { getPapers } from './papers.ts';

let chromeOfBuild: Promise<SiteChrome> | undefined;

/** The header's and footer's inputs for this build (src/lib/site/chrome.ts); memoised per build. */
export function getSiteChrome(): Promise<SiteChrome> {
  chromeOfBuild ??= Promise.all([hasAuthorPages(), getPapers()]).then(([hasAuthors, papers]) => ({
    hasAuthorPages: hasAuthors,
    hasDates: papers.some((paper) => paper.date !== undefined),
    buildDate: buildDate(process.env),
  }));
  return chromeOfBuild;
}
