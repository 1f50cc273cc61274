/**
 * The default text format (ESLint "stylish" layout): the file, aligned rows of
 * `line:col  severity  message  code`, a blank line, a summary; nothing when
 * clean; colour only on a terminal or with FORCE_COLOR.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, Severity } from '../../server/src/core/diagnostics.js';
import { formatText } from '../../server/src/cli/format-text.js';
import { createReport } from '../../server/src/cli/report.js';
import { shouldColour } from '../../server/src/cli/terminal-colour.js';
import { buildCli, runCli, tempTree } from './cli-harness.js';

const ESC = '\u001b[';

const X = ['service x1 {', '  owner nobody', '}', '', '', '', '', '', '', '', 'service x2 {', '  owner someone-else', '}', ''].join('\n');
const Y = 'service y { owner ghost }\n';

const { dir, dispose } = tempTree({ 'x.seams': X, 'y.seams': Y });
before(buildCli);
after(dispose);

describe('the built CLI', () => {
  test('exact layout when piped: no colour', () => {
    const r = runCli(['check'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.equal(r.stderr, '');
    assert.equal(
      r.stdout,
      [
        'x.seams',
        '   2:9  error  no team named nobody        unresolved-reference',
        '  12:9  error  no team named someone-else  unresolved-reference',
        '',
        'y.seams',
        '  1:19  error  no team named ghost  unresolved-reference',
        '',
        '✖ 3 problems (3 errors, 0 warnings, 0 infos, 0 hints)',
        '',
      ].join('\n'),
    );
    assert.ok(!r.stdout.includes(ESC));
  });

  test('colour with FORCE_COLOR=1 even when piped; none with FORCE_COLOR=0 or NO_COLOR', () => {
    const forced = runCli(['check'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    assert.ok(forced.stdout.includes(`${ESC}31merror`), 'errors in red');
    assert.ok(forced.stdout.includes(`${ESC}4mx.seams`), 'file underlined');
    // Stripped of colour it is the plain output.
    assert.equal(forced.stdout.replace(/\u001b\[\d+m/g, ''), runCli(['check'], { cwd: dir }).stdout);
    assert.ok(!runCli(['check'], { cwd: dir, env: { FORCE_COLOR: '0' } }).stdout.includes(ESC));
    assert.ok(!runCli(['check'], { cwd: dir, env: { NO_COLOR: '1' } }).stdout.includes(ESC));
  });

  test('a clean check prints nothing', () => {
    const clean = tempTree({ 'ok.seams': 'team lone-team\n' });
    try {
      const r = runCli(['check'], { cwd: clean.dir });
      assert.equal(r.status, 0);
      assert.equal(r.stdout, '');
    } finally {
      clean.dispose();
    }
  });

  test('the examples', () => {
    const r = runCli(['check', 'examples']);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    if (r.stdout) {
      assert.match(r.stdout, /^examples\/[\w-]+\.seams\n/);
      assert.match(r.stdout, /\n✖ \d+ problems? \(\d+ errors?, \d+ warnings?, \d+ infos?, \d+ hints?\)\n$/);
    }
  });
});

describe('formatText', () => {
  const text = 'service a {\n  owner t\n}\n';
  const diag = (severity: Severity, start: number, code: string): Diagnostic => ({
    code,
    severity,
    message: `a ${severity}`,
    location: { file: 'a.seams', start, end: start + 1 },
  });

  test('every severity, with singular and plural counts', () => {
    const report = createReport(
      [{ file: 'a.seams', text }],
      [
        diag('error', 0, 'e-code'),
        diag('warning', 14, 'w-code'),
        diag('warning', 16, 'w-code'),
        diag('info', 18, 'i'),
        diag('hint', 20, 'h'),
      ],
    );
    assert.equal(
      formatText(report, { colour: false }),
      [
        'a.seams',
        '  1:1  error    a error    e-code',
        '  2:3  warning  a warning  w-code',
        '  2:5  warning  a warning  w-code',
        '  2:7  info     a info     i',
        '  2:9  hint     a hint     h',
        '',
        '✖ 5 problems (1 error, 2 warnings, 1 info, 1 hint)',
        '',
      ].join('\n'),
    );
  });

  test('summary colour follows the worst severity', () => {
    const only = (s: Severity) => formatText(createReport([{ file: 'a.seams', text }], [diag(s, 0, 'c')]), { colour: true });
    assert.match(only('error'), /\u001b\[1m\u001b\[31m✖ 1 problem/);
    assert.match(only('warning'), /\u001b\[1m\u001b\[33m✖ 1 problem/);
    assert.match(only('info'), /\u001b\[1m\u001b\[34m✖ 1 problem/);
  });

  test('a line break in a message does not break the table', () => {
    const d = { ...diag('error', 0, 'c'), message: 'first\n  second' };
    assert.match(formatText(createReport([{ file: 'a.seams', text }], [d]), { colour: false }), /1:1 {2}error {2}first second {2}c\n/);
  });
});

describe('formatText on a terminal', () => {
  const text = 'service a {\n  owner t\n}\n';
  const long = 'orders, billing, invoices, payments and shipping all keep their data in store shop-db, so none of them can change it alone';
  const report = () =>
    createReport(
      [{ file: 'a.seams', text }],
      [
        { code: 'shared-database', severity: 'warning', message: long, location: { file: 'a.seams', start: 0, end: 1 } },
        { code: 'missing-owner', severity: 'warning', message: 'b has no owner', location: { file: 'a.seams', start: 14, end: 15 } },
      ],
    );

  test('no row is wider than the terminal: long messages wrap at spaces under the message column', () => {
    const out = formatText(report(), { colour: false, width: 80 });
    const rows = out.split('\n');
    for (const row of rows) assert.ok(row.length <= 80, `${row.length} columns: ${row}`);
    const first = rows.indexOf(rows.find((r) => r.includes('1:1'))!);
    assert.match(rows[first], /^ {2}1:1 {2}warning {2}orders, billing/);
    // Continuation lines start at the message column; the code follows the message's last line.
    const column = rows[first].indexOf('orders');
    assert.match(rows[first + 1], new RegExp(`^ {${column}}\\S`));
    const words = rows
      .slice(first, first + 3)
      .map((r) => r.slice(column).trim())
      .join(' ');
    assert.match(words, /alone +shared-database$/);
    assert.match(out, /b has no owner +missing-owner/);
  });

  test('piped output (no width) keeps one row per problem', () => {
    const out = formatText(report(), { colour: false });
    assert.equal(out.split('\n').filter((r) => r.includes('shared-database')).length, 1);
    assert.ok(out.includes(long));
  });

  test('a word longer than the room is cut, never lost', () => {
    const word = 'x'.repeat(70);
    const r = createReport(
      [{ file: 'a.seams', text }],
      [{ code: 'c', severity: 'error', message: word, location: { file: 'a.seams', start: 0, end: 1 } }],
    );
    const out = formatText(r, { colour: false, width: 40 });
    assert.equal(out.replace(/[^x]/g, '').length, 70);
  });
});

describe('shouldColour', () => {
  test('terminal only, FORCE_COLOR wins, NO_COLOR and TERM=dumb turn it off', () => {
    assert.equal(shouldColour({ isTTY: true }, {}), true);
    assert.equal(shouldColour({ isTTY: false }, {}), false);
    assert.equal(shouldColour({}, {}), false);
    assert.equal(shouldColour({ isTTY: true }, { NO_COLOR: '1' }), false);
    assert.equal(shouldColour({ isTTY: true }, { NO_COLOR: '' }), true, 'an empty NO_COLOR is unset');
    assert.equal(shouldColour({ isTTY: true }, { TERM: 'dumb' }), false);
    assert.equal(shouldColour({ isTTY: false }, { FORCE_COLOR: '1' }), true);
    assert.equal(shouldColour({ isTTY: false }, { FORCE_COLOR: '' }), true);
    assert.equal(shouldColour({ isTTY: true }, { FORCE_COLOR: '0' }), false);
    assert.equal(shouldColour({ isTTY: true }, { FORCE_COLOR: 'false' }), false);
    assert.equal(shouldColour({ isTTY: false }, { FORCE_COLOR: '1', NO_COLOR: '1' }), true);
  });
});
