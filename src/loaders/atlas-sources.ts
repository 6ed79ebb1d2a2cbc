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
      store.clear();
      for (const paper of papers) {
        const { slug, ...fields } = paper;
        const data = await parseData({ id: slug, data: fields });
        store.set({ id: slug, data, digest: generateDigest(fields) });
      }
      watcher?.add(options.contentDir);
    },
  };
}
