import { existsSync } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { buildAndServeSite } from './fixture-site.ts';

const SAMPLES = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpora', 'samples');

/**
 * Real files of ../shared/corpora/samples (read there, copied into test-results/, never into the project): the
 * last OAI-PMH page of the arXiv cs harvest (538 papers), ICLR 2017 from OpenReview (490) and a Zotero BibTeX
 * export (169 entries, some without an abstract). Together 1,190 papers and 2,503 authors, which is what makes
 * the page types the bundled corpus lacks: /papers/page/2/, author pages, author letter pages, a two-level map.
 */
export const FIXTURE_ATLAS_SOURCES = [
  'oai-pmh/shishir167+arxivXMLParser__xml_103.xml',
  'openreview/papercopilot+paperlists__iclr_iclr2017.json',
  'bibtex/brendon-boldt+phd-thesis__zotero.bib',
].map((path) => resolve(SAMPLES, path));

/**
 * Build the fixture atlas (FIXTURE_ATLAS_SOURCES) into test-results/<name>-dist and serve it on a port of its own;
 * each spec passes its own `name`, so specs running side by side do not build into one folder. Throws, naming the
 * file, when a sample is missing: a check that silently ran on less would prove nothing.
 */
export async function buildAndServeFixtureAtlas(name = 'every-page-type'): Promise<{ outDir: string; url: string; close: () => Promise<void> }> {
  const contentDir = resolve(`test-results/${name}-content`);
  await rm(contentDir, { recursive: true, force: true });
  await mkdir(contentDir, { recursive: true });
  for (const source of FIXTURE_ATLAS_SOURCES) {
    if (!existsSync(source)) throw new Error(`${source}: sample of the fixture atlas is missing (see ../shared/corpora/README.md)`);
    await copyFile(source, resolve(contentDir, basename(source)));
  }
  return buildAndServeSite(name, { ATLAS_CONTENT: contentDir });
}
