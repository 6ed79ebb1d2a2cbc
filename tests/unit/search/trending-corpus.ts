import { readFileSync } from 'node:fs';
import type { SearchBuildInput } from '../../../src/lib/search/build-index.ts';

/**
 * The bundled corpus (content/trending-papers.txt) read with a tiny local parser: after the page chrome
 * ("Get trending papers…", "Subscribe"), lines alternate title, abstract.
 */
export function readTrendingCorpus(): SearchBuildInput {
  const text = readFileSync(new URL('../../../content/trending-papers.txt', import.meta.url), 'utf8');
  const lines = text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('Get trending papers'))
    .map((line, i) => (i === 0 ? line.replace(/^Subscribe/, '') : line));
  const papers: SearchBuildInput['papers'] = [];
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const title = lines[i]!.trim();
    papers.push({
      title,
      slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''),
      abstract: lines[i + 1]!.trim(),
      authors: [],
      year: 0,
      topic: -1,
    });
  }
  return { papers, topics: [] };
}
