import { texToPlain } from '../tex/plain.ts';
import type { TopicInput } from './atlas-schema.ts';

/**
 * The papers as the topic step (and the vectors shipped to the browser) read them: slug, source id, and title and
 * abstract in their plain form, so `$\ell_1$` counts as the word `ℓ1` a reader types, not as TeX commands.
 * One function for the build and the tests of the bundled corpus, so both fit the same text. It takes the paper's
 * shape, not ingest's type, so topics stays below ingest (tests/unit/layers.test.ts).
 * @example topicInputsOf([{ slug: 'a', title: 'Testing $k$-Modal Distributions', abstract: 'We test.', ... }])
 * // => [{ slug: 'a', title: 'Testing k-Modal Distributions', abstract: 'We test.' }]
 */
export function topicInputsOf(papers: readonly { slug: string; title: string; abstract: string; sourceId?: string | undefined }[]): TopicInput[] {
  return papers.map((paper) => ({
    slug: paper.slug,
    title: texToPlain(paper.title),
    abstract: texToPlain(paper.abstract),
    ...(paper.sourceId === undefined ? {} : { sourceId: paper.sourceId }),
  }));
}
