import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TopicInput } from '../../../src/lib/topics/atlas-schema.ts';

const trendingPath = fileURLToPath(new URL('../../../content/trending-papers.txt', import.meta.url));

/** Whether the bundled corpus is there (tests that need it skip with this message otherwise). */
export const hasTrending = existsSync(trendingPath);
export const trendingSkip = !hasTrending && 'content/trending-papers.txt is absent';

/**
 * The bundled trending list as topic inputs (`paper-0`, `paper-1`, …): two boilerplate lines, then title and
 * abstract lines alternating ("Subscribe" glued to the first title). Empty when the file is absent.
 */
export function readTrending(): TopicInput[] {
  if (!hasTrending) return [];
  const lines = readFileSync(trendingPath, 'utf8').split(/\r?\n/).map((line) => line.trim()).filter(Boolean).slice(2);
  const papers: TopicInput[] = [];
  for (let index = 0; index + 1 < lines.length; index += 2) {
    papers.push({ slug: `paper-${index / 2}`, title: lines[index]!.replace(/^Subscribe/, ''), abstract: lines[index + 1]! });
  }
  return papers;
}
