import { fileURLToPath } from 'node:url';
import type { SluggedPaper } from '../../src/lib/ingest/paper.ts';
import { loadPapers } from '../../src/lib/ingest/read-sources.ts';
import { papersToSearchInput, type SearchBuildInput } from '../../src/lib/search/build-index.ts';
import type { TopicInput } from '../../src/lib/topics/atlas-schema.ts';
import { topicInputsOf } from '../../src/lib/topics/topic-inputs.ts';

/**
 * The bundled corpus (content/) read the way the site reads it: the ingest of the build's content loader, strict,
 * so the tests see the same papers, slugs and order as the pages. A missing or unreadable content folder throws,
 * which fails every test that imports this module: a tracked file that is missing is a failure, not a skip.
 */
const contentDir = fileURLToPath(new URL('../../content/', import.meta.url));

export const bundledPapers: readonly SluggedPaper[] = (await loadPapers(contentDir, { strict: true })).papers;

/** The bundled papers as the topic step gets them: the site's own topicInputsOf (plain text of titles and abstracts). */
export function bundledTopicInputs(): TopicInput[] {
  return topicInputsOf(bundledPapers);
}

/** The bundled papers as the site's search records (papersToSearchInput), without topics: these tests are about text matching. */
export function bundledSearchInput(): SearchBuildInput {
  return papersToSearchInput(bundledPapers, { version: 1, levels: 1, topics: [], papers: [] });
}
