import { defineCollection } from 'astro:content';
import { PaperSchema } from './lib/ingest/paper.ts';
import { atlasSourcesLoader } from './loaders/atlas-sources.ts';
import { atlasConfig } from './lib/config.ts';

const config = atlasConfig();

/** Every paper of every source file in the content folder (`content/`, or `ATLAS_CONTENT`). Ids are slugs. */
const papers = defineCollection({
  loader: atlasSourcesLoader({ contentDir: config.contentDir, strict: config.strict }),
  schema: PaperSchema,
});

export const collections = { papers };
