import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AtlasConfigError, DEFAULT_SITE, missingSiteMessage, normalizeBase, parseAtlasConfig } from '../../src/lib/config.ts';

const errorOf = (env: Record<string, string>, argv: string[] = []): string => {
  try {
    parseAtlasConfig(env, argv);
  } catch (error) {
    assert.ok(error instanceof AtlasConfigError);
    return error.message;
  }
  assert.fail('expected the settings to be rejected');
};

test('with nothing set, every setting has its default', () => {
  const config = parseAtlasConfig({}, []);
  assert.equal(config.site, DEFAULT_SITE);
  assert.equal(config.site, 'http://localhost:4321');
  assert.equal(config.siteSource, 'default');
  assert.equal(config.base, '/');
  assert.equal(config.outDir, './dist');
  assert.match(config.cacheDir, /\/node_modules\/\.astro$/);
  assert.match(config.contentDir, /\/content$/);
  assert.deepEqual([config.strict, config.incremental, config.local], [false, false, false]);
  assert.equal(config.previousAtlas, undefined);
});

test('folders resolve against the working directory; flags come from the environment or the command line', () => {
  assert.equal(parseAtlasConfig({ ATLAS_CONTENT: '/tmp/papers' }, []).contentDir, '/tmp/papers');
  assert.equal(parseAtlasConfig({ ATLAS_CACHE_DIR: '/tmp/cache' }, []).cacheDir, '/tmp/cache');
  assert.equal(parseAtlasConfig({ ATLAS_PREVIOUS_ATLAS: '/tmp/live/atlas.json' }, []).previousAtlas, '/tmp/live/atlas.json');
  assert.equal(parseAtlasConfig({ ATLAS_OUT_DIR: 'out' }, []).outDir, 'out');
  assert.equal(parseAtlasConfig({ ATLAS_STRICT: '1' }, []).strict, true);
  assert.equal(parseAtlasConfig({ ATLAS_STRICT: 'TRUE' }, []).strict, true);
  assert.equal(parseAtlasConfig({ ATLAS_STRICT: 'no' }, []).strict, false);
  assert.equal(parseAtlasConfig({}, ['astro', 'build', '--strict']).strict, true);
  assert.equal(parseAtlasConfig({ ATLAS_INCREMENTAL: 'yes' }, []).incremental, true);
  assert.equal(parseAtlasConfig({}, ['astro', 'build', '--incremental']).incremental, true);
  assert.equal(parseAtlasConfig({}, ['astro', 'build', '--local']).local, true);
});

test('an empty variable counts as unset, as CI passes an unset repository variable', () => {
  const config = parseAtlasConfig({ ATLAS_SITE: '', ATLAS_BASE: '', ATLAS_STRICT: '' }, []);
  assert.deepEqual([config.site, config.base, config.strict], [DEFAULT_SITE, '/', false]);
});

test('ATLAS_STRICT=2 is an error that names the variable, not a silent "off"', () => {
  assert.equal(
    errorOf({ ATLAS_STRICT: '2' }),
    'Invalid build settings (environment variables):\n- ATLAS_STRICT: expected 1, true, yes or on (or 0, false, no, off to leave it off); got "2"',
  );
});

test('every problem is listed, one line each, variable first', () => {
  assert.equal(
    errorOf({ ATLAS_SITE: 'atlas.example.org', ATLAS_BASE: 'https://x.org/a/', ATLAS_INCREMENTAL: 'maybe', ATLAS_CONTENT: '  ' }),
    [
      'Invalid build settings (environment variables):',
      '- ATLAS_SITE: expected an absolute http(s) URL such as https://atlas.example.org; got "atlas.example.org"',
      '- ATLAS_BASE: expected a path such as /my-atlas/ (no scheme, host, query or spaces)',
      '- ATLAS_CONTENT: expected a path; got only spaces',
      '- ATLAS_INCREMENTAL: expected 1, true, yes or on (or 0, false, no, off to leave it off); got "maybe"',
    ].join('\n'),
  );
  assert.match(errorOf({ ATLAS_SITE: 'ftp://x.org' }), /^- ATLAS_SITE: expected an absolute http\(s\) URL/m);
});

test('the base path always gets a leading and a trailing slash', () => {
  assert.equal(normalizeBase('my-atlas'), '/my-atlas/');
  assert.equal(normalizeBase('/my-atlas'), '/my-atlas/');
  assert.equal(normalizeBase('//'), '/');
  assert.equal(parseAtlasConfig({ ATLAS_BASE: 'a/b' }, []).base, '/a/b/');
});

test('ATLAS_SITE wins over every host variable', () => {
  const config = parseAtlasConfig({ ATLAS_SITE: 'https://atlas.example.org', NETLIFY: 'true', URL: 'https://x.netlify.app' }, []);
  assert.deepEqual([config.site, config.siteSource], ['https://atlas.example.org', 'ATLAS_SITE']);
});

test('on Netlify the origin is its URL variable', () => {
  const config = parseAtlasConfig({ NETLIFY: 'true', URL: 'https://my-atlas.netlify.app' }, []);
  assert.deepEqual([config.site, config.siteSource, config.base], ['https://my-atlas.netlify.app', 'Netlify URL', '/']);
  assert.equal(parseAtlasConfig({ URL: 'https://elsewhere.org' }, []).site, DEFAULT_SITE, 'URL alone, off Netlify, is not trusted');
});

test('on Cloudflare Pages the origin is CF_PAGES_URL', () => {
  const config = parseAtlasConfig({ CF_PAGES: '1', CF_PAGES_URL: 'https://abc123.my-atlas.pages.dev' }, []);
  assert.deepEqual([config.site, config.siteSource], ['https://abc123.my-atlas.pages.dev', 'Cloudflare Pages CF_PAGES_URL']);
});

test('on GitHub Actions the origin and base are the GitHub Pages address of the repository', () => {
  const project = parseAtlasConfig({ GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'Ada-L/my-atlas' }, []);
  assert.deepEqual([project.site, project.base], ['https://ada-l.github.io', '/my-atlas/']);
  const user = parseAtlasConfig({ GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'Ada-L/Ada-L.github.io' }, []);
  assert.deepEqual([user.site, user.base], ['https://ada-l.github.io', '/']);
  const custom = parseAtlasConfig({ GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'ada/atlas', ATLAS_BASE: '/' }, []);
  assert.equal(custom.base, '/', 'ATLAS_BASE wins over the derived base');
  assert.equal(parseAtlasConfig({ GITHUB_REPOSITORY: 'ada/atlas' }, []).site, DEFAULT_SITE, 'only when GITHUB_ACTIONS is set');
});

test('a build without a known origin gets a message naming ATLAS_SITE and every place it affects', () => {
  const message = missingSiteMessage(parseAtlasConfig({}, []));
  assert.ok(message !== undefined);
  assert.match(message, /^ATLAS_SITE is not set, so every absolute URL points at http:\/\/localhost:4321: /);
  for (const place of ['canonical links', 'Open Graph', 'JSON-LD', 'sitemap', 'Atom feed', 'cite block', 'ATLAS_STRICT=1']) {
    assert.ok(message.includes(place), place);
  }
});

test('no message when the origin is set or derived, or for a local preview build', () => {
  assert.equal(missingSiteMessage(parseAtlasConfig({ ATLAS_SITE: 'https://atlas.example.org' }, [])), undefined);
  assert.equal(missingSiteMessage(parseAtlasConfig({ NETLIFY: 'true', URL: 'https://a.netlify.app' }, [])), undefined);
  assert.equal(missingSiteMessage(parseAtlasConfig({}, ['astro', 'build', '--local'])), undefined);
  assert.equal(missingSiteMessage(parseAtlasConfig({ ATLAS_LOCAL: '1' }, [])), undefined);
});
