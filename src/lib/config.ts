/**
 * Every build setting in one place: one zod schema over the `ATLAS_*` environment variables (and the host variables
 * the site origin can be derived from), with each default written once, read once per process, and friendly errors
 * that put the variable in front ("ATLAS_STRICT: expected …; got "2""), as Starlight's parseWithFriendlyErrors does.
 * astro.config.mjs, the content loader, the topic step's cache, the pages and `atlas check` all read atlasConfig().
 */
import { resolve } from 'node:path';
import { z } from 'zod';

/** The origin absolute URLs use when nothing says where the site lives: `npm start`'s local preview server. */
export const DEFAULT_SITE = 'http://localhost:4321';

const ON = ['1', 'true', 'yes', 'on'];
const OFF = ['0', 'false', 'no', 'off', ''];

/** An on/off switch: 1, true, yes, on (any case) turn it on; 0, false, no, off or unset leave it off; anything else is an error. */
const flagSchema = z
  .string()
  .optional()
  .transform((value, context) => {
    const word = (value ?? '').trim().toLowerCase();
    if (ON.includes(word)) return true;
    if (OFF.includes(word)) return false;
    context.addIssue({ code: 'custom', message: `expected 1, true, yes or on (or 0, false, no, off to leave it off); got ${JSON.stringify(value)}` });
    return z.NEVER;
  });

/** An absolute http(s) URL: the origin (and optional path) the site is published at. */
const siteSchema = z
  .string()
  .optional()
  .superRefine((value, context) => {
    if (value === undefined) return;
    const url = URL.canParse(value) ? new URL(value) : undefined;
    if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      context.addIssue({ code: 'custom', message: `expected an absolute http(s) URL such as https://atlas.example.org; got ${JSON.stringify(value)}` });
    }
  });

/** A path setting: any non-blank string. */
const pathSchema = z
  .string()
  .optional()
  .refine((value) => value === undefined || value.trim() !== '', { message: 'expected a path; got only spaces' });

/** A sub-path of the origin such as `/my-atlas/`: no scheme, no host, no query. */
const baseSchema = z
  .string()
  .optional()
  .refine((value) => value === undefined || /^\/?[^?#:\s]*$/.test(value), {
    message: 'expected a path such as /my-atlas/ (no scheme, host, query or spaces)',
  });

/**
 * The environment the build reads. Keys are the variables' names, so a problem is reported under the name the user
 * typed. An empty value counts as unset (CI systems pass unset repository variables as empty strings).
 */
export const AtlasEnvSchema = z.object({
  /** Absolute origin of the published site: canonical links, Open Graph, JSON-LD, sitemap, feed, cite block. Default: derived from the host, else DEFAULT_SITE. */
  ATLAS_SITE: siteSchema,
  /** Sub-path the site is served under, e.g. `/my-atlas/` for a GitHub Pages project site. Default `/` (or `/<repo>/` on GitHub Actions). */
  ATLAS_BASE: baseSchema,
  /** Output folder of the build. Default `./dist`. */
  ATLAS_OUT_DIR: pathSchema,
  /** Astro's cache folder (content store, page cache, the stored topic fit). Default `node_modules/.astro`. */
  ATLAS_CACHE_DIR: pathSchema,
  /** Folder of paper files. Default `content`. */
  ATLAS_CONTENT: pathSchema,
  /** Ingest warnings, rejected records and a missing ATLAS_SITE fail the build. Also `--strict`. Default off. */
  ATLAS_STRICT: flagSchema,
  /** Fold a few changed papers into the last topic fit instead of fitting again. Also `--incremental`. Default off. */
  ATLAS_INCREMENTAL: flagSchema,
  /** A build for local preview (`npm start`): localhost URLs are right, so no warning about ATLAS_SITE. Also `--local`. */
  ATLAS_LOCAL: flagSchema,
  /**
   * A previous build's `/atlas.json` whose topic URLs this build keeps (topic-urls.ts); a CI job with an empty cache
   * downloads the live site's. Default: the record the last build left in the cache folder.
   */
  ATLAS_PREVIOUS_ATLAS: pathSchema,
  /** Netlify: `true` on its build machines, and `URL`, the site's main address. */
  NETLIFY: z.string().optional(),
  URL: siteSchema,
  /** Cloudflare Pages: `CF_PAGES=1` and the deployment's address `CF_PAGES_URL`. */
  CF_PAGES: z.string().optional(),
  CF_PAGES_URL: siteSchema,
  /** GitHub Actions: `GITHUB_ACTIONS=true` and `GITHUB_REPOSITORY=owner/name`. */
  GITHUB_ACTIONS: z.string().optional(),
  GITHUB_REPOSITORY: z.string().optional(),
});

/** Where the site origin came from. */
export type SiteSource = 'ATLAS_SITE' | 'Netlify URL' | 'Cloudflare Pages CF_PAGES_URL' | 'GitHub Actions GITHUB_REPOSITORY' | 'default';

export interface AtlasConfig {
  /** Absolute origin of the published site (Astro's `site`). */
  site: string;
  siteSource: SiteSource;
  /** Base path, always with a leading and a trailing slash (`/` or `/my-atlas/`). */
  base: string;
  /** Output folder as given (Astro resolves it against the project root). */
  outDir: string;
  /** Absolute path of Astro's cache folder. */
  cacheDir: string;
  /** Absolute path of the folder the papers are read from. */
  contentDir: string;
  strict: boolean;
  incremental: boolean;
  /** A build for local preview (`--local`, `ATLAS_LOCAL`). */
  local: boolean;
  /** Absolute path of the previous `/atlas.json` to keep topic URLs of (`ATLAS_PREVIOUS_ATLAS`); undefined: the cache's record. */
  previousAtlas: string | undefined;
}

/** Thrown for settings the schema rejects; the message lists every problem, one line each, variable first. */
export class AtlasConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AtlasConfigError';
  }
}

/**
 * `/`-wrapped base path.
 * @example normalizeBase('my-atlas') // => '/my-atlas/'
 * @example normalizeBase('/') // => '/'
 */
export function normalizeBase(rawBase: string): string {
  const trimmed = rawBase.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * The site origin (and base) a hosting platform's own build variables give, when no ATLAS_SITE is set: Netlify's
 * `URL`, Cloudflare Pages' `CF_PAGES_URL`, and on GitHub Actions the GitHub Pages address of `GITHUB_REPOSITORY`
 * (`https://owner.github.io` with base `/name/`, or base `/` for a repository named `owner.github.io`).
 * @example siteFromHost({ GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'Ada/atlas' }) // => { site: 'https://ada.github.io', base: '/atlas/', source: 'GitHub Actions GITHUB_REPOSITORY' }
 * @example siteFromHost({}) // => undefined
 */
export function siteFromHost(env: z.output<typeof AtlasEnvSchema>): { site: string; base?: string; source: SiteSource } | undefined {
  if (env.NETLIFY === 'true' && env.URL) return { site: env.URL, source: 'Netlify URL' };
  if (env.CF_PAGES === '1' && env.CF_PAGES_URL) return { site: env.CF_PAGES_URL, source: 'Cloudflare Pages CF_PAGES_URL' };
  if (env.GITHUB_ACTIONS === 'true' && env.GITHUB_REPOSITORY && /^[^/\s]+\/[^/\s]+$/.test(env.GITHUB_REPOSITORY)) {
    const [owner, name] = env.GITHUB_REPOSITORY.split('/') as [string, string];
    const host = `${owner.toLowerCase()}.github.io`;
    return { site: `https://${host}`, base: name.toLowerCase() === host ? '/' : `/${name}/`, source: 'GitHub Actions GITHUB_REPOSITORY' };
  }
  return undefined;
}

/** "ATLAS_STRICT: expected …" lines, one per problem, in the order of the schema. */
function friendlyMessage(error: z.ZodError): string {
  const lines = error.issues.map((issue) => `- ${issue.path.join('.') || '(settings)'}: ${issue.message}`);
  return `Invalid build settings (environment variables):\n${lines.join('\n')}`;
}

/**
 * Parse the build's settings from an environment and command line. Throws AtlasConfigError listing every problem.
 * @example parseAtlasConfig({ ATLAS_CONTENT: 'my-papers' }, ['astro', 'build', '--strict']).strict // => true
 * @example parseAtlasConfig({ ATLAS_STRICT: '2' }, []) // throws "Invalid build settings (environment variables):\n- ATLAS_STRICT: expected 1, true, yes or on (or 0, false, no, off to leave it off); got \"2\""
 */
export function parseAtlasConfig(env: Record<string, string | undefined>, argv: readonly string[]): AtlasConfig {
  const known = Object.fromEntries(Object.keys(AtlasEnvSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]));
  const parsed = AtlasEnvSchema.safeParse(known);
  if (!parsed.success) throw new AtlasConfigError(friendlyMessage(parsed.error));
  const settings = parsed.data;
  const fromHost = settings.ATLAS_SITE === undefined ? siteFromHost(settings) : undefined;
  return {
    site: settings.ATLAS_SITE ?? fromHost?.site ?? DEFAULT_SITE,
    siteSource: settings.ATLAS_SITE !== undefined ? 'ATLAS_SITE' : (fromHost?.source ?? 'default'),
    base: normalizeBase(settings.ATLAS_BASE ?? fromHost?.base ?? '/'),
    outDir: settings.ATLAS_OUT_DIR ?? './dist',
    cacheDir: resolve(settings.ATLAS_CACHE_DIR ?? 'node_modules/.astro'),
    contentDir: resolve(settings.ATLAS_CONTENT ?? 'content'),
    strict: settings.ATLAS_STRICT || argv.includes('--strict'),
    incremental: settings.ATLAS_INCREMENTAL || argv.includes('--incremental'),
    local: settings.ATLAS_LOCAL || argv.includes('--local'),
    previousAtlas: settings.ATLAS_PREVIOUS_ATLAS === undefined ? undefined : resolve(settings.ATLAS_PREVIOUS_ATLAS),
  };
}

/**
 * What a build without a known origin should say: undefined when the origin is set or derived, or when the build is
 * for local preview (`npm start`), where localhost is right.
 * @example missingSiteMessage(parseAtlasConfig({}, [])) // => 'ATLAS_SITE is not set, so …'
 * @example missingSiteMessage(parseAtlasConfig({ ATLAS_SITE: 'https://atlas.example.org' }, [])) // => undefined
 */
export function missingSiteMessage(config: AtlasConfig): string | undefined {
  if (config.siteSource !== 'default' || config.local) return undefined;
  return (
    `ATLAS_SITE is not set, so every absolute URL points at ${DEFAULT_SITE}: canonical links, Open Graph tags, ` +
    'JSON-LD, the sitemap, robots.txt, the Atom feed and the cite block (BibTeX url). Set ATLAS_SITE to the address ' +
    'the site will be published at, e.g. ATLAS_SITE=https://atlas.example.org (Netlify, Cloudflare Pages and GitHub ' +
    'Actions set it for you: see README, Deploy). With ATLAS_STRICT=1 this is an error; `npm start` builds for local ' +
    'preview and does not ask.'
  );
}

let configOfProcess: AtlasConfig | undefined;

/**
 * This process's settings (process.env and process.argv), parsed once.
 * @example atlasConfig().contentDir // => '/abs/cwd/content'
 */
export function atlasConfig(): AtlasConfig {
  configOfProcess ??= parseAtlasConfig(process.env, process.argv);
  return configOfProcess;
}
