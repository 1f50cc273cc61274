/**
 * `seams check --fix` and `--fix-dry-run` on copies of the examples: only safe
 * fixes (preferred, never a suppression) are applied; the dry run prints a
 * unified diff that `git apply` takes and that equals what --fix writes; --fix
 * writes atomically, re-checks and reports what is left, and never writes a
 * file that changed on disk since it was read.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { runCheck } from '../../server/src/cli/check-command.js';
import { buildCli, ROOT, runCli } from '../cli/cli-harness.js';

before(() => buildCli());

function examplesCopy(): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'seams-fix-'));
  cpSync(join(ROOT, 'examples'), dir, { recursive: true });
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

const texts = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.seams'))
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
const ignores = (files: Record<string, string>) => Object.values(files).join('\n').split('seams-ignore').length;

test('--fix-dry-run prints a patch, writes nothing, and the patch is what --fix writes', () => {
  const dry = examplesCopy();
  const wet = examplesCopy();
  try {
    const original = texts(dry.dir);
    const r = runCli(['check', '--fix-dry-run'], { cwd: dry.dir });
    assert.match(r.stdout, /^--- a\/\S+\.seams\n\+\+\+ b\/\S+\.seams\n@@ -\d+,\d+ \+\d+,\d+ @@/);
    assert.match(r.stderr, /^seams: \d+ fixes would change \d files\n$/);
    assert.deepEqual(texts(dry.dir), original, 'a dry run writes nothing');

    const fixed = runCli(['check', '--fix', '--format', 'json'], { cwd: wet.dir });
    assert.match(fixed.stderr, /^seams: fixed \d files?\n$/);
    const after = texts(wet.dir);
    assert.notDeepEqual(after, original);
    assert.ok(ignores(after) <= ignores(original), 'no suppression is ever added');

    execFileSync('git', ['apply'], { cwd: dry.dir, input: r.stdout });
    assert.deepEqual(texts(dry.dir), after, 'the dry run patch equals what --fix wrote');

    // What is left is reported, and checked on the fixed files.
    const report = JSON.parse(fixed.stdout) as { diagnostics: { file: string; code: string; line: number }[] };
    const again = JSON.parse(runCli(['check', '--format', 'json'], { cwd: wet.dir }).stdout) as typeof report;
    assert.deepEqual(report.diagnostics, again.diagnostics);
    const before_ = JSON.parse(runCli(['check', '--format', 'json'], { cwd: join(ROOT, 'examples') }).stdout) as typeof report;
    assert.ok(report.diagnostics.length < before_.diagnostics.length);
    assert.ok(!report.diagnostics.some((d) => d.code === 'unversioned-contract'), 'preferred fixes were applied');

    // Nothing left to fix safely: a second dry run is empty.
    assert.equal(runCli(['check', '--fix-dry-run'], { cwd: wet.dir }).stdout, '');
    assert.deepEqual(
      readdirSync(wet.dir).filter((f) => f.includes('.tmp')),
      [],
    );
  } finally {
    dry.dispose();
    wet.dispose();
  }
});

test('--fix never writes a file that changed on disk after it was read', async () => {
  const copy = examplesCopy();
  try {
    const original = texts(copy.dir);
    const changedName = Object.keys(original).find((f) =>
      runCli(['check', '--fix-dry-run'], { cwd: copy.dir }).stdout.includes(`+++ b/${f}`),
    )!;
    const meanwhile = `// edited in another window\n${original[changedName]}`;
    let stderr = '';
    let stdout = '';
    const code = await runCheck(
      [copy.dir],
      { format: 'text', fix: true },
      {
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: (t: string) => (stderr += t) },
        env: {},
        cwd: copy.dir,
        beforeWrite: (file) => {
          if (file === join(copy.dir, changedName)) writeFileSync(file, meanwhile);
        },
      },
    );
    assert.equal(readFileSync(join(copy.dir, changedName), 'utf8'), meanwhile, 'the other edit survives');
    assert.ok(stderr.includes(`not fixing ${join(copy.dir, changedName)}: it changed on disk since it was read`), stderr);
    assert.equal(code, 2, 'an incomplete fix is an input problem');
    assert.match(stdout, /problems?/, 'what is left is still reported');
  } finally {
    copy.dispose();
  }
});
