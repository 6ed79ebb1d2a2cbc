import { joinBase } from './paths.ts';

export interface WebManifestOptions {
  name: string;
  shortName: string;
  description: string;
  /** The site's base path, e.g. `/` or `/my-atlas/`. */
  base: string;
  themeColor: string;
  backgroundColor: string;
}

/** The icons in `public/`: the SVG favicon and PNGs for launchers that need bitmaps. */
export const SITE_ICONS = [
  { path: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
  { path: '/icon-192.png', sizes: '192x192', type: 'image/png' },
  { path: '/icon-512.png', sizes: '512x512', type: 'image/png' },
] as const;

/**
 * The web app manifest (W3C Web Application Manifest) as an object; every URL carries the base path.
 * @example buildWebManifest({ name: 'Research Atlas', shortName: 'Atlas', description: 'd', base: '/my-atlas/', themeColor: '#3b4cca', backgroundColor: '#ffffff' }).start_url
 * // => '/my-atlas/'
 */
export function buildWebManifest(options: WebManifestOptions): Record<string, unknown> {
  return {
    name: options.name,
    short_name: options.shortName,
    description: options.description,
    start_url: joinBase(options.base, '/'),
    scope: joinBase(options.base, '/'),
    display: 'standalone',
    theme_color: options.themeColor,
    background_color: options.backgroundColor,
    icons: SITE_ICONS.map((icon) => ({ src: joinBase(options.base, icon.path), sizes: icon.sizes, type: icon.type })),
  };
}
