/**
 * `seams --help`, `--version`, per-command help, and `npx seams` from the
 * checkout (npm's exec of the root package's own `bin`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { buildCli, ROOT, runCli } from './cli-harness.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };

before(buildCli);

test('--version and -v print the package version', () => {
  for (const flag of ['--version', '-v']) {
    const r = runCli([flag]);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, `${pkg.version}\n`);
    assert.equal(r.stderr, '');
  }
});

test('--help lists the commands on stdout and exits 0', () => {
  const r = runCli(['--help']);
  assert.equal(r.status, 0);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /^Usage: seams \[options\] \[command\]/);
  assert.match(r.stdout, /\n {2}check \[options\] \[paths\.\.\.\]/);
});

test('check --help shows the formats and --max-warnings', () => {
  const r = runCli(['check', '--help']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /Usage: seams check \[options\] \[paths\.\.\.\]/);
  assert.match(r.stdout, /--format <format>[\s\S]*"text", "json", "sarif"/);
  assert.match(r.stdout, /--max-warnings <n>/);
});

test('seams help and seams help COMMAND print what --help prints', () => {
  const top = runCli(['help']);
  assert.equal(top.status, 0);
  assert.equal(top.stdout, runCli(['--help']).stdout);
  const check = runCli(['help', 'check']);
  assert.equal(check.status, 0);
  assert.equal(check.stdout, runCli(['check', '--help']).stdout);
  const unknown = runCli(['help', 'chekc']);
  assert.equal(unknown.status, 2);
  assert.equal(unknown.stderr.trim().split('\n').length, 1);
});

test('the package bin is the built CLI', () => {
  assert.equal(pkg.bin.seams, 'dist/cli.cjs');
  assert.match(readFileSync(join(ROOT, pkg.bin.seams), 'utf8'), /^#!\/usr\/bin\/env node\n/);
});

test('npx seams check examples works from the checkout', () => {
  // `--no-install`: npm must find the checkout's own bin, never fetch a package named seams.
  const r = spawnSync('npx', ['--no-install', 'seams', 'check', 'examples', '--format', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  const json = JSON.parse(r.stdout) as { files: number };
  assert.ok(json.files >= 2);
});
