/** Export, import and share on /library/: file downloads, the import report, the share link and a shared list. */
import { exportBibtex } from '../../lib/library/bibtex.ts';
import { exportRis } from '../../lib/library/ris.ts';
import { exportCslJson } from '../../lib/library/csl-json.ts';
import { rowToCataloguePaper } from '../../lib/library/catalogue.ts';
import { createMatcher, importLibraryFile } from '../../lib/library/match.ts';
import { decodeShareFragment, encodeShareFragment } from '../../lib/library/share-link.ts';
import { mergeEntries, saveEntry, type Library, type LibraryEntry } from '../../lib/library/store.ts';
import type { ExportItem } from '../../lib/library/record.ts';
import { loadCatalogue, snapshotFrom } from './catalogue.ts';

type Format = 'bibtex' | 'ris' | 'csl-json';
const WRITERS: Record<Format, { write: (items: readonly ExportItem[]) => string; extension: string; type: string }> = {
  bibtex: { write: exportBibtex, extension: 'bib', type: 'application/x-bibtex' },
  ris: { write: exportRis, extension: 'ris', type: 'application/x-research-info-systems' },
  'csl-json': { write: exportCslJson, extension: 'json', type: 'application/vnd.citationstyles.csl+json' },
};

export interface LibraryContext {
  base: string;
  get(): Library;
  /** Store and re-render; returns a problem message when the library could not be stored. */
  set(library: Library): void;
}

function pageUrl(base: string, slug: string): string {
  return new URL(`${base.replace(/\/$/, '')}/papers/${slug}/`, window.location.origin).href;
}

/** Download the entries (the whole library or one tag) in a format; the atlas's current fields where it has the paper. */
export async function downloadExport(context: LibraryContext, format: Format, tag: string): Promise<void> {
  const catalogue = await loadCatalogue(context.base).catch(() => new Map());
  const entries = context.get().entries.filter((entry) => tag === '' || entry.tags.some((other) => other.toLowerCase() === tag.toLowerCase()));
  const items = entries.map((entry) => ({ entry: { ...entry, paper: snapshotFrom(catalogue, entry.id) ?? entry.paper }, pageUrl: pageUrl(context.base, entry.id) }));
  const writer = WRITERS[format];
  const blob = new Blob([writer.write(items)], { type: `${writer.type};charset=utf-8` });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `library${tag ? `-${tag.replace(/[^\p{L}\p{N}]+/gu, '-')}` : ''}.${writer.extension}`;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Import a file into the library and write the report; a bad file leaves the library as it was. */
export async function importFile(context: LibraryContext, file: File, report: HTMLElement): Promise<void> {
  report.hidden = false;
  report.textContent = `Reading ${file.name}…`;
  try {
    const [text, catalogue] = await Promise.all([file.text(), loadCatalogue(context.base)]);
    const matcher = createMatcher([...catalogue.values()].map(rowToCataloguePaper));
    const result = importLibraryFile(file.name, text, matcher, new Date().toISOString(), (slug) => snapshotFrom(catalogue, slug));
    const { library, added } = mergeEntries(context.get(), result.entries);
    context.set(library);
    report.replaceChildren();
    const summary = document.createElement('p');
    summary.dataset['importSummary'] = '';
    const already = result.entries.length - added;
    summary.textContent =
      `${file.name}: ${result.read} entries read; ${added} added to your library` +
      (already > 0 ? `, ${already} already in it` : '') +
      (result.kept > 0 ? `, ${result.kept} kept as not in this atlas` : '') +
      `; ${result.notFound.length} not found in this atlas` +
      (result.problems.length > 0 ? `; ${result.problems.length} could not be read` : '') +
      '.';
    report.append(summary);
    const missing = [...result.notFound.map((item) => `line ${item.line}: ${item.title}`), ...result.problems.map((item) => `line ${item.line}: ${item.message}`)];
    if (missing.length > 0) {
      const details = document.createElement('details');
      const label = document.createElement('summary');
      label.textContent = 'Not found or not read';
      const list = document.createElement('ul');
      list.dataset['importNotFound'] = '';
      list.className = 'mt-1 list-disc pl-6';
      for (const line of missing) {
        const item = document.createElement('li');
        item.textContent = line;
        list.append(item);
      }
      details.append(label, list);
      report.append(details);
    }
  } catch (error) {
    report.textContent = `Nothing was imported: ${(error as Error).message}. Your library is unchanged.`;
  }
}

/**
 * Longest share link offered: 64 kB of URL opens in every current browser and survives mail and chat clients that
 * cut longer ones (Chromium itself takes 2 MB). About 1,700 papers of an arXiv-sized atlas (≈ 36 characters each).
 */
const MAX_SHARE_URL = 64_000;

/** Point the share link at a URL that carries the library's papers (newest first). */
export async function updateShareLink(context: LibraryContext, link: HTMLAnchorElement): Promise<void> {
  const url = new URL(`${context.base.replace(/\/$/, '')}/library/`, window.location.origin);
  const ids = context.get().entries.map((entry) => entry.id);
  url.hash = ids.length > 0 ? await encodeShareFragment(ids) : '';
  const tooLong = url.href.length > MAX_SHARE_URL;
  link.href = tooLong ? url.href.split('#')[0] ?? url.href : url.href;
  link.textContent = tooLong ? 'Library too large for a link: export it instead' : 'Share link';
  link.setAttribute('aria-label', tooLong ? `A share link cannot hold ${ids.length} papers; export the library instead` : `Share link to ${ids.length} saved papers`);
}

/** When the page was opened from a share link: show its papers with "add to my library". */
export async function showSharedList(context: LibraryContext, section: HTMLElement, problem: (message: string) => void): Promise<void> {
  let slugs: string[] | null;
  try {
    slugs = await decodeShareFragment(window.location.hash);
  } catch (error) {
    section.hidden = true;
    problem(`${(error as Error).message}. Your own library is unchanged.`);
    return;
  }
  if (!slugs) {
    section.hidden = true;
    return;
  }
  const catalogue = await loadCatalogue(context.base).catch(() => new Map());
  const list = section.querySelector<HTMLElement>('[data-shared-list]');
  const summary = section.querySelector<HTMLElement>('[data-shared-summary]');
  const known = slugs.filter((slug) => catalogue.has(slug));
  if (summary) summary.textContent = `${slugs.length} papers${known.length < slugs.length ? `, ${slugs.length - known.length} of them not in this atlas` : ''}.`;
  list?.replaceChildren(
    ...slugs.map((slug) => {
      const item = document.createElement('li');
      const paper = snapshotFrom(catalogue, slug);
      if (paper) {
        const link = document.createElement('a');
        link.href = pageUrl(context.base, slug);
        link.textContent = paper.title;
        link.className = 'underline';
        item.append(link);
      } else {
        item.textContent = `${slug} (not in this atlas)`;
      }
      return item;
    }),
  );
  section.hidden = false;
  const add = section.querySelector<HTMLButtonElement>('[data-shared-add]');
  if (add) add.textContent = 'Add to my library';
  if (add) add.onclick = (event) => {
    const now = Date.now();
    const incoming: LibraryEntry[] = known.map((slug, index) => {
      const entry = saveEntry({ version: 2, entries: [], notInterested: [] }, slug, snapshotFrom(catalogue, slug) ?? { title: slug, authors: [] }, new Date(now - index).toISOString()).entries[0];
      return entry as LibraryEntry;
    });
    const { library, added } = mergeEntries(context.get(), incoming);
    context.set(library);
    (event.currentTarget as HTMLButtonElement).textContent = `Added ${added} to my library`;
  };
}
