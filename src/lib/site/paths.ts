/**
 * Join the site's base path (Astro's `import.meta.env.BASE_URL`, e.g. `/` or `/my-atlas/`) and a site path.
 * Every internal link and fetch goes through this so the atlas works under any sub-path.
 * @example joinBase('/my-atlas/', '/papers/x/') // => '/my-atlas/papers/x/'
 * @example joinBase('/', 'search/') // => '/search/'
 */
export function joinBase(base: string, path: string): string {
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  const trimmedPath = path.startsWith('/') ? path : `/${path}`;
  return `${trimmedBase}${trimmedPath}`;
}
