/** A file's publish is bounded: the most severe 1,000, then one summary of the rest (issue 14 #17). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic, Severity } from '../../server/src/core/diagnostics.js';
import { checkSources } from '../../server/src/core/check.js';
import { boundForPublish, MAX_PUBLISHED_PER_FILE } from '../../server/src/lsp/publish-bound.js';

const diag = (severity: Severity, start: number): Diagnostic => ({
  code: 'x',
  severity,
  message: `${severity} ${start}`,
  location: { file: 'f.seams', start, end: start + 1 },
});

test('up to the bound, the list is published as it is', () => {
  const list = Array.from({ length: MAX_PUBLISHED_PER_FILE }, (_, i) => diag('warning', i));
  const r = boundForPublish(list);
  assert.equal(r.shown, list);
  assert.equal(r.summary, undefined);
});

test('past the bound: errors first, then the first warnings in text order, and a summary as severe as the worst left out', () => {
  const list: Diagnostic[] = [];
  for (let i = 0; i < 10; i++) list.push(diag(i % 2 ? 'error' : 'warning', i), diag('hint', 100 + i));
  const r = boundForPublish(list, 8);
  assert.deepEqual(
    r.shown.map((d) => d.message),
    ['warning 0', 'error 1', 'warning 2', 'error 3', 'warning 4', 'error 5', 'error 7', 'error 9'],
  );
  assert.equal(r.summary?.severity, 'warning');
  assert.equal(r.summary?.location.start, 0);
  assert.match(r.summary!.message, /^12 more problems in this file are not listed \(at most 8 per file, the most severe first\)/);
});

test('140,000 syntax errors in one file publish 1,000 and a summary', () => {
  const { diagnostics } = checkSources([{ file: 'q.seams', text: '"\n'.repeat(140_000) }]);
  const r = boundForPublish(diagnostics);
  assert.equal(r.shown.length, MAX_PUBLISHED_PER_FILE);
  assert.equal(r.summary?.severity, 'error');
  assert.match(r.summary!.message, /^139,000 more problems/);
});
