import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../scripts/atlas.ts';
import { formatIngestReport, ingestProblemsAsErrors, quoteForTerminal } from '../../../src/lib/ingest/report.ts';
import { ingestSourcePaths, listSourceFiles, loadPapers } from '../../../src/lib/ingest/read-sources.ts';

const PAPER = (title: string) => `---\ntitle: ${title}\n---\nAn abstract about ${title.toLowerCase()} that is long enough to read.\n`;

/** A content folder holding one good paper and every kind of entry that must not be read, beside a secret outside it. */
async function withHostileFolder(body: (content: string, outside: string) => Promise<void>): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'atlas-hostile-'));
  const content = join(root, 'content');
  const outside = join(root, 'outside');
  try {
    await mkdir(join(content, 'sub'), { recursive: true });
    await mkdir(outside);
    await writeFile(join(outside, 'secret.md'), PAPER('Outside Secret Paper'));
    await mkdir(join(outside, 'folder'));
    await writeFile(join(outside, 'folder', 'hidden.md'), PAPER('Outside Folder Paper'));
    await writeFile(join(content, 'good.md'), PAPER('Good Inside Paper'));
    await writeFile(join(content, 'sub', 'target.md'), PAPER('Linked Inside Paper'));
    await symlink(join(outside, 'secret.md'), join(content, 'secret-link.md'));
    await symlink('../outside/secret.md', join(content, 'relative-secret.md'));
    await symlink(join(outside, 'folder'), join(content, 'linked-folder'));
    await symlink(join(content, 'loop-b.md'), join(content, 'loop-a.md'));
    await symlink(join(content, 'loop-a.md'), join(content, 'loop-b.md'));
    await symlink(join(content, 'missing.md'), join(content, 'dangling.md'));
    await symlink('sub/target.md', join(content, 'inside-link.md'));
    await symlink(content, join(content, 'sub', 'self'));
    execFileSync('mkfifo', [join(content, 'pipe.md')]);
    await body(content, outside);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

test('a symlink out of the content folder is refused with an error naming it; its target is never read', async () => {
  await withHostileFolder(async (content) => {
    const { papers, report } = await ingestSourcePaths(await listSourceFiles(content));
    const titles = papers.map((paper) => paper.title);
    assert.ok(titles.length > 0);
    assert.deepEqual(titles.filter((title) => title.startsWith('Outside')), []);
    const errors = ingestProblemsAsErrors(report, false);
    assert.ok(errors.includes('secret-link.md:1: symlink to a file outside the content folder: refused, not read (error)'));
    assert.ok(errors.includes('relative-secret.md:1: symlink to a file outside the content folder: refused, not read (error)'));
    await assert.rejects(loadPapers(content), /secret-link\.md:1: symlink to a file outside the content folder/);
  });
});

test('symlinked folders (refused when outside), loops, dangling links and pipes are each reported as skipped; links inside are followed', async () => {
  await withHostileFolder(async (content) => {
    const { papers, report } = await ingestSourcePaths(await listSourceFiles(content));
    const text = formatIngestReport(report);
    assert.match(text, /^ {2}linked-folder:1: symlink to a folder outside the content folder: refused, not read \(error\)$/m);
    assert.match(text, /^ {2}sub\/self:1: symlinked folder: not followed, skipped \(warning\)$/m);
    assert.match(text, /^ {2}loop-a\.md:1: a symlink loop: skipped \(warning\)$/m);
    assert.match(text, /^ {2}loop-b\.md:1: a symlink loop: skipped \(warning\)$/m);
    assert.match(text, /^ {2}dangling\.md:1: a dangling symlink \(its target does not exist\): skipped \(warning\)$/m);
    assert.match(text, /^ {2}pipe\.md:1: a named pipe, not a regular file: skipped \(warning\)$/m);
    assert.deepEqual(papers.map((paper) => paper.title).sort(), ['Good Inside Paper', 'Linked Inside Paper']);
    // The inside link and its target are one paper: the second copy is merged, not lost.
    assert.equal(report.totals.merged, 1);
  });
});

test('atlas check --json prints JSON whatever the folder holds, and for a path that does not exist', async () => {
  await withHostileFolder(async (content) => {
    let stdout = '';
    const code = await main(['check', content, '--json'], { stdout: (chunk) => (stdout += chunk), stderr: () => undefined });
    const parsed = JSON.parse(stdout) as { ok: boolean; errors: number; files: { path: string; problems: { message: string }[] }[] };
    assert.equal(code, 1);
    assert.equal(parsed.ok, false);
    assert.equal(parsed.errors, 3);
    assert.ok(parsed.files.some((file) => file.path === 'pipe.md' && file.problems[0]?.message.includes('named pipe')));
  });
  for (const argv of [['check', '/nonexistent/atlas-folder', '--json'], ['check', '--json', '--bogus']]) {
    let stdout = '';
    const code = await main(argv, { stdout: (chunk) => (stdout += chunk), stderr: () => undefined });
    const parsed = JSON.parse(stdout) as { ok: boolean; blocking: string[] };
    assert.notEqual(code, 0);
    assert.equal(parsed.ok, false);
    assert.equal(parsed.blocking.length, 1);
  }
});

test('a file name with a line break or an ANSI escape cannot forge a report line or reach the terminal raw', async () => {
  const root = await mkdtemp(join(tmpdir(), 'atlas-names-'));
  try {
    await writeFile(join(root, 'evil\ntotal: 0 files.md'), PAPER('Forged Name Paper'));
    await writeFile(join(root, 'clear\u001b[2J\u001b[H.md'), 'not a paper');
    const { report } = await ingestSourcePaths(await listSourceFiles(root));
    const text = formatIngestReport(report);
    const lines = text.split('\n');
    assert.ok(lines.length > 0);
    assert.equal(lines.filter((line) => line.startsWith('total:')).length, 1);
    assert.ok(lines.some((line) => line.startsWith('evil\\ntotal: 0 files.md (markdown)')));
    assert.doesNotMatch(text, /\u001b/);
    assert.match(text, /clear\\u001b\[2J\\u001b\[H\.md/);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('quoteForTerminal escapes controls, separators and bidi overrides, and leaves plain text alone', () => {
  assert.equal(quoteForTerminal('a\nb\r\tc\u0007\u009b\u2028\u202e'), 'a\\nb\\r\\tc\\u0007\\u009b\\u2028\\u202e');
  assert.equal(quoteForTerminal('Tülu 3: 中文 — ok.bib'), 'Tülu 3: 中文 — ok.bib');
});
