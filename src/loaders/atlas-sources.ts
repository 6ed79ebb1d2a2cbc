import type { Loader } from 'astro/loaders';
import { loadPapers } from '../lib/ingest/read-sources.ts';
import { formatIngestReport } from '../lib/ingest/report.ts';

export interface AtlasSourcesOptions {
  /** Absolute path of the folder holding the source files. */
  contentDir: string;
  /** Fail the build on any warning or rejected record. */
  strict: boolean;
}

/**
 * Astro content-layer loader: reads every source file in `contentDir` through the format registry,
 * logs the ingest report and stores one entry per paper, keyed by slug.
 * The parsing and accounting live in `src/lib/ingest/`; this file only connects them to Astro.
 */
export function atlasSourcesLoader(options: AtlasSourcesOptions): Loader {
  return {
    name: 'research-atlas-sources',
    load: async ({ store, parseData, logger, generateDigest, watcher }) => {
      const { papers, report } = await loadPapers(options.contentDir, { strict: options.strict });
      // Indented lines are the report's `file:line: reason` entries: shown as warnings so they stand out.
      for (const line of formatIngestReport(report).split('\n')) {
        if (line.startsWith('  ')) logger.warn(line.trim());
        else if (line.trim() !== '') logger.info(line);
      }
      // Keep unchanged entries: Astro persists the store between builds, so a rebuild with one paper added
      // validates and writes only that paper instead of the whole corpus.
      const slugs = new Set<string>();
      for (const paper of papers) {
        const { slug, ...fields } = paper;
        slugs.add(slug);
        const digest = generateDigest(fields);
        if (store.get(slug)?.digest === digest) continue;
        const data = await parseData({ id: slug, data: fields });
        store.set({ id: slug, data, digest });
      }
      for (const slug of store.keys()) {
        if (!slugs.has(slug)) store.delete(slug);
      }
      watcher?.add(options.contentDir);
    },
  };
}
