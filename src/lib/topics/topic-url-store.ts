/**
 * Where the previous build's topic URLs come from and where this build's go (topic-urls.ts does the matching).
 *
 * Every build writes what the next one needs into the cache folder, `topic-urls.json`: the published topics' slugs,
 * keywords and parents, each paper's topic and the moved slugs (a published `/atlas.json` without coordinates,
 * labels and related papers), with the content folder it was built from: another folder built with the same cache is
 * another site, whose topics are not this one's. It does not depend on the topic code's version, so a code change that refits keeps
 * the URLs too. A build can instead be given a previous `/atlas.json` (ATLAS_PREVIOUS_ATLAS): a CI job that starts
 * with an empty cache downloads the live site's and keeps its URLs. That file is untrusted input: it is checked
 * with a schema, slugs included, since each moved slug becomes a path in the output folder.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { AtlasData } from './atlas-schema.ts';
import { writeAtomically } from './atomic-write.ts';
import { matchTopicUrls, type PreviousAtlas } from './topic-urls.ts';

/** File name of the record in the cache folder. */
export const TOPIC_URLS_FILE = 'topic-urls.json';

/** A topic slug as the site makes them (label.ts slugifyLabels): lower-case ASCII letters, digits, inner hyphens. */
const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a topic slug (a-z, 0-9 and inner hyphens)').max(200);

/** What matching reads of an earlier atlas; other fields of an `/atlas.json` are ignored. */
export const PreviousAtlasSchema = z
  .object({
    topics: z.array(z.object({ slug: slugSchema, keywords: z.array(z.string()), parent: z.number().int().nonnegative().nullable() })),
    papers: z.array(z.object({ slug: z.string(), topic: z.number().int().nonnegative() })),
    moved: z.array(z.object({ slug: slugSchema, to: slugSchema.nullable() })).optional(),
    /** In a cache record: the content folder the atlas was built from (a record of another folder is another site's). */
    content: z.string().optional(),
  })
  .superRefine((atlas, context) => {
    const topicCount = atlas.topics.length;
    const slugs = new Set<string>();
    atlas.topics.forEach((topic, index) => {
      if (slugs.has(topic.slug)) context.addIssue({ code: 'custom', path: ['topics', index, 'slug'], message: `slug ${JSON.stringify(topic.slug)} is used twice` });
      slugs.add(topic.slug);
      if (topic.parent !== null && (topic.parent >= topicCount || topic.parent === index)) {
        context.addIssue({ code: 'custom', path: ['topics', index, 'parent'], message: `expected the id of another topic (0–${topicCount - 1}); got ${topic.parent}` });
      } else if (topic.parent !== null && atlas.topics[topic.parent]!.parent !== null) {
        context.addIssue({ code: 'custom', path: ['topics', index, 'parent'], message: `expected a theme (a topic without a parent); topic ${topic.parent} has one` });
      }
    });
    const firstBad = atlas.papers.findIndex((paper) => paper.topic >= topicCount);
    if (firstBad !== -1) {
      context.addIssue({ code: 'custom', path: ['papers', firstBad, 'topic'], message: `expected a topic id below ${topicCount}; got ${atlas.papers[firstBad]!.topic}` });
    }
    (atlas.moved ?? []).forEach((moved, index) => {
      if (slugs.has(moved.slug)) context.addIssue({ code: 'custom', path: ['moved', index, 'slug'], message: `slug ${JSON.stringify(moved.slug)} is also a topic's` });
    });
  });

/**
 * An earlier atlas from JSON text (a published `/atlas.json` or a cache record), or an error whose message starts
 * with `source` and names the field: `dist-old/atlas.json: topics[3].slug: expected a topic slug …`.
 * @example parsePreviousAtlas('{"topics":[],"papers":[]}', 'atlas.json') // => { topics: [], papers: [] }
 * @example parsePreviousAtlas('{"topics":[{"slug":"../x","keywords":[],"parent":null}],"papers":[]}', 'a.json') // throws 'a.json: topics[0].slug: expected a topic slug (a-z, 0-9 and inner hyphens)'
 */
export function parsePreviousAtlas(text: string, source: string): PreviousAtlas & { content?: string | undefined } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: expected the JSON of an /atlas.json (${(error as Error).message})`);
  }
  const parsed = PreviousAtlasSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 5).map((issue) => `${source}: ${pathText(issue.path)}: ${issue.message}`);
    throw new Error(lines.join('\n'));
  }
  return parsed.data;
}

/** `topics[3].slug` from zod's path. */
function pathText(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '(top level)';
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}

/** The previous atlas a build matches against, and where it came from (for the build log). */
export interface PreviousTopicUrls {
  previous: PreviousAtlas;
  source: string;
}

/** Where the previous atlas is looked for: an explicit file, else the record in `cacheDir` of a build of `contentDir`. */
export interface TopicUrlSources {
  explicitPath?: string | undefined;
  cacheDir: string;
  /** The content folder of this build: a cache record of another folder (another site sharing the cache) is ignored. */
  contentDir: string;
}

/**
 * The previous atlas: the file `explicitPath` names when given (a missing or invalid file is an error naming it:
 * the build was asked to keep those URLs), else the record the last build of the same content folder left in
 * `cacheDir` (absent, unreadable or of another folder: undefined, and the build names topics as a first build does).
 * @example await readPreviousTopicUrls({ cacheDir: 'node_modules/.astro/research-atlas', contentDir: '/site/content' }) // => { previous, source: '…/topic-urls.json' } | undefined
 */
export async function readPreviousTopicUrls(options: TopicUrlSources): Promise<PreviousTopicUrls | undefined> {
  if (options.explicitPath !== undefined) {
    const text = await readFile(options.explicitPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new Error(`ATLAS_PREVIOUS_ATLAS: cannot read ${options.explicitPath} (${error.code ?? error.message})`);
    });
    return { previous: parsePreviousAtlas(text, options.explicitPath), source: options.explicitPath };
  }
  const path = join(options.cacheDir, TOPIC_URLS_FILE);
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const previous = parsePreviousAtlas(text, path);
    return previous.content === options.contentDir ? { previous, source: path } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The record of `atlas`, built from `contentDir`, that the next build matches against: topics (slug, keywords,
 * parent), papers (slug, topic) and moved slugs, in the atlas's order, so the same atlas gives the same bytes.
 * @example serializeTopicUrls({ version: 1, levels: 1, topics: [], papers: [] }, '/site/content') // => '{"version":1,"content":"/site/content","topics":[],"papers":[]}'
 */
export function serializeTopicUrls(atlas: AtlasData, contentDir: string): string {
  return JSON.stringify({
    version: 1,
    content: contentDir,
    topics: atlas.topics.map((topic) => ({ slug: topic.slug, keywords: topic.keywords, parent: topic.parent })),
    papers: atlas.papers.map((paper) => ({ slug: paper.slug, topic: paper.topic })),
    ...(atlas.moved === undefined || atlas.moved.length === 0 ? {} : { moved: atlas.moved }),
  });
}

/**
 * Write the record of the published `atlas`, built from `contentDir`, into `cacheDir` (created when missing), under
 * a temporary name first so an interrupted build leaves the previous record whole.
 * @example await writeTopicUrls('node_modules/.astro/research-atlas', atlas, '/site/content')
 */
export async function writeTopicUrls(cacheDir: string, atlas: AtlasData, contentDir: string): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  await writeAtomically(join(cacheDir, TOPIC_URLS_FILE), serializeTopicUrls(atlas, contentDir));
}

/**
 * The atlas this build publishes: `atlas` (a fit, slugs from labels) with the topic URLs of the previous atlas kept
 * (readPreviousTopicUrls, matchTopicUrls), its record written to `cacheDir` for the next build, one log line said.
 * @example (await withLastingTopicUrls(fit.atlas, { cacheDir, log: console.log })).moved // => [{ slug: 'old-topic', to: 'its-successor' }] | undefined
 */
export async function withLastingTopicUrls(atlas: AtlasData, options: TopicUrlSources & { log?: (line: string) => void }): Promise<AtlasData> {
  const found = await readPreviousTopicUrls(options);
  const match = matchTopicUrls(atlas, found?.previous);
  if (found) {
    options.log?.(
      `topic URLs: ${match.kept} of ${atlas.topics.length} topics kept a URL of ${found.source}, ${match.fresh} new; ` +
        `${match.vanished} old URLs now redirect (${match.atlas.moved?.length ?? 0} redirects in all)`,
    );
  }
  await writeTopicUrls(options.cacheDir, match.atlas, options.contentDir);
  return match.atlas;
}
