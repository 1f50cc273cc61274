/**
 * The server's workspace model and its checkers, in process: debounced checks
 * publish only results that match the current texts; the worker checker and the
 * in-thread checker agree; a check worker that dies is replaced and sent every
 * file again.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CheckResult } from '../../server/src/core/check.js';
import { InlineChecker, WorkerChecker, type Checker } from '../../server/src/lsp/checker.js';
import { LiveWorkspace } from '../../server/src/lsp/live-workspace.js';
import { ROOT } from './lsp-session.js';

const WORKER = join(ROOT, 'dist', 'check-worker.cjs');
if (!existsSync(WORKER)) throw new Error('dist/check-worker.cjs is missing: run `node esbuild.mjs` first (npm test does).');

const A = 'service a {\n  owner t\n  calls b\n}\n';
const B = 'team t\nservice b {\n  owner t\n}\n';

function workspace(checker: Checker) {
  const ws = new LiveWorkspace(checker, 5);
  const results: CheckResult[] = [];
  ws.onChecked((r) => results.push(r));
  return { ws, results };
}

const unresolved = (r: CheckResult | undefined) =>
  (r?.diagnostics ?? []).filter((d) => d.code === 'unresolved-reference').map((d) => d.message);

for (const [name, make] of [
  ['in-thread', () => new InlineChecker()],
  ['worker', () => new WorkerChecker(WORKER)],
] as const) {
  test(`${name} checker: a burst of edits is checked once, on the final text`, async () => {
    const checker = make();
    try {
      const { ws, results } = workspace(checker);
      ws.setDisk('a.seams', A);
      ws.setDisk('b.seams', B);
      await ws.upToDate();
      assert.deepEqual(unresolved(results.at(-1)), []);
      const before = results.length;
      // Typing "bb" one key at a time over `service b`: only the last text is checked.
      ws.setOpen('b.seams', B.replace('service b', 'service bb'));
      ws.schedule();
      ws.setOpen('b.seams', B.replace('service b', 'service bbb'));
      ws.schedule();
      await ws.upToDate();
      assert.equal(results.length, before + 1);
      assert.equal(unresolved(results.at(-1)).length, 1);
      assert.match(unresolved(results.at(-1))[0], /^no service named b\b/);
      // Closing falls back to the disk text.
      ws.close('b.seams');
      await ws.upToDate();
      assert.deepEqual(unresolved(results.at(-1)), []);
      // The model is current even before the check: names resolve against the text as it is now.
      ws.deleteDisk('b.seams');
      assert.equal(ws.model().services.has('b'), false);
      await ws.upToDate();
      const gone = unresolved(results.at(-1)).sort();
      assert.equal(gone.length, 2);
      assert.match(gone[0], /^no service named b\b/);
      assert.match(gone[1], /^no team named t\b/);
    } finally {
      checker.dispose();
    }
  });
}

test('a check worker that dies is replaced and gets every file again', async () => {
  const checker = new WorkerChecker(WORKER);
  try {
    const { ws, results } = workspace(checker);
    ws.setDisk('a.seams', A);
    ws.setDisk('b.seams', B);
    await ws.upToDate();
    checker.dispose(); // as if the worker crashed: the next check starts a new one
    ws.setDisk('a.seams', A.replace('calls b', 'calls c'));
    await ws.upToDate();
    // The new worker knows b.seams too (sent in full), so only c is unresolved.
    assert.equal(unresolved(results.at(-1)).length, 1);
    assert.match(unresolved(results.at(-1))[0], /^no service named c/);
    assert.ok(!results.at(-1)!.diagnostics.some((d) => /no team named t/.test(d.message)), 'team t from b.seams is known');
  } finally {
    checker.dispose();
  }
});
