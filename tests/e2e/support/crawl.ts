import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

export interface BrokenLink {
  page: string;
  target: string;
}

/**
 * Read every HTML file of a built site and check that each internal `href`/`src` (under `basePath`) points to a
 * file of the build (`x/` → `x/index.html`). External links, `mailto:` and fragments are skipped.
 */
export async function findBrokenLinks(root: string, basePath = '/'): Promise<{ pages: number; links: number; broken: BrokenLink[] }> {
  const htmlFiles = (await listFiles(root)).filter((file) => file.endsWith('.html'));
  const checked = new Map<string, boolean>();
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const file of htmlFiles) {
    const html = await readFile(file, 'utf8');
    const pagePath = `/${relative(root, file)}`;
    for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const raw = (match[1] ?? '').replace(/&amp;/g, '&');
      if (/^(?:[a-z]+:|\/\/|#)/i.test(raw) || raw === '') continue;
      const absolute = new URL(raw, `http://site${basePath}${relative(root, file)}`).pathname;
      links += 1;
      if (!checked.has(absolute)) checked.set(absolute, await existsInBuild(root, absolute, basePath));
      if (!checked.get(absolute)) broken.push({ page: pagePath, target: raw });
    }
  }
  return { pages: htmlFiles.length, links, broken };
}

async function existsInBuild(root: string, pathname: string, basePath: string): Promise<boolean> {
  if (!pathname.startsWith(basePath)) return false;
  const local = join(root, decodeURIComponent(pathname.slice(basePath.length)));
  try {
    const info = await stat(local);
    if (info.isFile()) return true;
    return (await stat(join(local, 'index.html'))).isFile();
  } catch {
    return false;
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : Promise.resolve([join(dir, entry.name)]))),
  );
  return nested.flat();
}
