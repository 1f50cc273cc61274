/**
 * The server's workspace, in process: debounced checks publish only results
 * that match the current texts; an edit is analysed once (one parse of its
 * file, one model, shared by requests and the check); a request answered while
 * a check runs sees the current text, and the check of older text is dropped.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CheckResult } from '../../server/src/core/check.js';
import { LiveWorkspace } from '../../server/src/lsp/live-workspace.js';

const A = 'service a {\n  owner t\n  calls b\n}\n';
const B = 'team t\nservice b {\n  owner t\n}\n';

function workspace() {
  const ws = new LiveWorkspace(5);
  const results: CheckResult[] = [];
  ws.onChecked((r) => results.push(r));
  return { ws, results };
}

const unresolved = (r: CheckResult | undefined) =>
  (r?.diagnostics ?? []).filter((d) => d.code === 'unresolved-reference').map((d) => d.message);

/** Turns of the event loop until `done()` holds (or fails after many). */
async function until(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 10_000 && !done(); i++) await new Promise((r) => setImmediate(r));
  assert.ok(done(), `never happened: ${what}`);
}

test('a burst of edits is checked once, on the final text', async () => {
  const { ws, results } = workspace();
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
});

test('an edit is parsed once and modelled once, whether a request or the check needs the model first', async () => {
  const { ws, results } = workspace();
  ws.setDisk('a.seams', A);
  ws.setDisk('b.seams', B);
  await ws.upToDate();
  assert.deepEqual(ws.built, { parses: 2, models: 1 });

  // A request first (hover, definition…): it builds the model; the check reuses it.
  ws.setOpen('b.seams', B.replace('service b', 'service bb'));
  ws.schedule();
  assert.equal(ws.model().services.has('bb'), true);
  assert.equal(ws.model().services.has('bb'), true);
  await ws.upToDate();
  assert.match(unresolved(results.at(-1))[0], /^no service named b\b/);
  assert.deepEqual(ws.built, { parses: 3, models: 2 });

  // The check first: a request after it reuses the check's model.
  ws.setOpen('b.seams', B);
  ws.schedule();
  await ws.upToDate();
  assert.deepEqual(unresolved(results.at(-1)), []);
  assert.equal(ws.model().services.has('b'), true);
  assert.deepEqual(ws.built, { parses: 4, models: 3 });

  // A burst of keystrokes before the check: one parse of the edited file, one model.
  for (const name of ['c', 'cc', 'ccc']) {
    ws.setOpen('a.seams', A.replace('calls b', `calls ${name}`));
    ws.schedule();
  }
  await ws.upToDate();
  assert.match(unresolved(results.at(-1))[0], /^no service named ccc\b/);
  assert.deepEqual(ws.built, { parses: 5, models: 4 });

  // Publishing, the preview's model and completion's last model build nothing more.
  assert.equal(results.at(-1)!.model, ws.lastModel());
  assert.deepEqual(ws.built, { parses: 5, models: 4 });
});

test('a request answered while a check runs sees the current text, and the older check is not published', async () => {
  const { ws, results } = workspace();
  ws.setDisk('a.seams', A);
  ws.setDisk('b.seams', B);
  await ws.upToDate();
  const before = results.length;
  const models = ws.built.models;

  ws.setOpen('b.seams', B.replace('service b', 'service bb'));
  ws.schedule(true);
  // The check has built its model and is running its rules, one step per turn of the event loop.
  await until(() => ws.built.models === models + 1, 'the check built its model');
  await new Promise((r) => setImmediate(r));
  assert.equal(results.length, before, 'the check is still running');

  // A keystroke, then a request, in the middle of that check.
  ws.setOpen('b.seams', B.replace('service b', 'service bbb'));
  const model = ws.model();
  assert.equal(model.services.has('bbb'), true);
  assert.equal(model.services.has('bb'), false);
  assert.equal(results.length, before, 'answered before the check ended');

  await ws.upToDate();
  // The check of "bb" was dropped; the one of "bbb" reused the request's model.
  assert.equal(results.length, before + 1);
  assert.equal(results.at(-1)!.model, model);
  assert.equal(ws.built.models, models + 2);
  assert.equal(unresolved(results.at(-1)).length, 1);
  assert.match(unresolved(results.at(-1))[0], /^no service named b\b/);
});
