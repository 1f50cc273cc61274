/**
 * Inputs that once overflowed the stack or the heap (issue 14, items 9 and 12):
 * each now ends with a report or one line on stderr, never "internal error"
 * without a file and never a stack trace.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { checkSources, parseIsolated } from '../../server/src/core/check.js';
import { buildCli, CLI, oneErrorLine, runCli, tempTree } from './cli-harness.js';

before(buildCli);

test('a string literal of 8.5 MB is lexed (no stack overflow in the string pattern)', () => {
  const text = `service a "${'x'.repeat(8_500_000)}" {\n}\n`;
  const { diagnostics, model } = checkSources([{ file: 'big.seams', text }]);
  assert.equal(model.services.get('a')?.title?.length, 8_500_000);
  assert.ok(!diagnostics.some((d) => d.code === 'syntax' || d.code === 'internal-error'));
  // Escapes all the way: the other shape a regular expression recursed on.
  const escapes = `service b "${'\\"'.repeat(2_000_000)}"\n`;
  assert.ok(!checkSources([{ file: 'esc.seams', text: escapes }]).diagnostics.some((d) => d.code === 'internal-error'));
});

test('140,000 unterminated strings: every diagnostic is reported, in text and JSON', () => {
  const tree = tempTree({ 'quotes.seams': '"\n'.repeat(140_000) });
  try {
    for (const format of ['text', 'json']) {
      // The report is megabytes: into a file, not a pipe buffer.
      const out = join(tree.dir, `report.${format}`);
      const fd = openSync(out, 'w');
      const r = spawnSync(process.execPath, [CLI, 'check', '--format', format, join(tree.dir, 'quotes.seams')], {
        stdio: ['ignore', fd, 'pipe'],
        encoding: 'utf8',
      });
      closeSync(fd);
      assert.equal(r.stderr, '', format);
      assert.equal(r.status, 1, format);
      const report = readFileSync(out, 'utf8');
      if (format === 'json') assert.equal((JSON.parse(report) as { diagnostics: unknown[] }).diagnostics.length, 140_000);
      else assert.match(report, /140000 problems \(140000 errors/);
    }
  } finally {
    tree.dispose();
  }
});

test('a model too big for the heap is refused in one line naming the limit', () => {
  const tree = tempTree({ 'big.seams': '// a comment line\n'.repeat(400_000) });
  try {
    const r = runCli(['check', tree.dir], { env: { NODE_OPTIONS: '--max-old-space-size=64' } });
    assert.equal(r.status, 2);
    assert.match(
      oneErrorLine(r),
      /^seams: the model is 6\.9 MB of text; this process can check at most [\d.]+ MB \(its heap limit is [\d.]+ MB; raise it with NODE_OPTIONS=--max-old-space-size=MEGABYTES\)$/,
    );
    assert.equal(r.stdout, '');
  } finally {
    tree.dispose();
  }
});

test('a parse that throws becomes an internal-error diagnostic on its file', () => {
  const parsed = parseIsolated('service a {}\n', 'a.seams');
  assert.equal(parsed.diagnostics.length, 0);
  // A text whose characters cannot even be read as a string (a revoked proxy) makes any parser throw.
  const hostile = new Proxy(
    {},
    {
      get: () => {
        throw new Error('boom');
      },
    },
  ) as unknown as string;
  const failed = parseIsolated(hostile, 'b.seams');
  assert.deepEqual(
    failed.diagnostics.map((d) => [d.code, d.location.file, d.message]),
    [['internal-error', 'b.seams', 'this file could not be read: boom']],
  );
});
