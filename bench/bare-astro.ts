import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CorpusRecord } from './corpus.ts';
import { writeMarkdownCorpus } from './corpus.ts';

/**
 * A throwaway Astro project in `dir` that turns every Markdown file into a page with no layout, topics or search:
 * the floor our build is compared with. It borrows this project's node_modules through a symlink.
 */
export async function writeBareAstroProject(dir: string, projectRoot: string, records: readonly CorpusRecord[]): Promise<void> {
  await mkdir(join(dir, 'src', 'pages'), { recursive: true });
  await symlink(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ name: 'bare-astro-bench', private: true, type: 'module' }, null, 2)}\n`);
  await writeFile(join(dir, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n");
  await writeFile(
    join(dir, 'src', 'content.config.ts'),
    [
      "import { defineCollection } from 'astro:content';",
      "import { glob } from 'astro/loaders';",
      "import { z } from 'astro/zod';",
      "const docs = defineCollection({ loader: glob({ pattern: '**/*.md', base: './content' }), schema: z.object({ title: z.string() }) });",
      'export const collections = { docs };',
      '',
    ].join('\n'),
  );
  await writeFile(
    join(dir, 'src', 'pages', '[...slug].astro'),
    [
      '---',
      "import { getCollection, render } from 'astro:content';",
      'export async function getStaticPaths() {',
      "  const entries = await getCollection('docs');",
      '  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));',
      '}',
      'const { entry } = Astro.props;',
      'const { Content } = await render(entry);',
      '---',
      '<html lang="en"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head><body><h1>{entry.data.title}</h1><Content /></body></html>',
      '',
    ].join('\n'),
  );
  await writeMarkdownCorpus(join(dir, 'content'), records, (record) => `---\ntitle: ${JSON.stringify(record.title)}\n---\n${record.abstract}\n`);
}
