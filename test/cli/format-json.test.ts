/**
 * `--format json`: exactly `{"files", "diagnostics": [{file, line, column,
 * endLine, endColumn, severity, code, message}]}`, 1-based, columns in UTF-16
 * code units with `endColumn` just after the range, sorted by file, line, column.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildCli, runCli, tempTree } from './cli-harness.js';

const B = 'service b {\n  owner nobody\n}\n';
// The rockets are two UTF-16 code units each; the BOM is not a column; CRLF ends lines.
const A =
  '\uFEFFteam a-team { oncall "#a" }\r\nservice a "🚀🚀" { owner ghost }\r\nservice a2 {\r\n  owner a-team\r\n  owner phantom\r\n}\r\n';

const { dir, dispose } = tempTree({ 'b.seams': B, 'a.seams': A, 'clean/c.seams': 'team c-team\n' });
before(buildCli);
after(dispose);

/** The 1-based column of `needle` on `line` (given without the BOM), counted in UTF-16 code units. */
function col(line: string, needle: string): number {
  return line.indexOf(needle) + 1;
}

test('exact shape, positions and order', () => {
  const r = runCli(['check', '--format', 'json', 'b.seams', 'a.seams', 'clean'], { cwd: dir });
  assert.equal(r.status, 1);
  assert.equal(r.stderr, '');
  const json = JSON.parse(r.stdout) as { files: number; diagnostics: Record<string, unknown>[] };
  assert.deepEqual(Object.keys(json), ['files', 'diagnostics']);
  assert.equal(json.files, 3);

  const line2 = 'service a "🚀🚀" { owner ghost }';
  // Only the errors are pinned down: the anti-pattern rules may add infos or hints here as they grow.
  const shape = json.diagnostics
    .filter((d) => d.severity === 'error')
    .map(({ message, ...rest }) => {
      assert.equal(typeof message, 'string');
      assert.ok((message as string).length > 0);
      return rest;
    });
  assert.deepEqual(shape, [
    {
      file: 'a.seams',
      line: 2,
      column: col(line2, 'ghost'),
      endLine: 2,
      endColumn: col(line2, 'ghost') + 5,
      severity: 'error',
      code: 'unresolved-reference',
    },
    // The second `owner` in one service is reported; its exact code is the model's business.
    ...shape.filter((d) => d.file === 'a.seams' && d.line === 5),
    { file: 'b.seams', line: 2, column: 9, endLine: 2, endColumn: 15, severity: 'error', code: 'unresolved-reference' },
  ]);
  assert.ok(
    shape.some((d) => d.line === 5),
    'the repeated owner on line 5 is reported',
  );
  for (const d of json.diagnostics) {
    assert.deepEqual(Object.keys(d), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
  }
  assert.match(String(json.diagnostics[0].message), /ghost/);
});

test('sorted by file, then line, then column', () => {
  const many = tempTree({
    'z.seams': 'service z1 { owner n1 }\nservice z2 { owner n2 }\n',
    'm/y.seams': 'service y1 { owner n3 } service y2 { owner n4 }\n',
    'm.seams': 'service m1 {\n  owner n5\n}\n',
  });
  try {
    const json = JSON.parse(runCli(['check', '--format', 'json'], { cwd: many.dir }).stdout) as {
      diagnostics: { file: string; line: number; column: number }[];
    };
    const keys = json.diagnostics.map((d) => [d.file, d.line, d.column] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
    assert.deepEqual(keys, sorted);
    assert.deepEqual([...new Set(keys.map((k) => k[0]))], ['m.seams', 'm/y.seams', 'z.seams']);
    assert.equal(keys.filter((k) => k[0] === 'm/y.seams').length, 2, 'two on one line, by column');
  } finally {
    many.dispose();
  }
});

test('a clean check prints an empty list', () => {
  const r = runCli(['check', '--format', 'json', 'clean'], { cwd: dir });
  assert.equal(r.status, 0);
  assert.deepEqual(JSON.parse(r.stdout), { files: 1, diagnostics: [] });
});

test('the examples', () => {
  const r = runCli(['check', '--format', 'json', 'examples']);
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const json = JSON.parse(r.stdout) as { files: number; diagnostics: { file: string; line: number }[] };
  assert.ok(json.files >= 2);
  for (const d of json.diagnostics) {
    assert.match(d.file, /^examples\/[\w-]+\.seams$/);
    assert.ok(d.line >= 1);
  }
});
