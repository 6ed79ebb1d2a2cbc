import type { APIRoute } from 'astro';
import { buildWebManifest } from '../lib/site/web-manifest.ts';

/** `/manifest.webmanifest`: name, colours and icons for "add to home screen"; URLs follow the base path. */
export const GET: APIRoute = () =>
  new Response(
    `${JSON.stringify(
      buildWebManifest({
        name: 'Research Atlas',
        shortName: 'Atlas',
        description: 'Browse papers by topic, on a map, and with instant search.',
        base: import.meta.env.BASE_URL,
        themeColor: '#3b4cca',
        backgroundColor: '#ffffff',
      }),
      null,
      2,
    )}\n`,
    { headers: { 'Content-Type': 'application/manifest+json' } },
  );
