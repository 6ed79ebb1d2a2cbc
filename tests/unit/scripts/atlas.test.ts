import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { main } from '../../../scripts/atlas.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

test('atlas check prints the ingest report of a folder, paths relative to it', async () => {
  const { code, stdout, stderr } = await run(['check', `${FIXTURES}bibtex`]);
  assert.equal(code, 0);
  assert.equal(stderr, '');
  assert.match(stdout, /^unbalanced\.bib \(bibtex\): 5 read, 3 pages, 0 merged, 2 rejected$/m);
  assert.match(stdout, /^ {2}unbalanced\.bib:7: missing closing brace in @article\{bad_missing_2021/m);
  assert.match(stdout, /^total: 2 files, 9 read, 7 pages, 0 merged, 2 rejected; 0 warnings, 0 errors$/m);
});

test('atlas check --strict fails on rejected records and lists them', async () => {
  const { code, stderr } = await run(['check', `${FIXTURES}bibtex`, '--strict']);
  assert.equal(code, 1);
  assert.match(stderr, /unbalanced\.bib:19: @article\{bad_extra_2023 closes before its last fields/);
});

test('atlas check --json prints files and totals in the contract shape', async () => {
  const { code, stdout } = await run(['check', `${FIXTURES}json/papercopilot.json`, '--json']);
  const parsed = JSON.parse(stdout) as Record<string, unknown> & { files: Record<string, unknown>[] };
  assert.equal(code, 0);
  assert.equal(parsed['ok'], true);
  assert.deepEqual(parsed['totals'], { read: 3, pages: 2, merged: 0, rejected: 1 });
  // Paper Copilot lists carry no dates and OpenReview ids are no arXiv ids: both pages are undated.
  assert.equal(parsed['undated'], 2);
  const [file] = parsed.files;
  assert.deepEqual(
    { path: file?.['path'], format: file?.['format'], read: file?.['read'], pages: file?.['pages'], merged: file?.['merged'] },
    { path: 'tests/fixtures/json/papercopilot.json', format: 'json', read: 3, pages: 2, merged: 0 },
  );
  const rejected = file?.['rejected'] as { line: unknown; reason: unknown }[];
  assert.equal(rejected.length, 1);
  assert.deepEqual(Object.keys(rejected[0] ?? {}), ['line', 'reason']);
  assert.equal(typeof rejected[0]?.line, 'number');
  assert.equal(typeof rejected[0]?.reason, 'string');
});

test('atlas check --json --strict fails with the blocking lines and still prints the report', async () => {
  const { code, stdout } = await run(['check', `${FIXTURES}bibtex`, '--json', '--strict']);
  const parsed = JSON.parse(stdout) as { ok: boolean; blocking: string[]; files: { path: string; rejected: { line: number }[] }[] };
  assert.equal(code, 1);
  assert.equal(parsed.ok, false);
  assert.deepEqual(parsed.files.map((file) => [file.path, file.rejected.map((record) => record.line)]), [
    ['unbalanced.bib', [7, 19]],
    ['zotero.bib', []],
  ]);
  assert.match(parsed.blocking.join('\n'), /unbalanced\.bib:7: missing closing brace/);
});

test('atlas check names merged duplicates across files with both places', async () => {
  const { code, stdout } = await run(['check', `${FIXTURES}mixed-hostile`]);
  assert.equal(code, 0);
  assert.match(stdout, /^b-paper\.md \(markdown\): 1 read, 0 pages, 1 merged, 0 rejected$/m);
  assert.match(stdout, /^ {2}b-paper\.md:1: merged into a-trending\.txt:\d+ \(/m);
});

test('atlas check exits 1 on an error problem such as a JSON syntax error', async () => {
  const { code, stderr } = await run(['check', `${FIXTURES}json/syntax-error.json`]);
  assert.equal(code, 1);
  assert.match(stderr, /syntax-error\.json:3: JSON syntax error at line 3, column 22/);
});

test('an unknown command or option is a usage error', async () => {
  assert.equal((await run(['build'])).code, 2);
  assert.equal((await run(['check', '--fast'])).code, 2);
});

test('a missing path is reported, not thrown', async () => {
  const { code, stderr } = await run(['check', `${FIXTURES}does-not-exist`]);
  assert.equal(code, 1);
  assert.match(stderr, /cannot read/);
});

/** Run with some environment variables set, restoring them afterwards. */
async function runWithEnv(env: Record<string, string>, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    return await run(argv);
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

test('atlas check reads ATLAS_STRICT and ATLAS_CONTENT as the build does', async () => {
  const strict = await runWithEnv({ ATLAS_STRICT: '1' }, ['check', `${FIXTURES}bibtex`]);
  assert.equal(strict.code, 1);
  assert.match(strict.stderr, /^atlas check failed \(strict: warnings and rejected records count\):/m);
  const folder = await runWithEnv({ ATLAS_CONTENT: `${FIXTURES}bibtex` }, ['check']);
  assert.equal(folder.code, 0);
  assert.match(folder.stdout, /^unbalanced\.bib \(bibtex\): 5 read, 3 pages, 0 merged, 2 rejected$/m);
});

test('atlas check refuses a wrong setting with the variable in front', async () => {
  const { code, stdout, stderr } = await runWithEnv({ ATLAS_STRICT: '2' }, ['check', `${FIXTURES}bibtex`]);
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assert.equal(
    stderr,
    'Invalid build settings (environment variables):\n- ATLAS_STRICT: expected 1, true, yes or on (or 0, false, no, off to leave it off); got "2"\n',
  );
});
