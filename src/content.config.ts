import { defineCollection } from 'astro:content';
import { PaperSchema } from './lib/ingest/paper.ts';
import { atlasSourcesLoader } from './loaders/atlas-sources.ts';
import { readAtlasEnv } from './lib/site/env.ts';

const env = readAtlasEnv(process.env, process.argv);

/** Every paper of every source file in the content folder (`content/`, or `ATLAS_CONTENT`). Ids are slugs. */
const papers = defineCollection({
  loader: atlasSourcesLoader({ contentDir: env.contentDir, strict: env.strict }),
  schema: PaperSchema,
});

export const collections = { papers };
