#!/usr/bin/env node
// `npm test`: type check, build, then every test/**/*.test.ts through node's built-in
// test runner (TypeScript via tsx). One runner, so CI reads one summary.
//   node test/run.mjs                 everything
//   node test/run.mjs --only cli      only test/cli/
//   node test/run.mjs --no-typecheck  skip tsc (faster while iterating)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

// Folders under test/ that hold data or code run elsewhere, not node:test files:
// fixtures, snapshots, the mocha suite that runs inside VS Code, the benchmarks.
const NOT_TESTS = new Set(['fixtures', '__snapshots__', 'suite', 'bench', 'node_modules']);

function findTests(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!NOT_TESTS.has(entry.name)) found.push(...findTests(join(dir, entry.name)));
    } else if (entry.name.endsWith('.test.ts')) {
      found.push(join(dir, entry.name));
    }
  }
  return found;
}

function run(label, command, commandArgs) {
  console.log(`\n> ${label}`);
  const r = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${label} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

if (!args.includes('--no-typecheck')) run('type check', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']);
// Correctness rules and import boundaries (eslint.config.mjs); skipped with --no-typecheck, like tsc.
if (!args.includes('--no-typecheck')) run('lint', process.execPath, ['node_modules/eslint/bin/eslint.js', '--max-warnings', '0', '.']);
// One code style (.prettierrc.json); `npm run format` applies it. Skipped with --no-typecheck too.
if (!args.includes('--no-typecheck'))
  run('format check', process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level', 'warn', '.']);
run('build', process.execPath, ['esbuild.mjs']);

const files = findTests(join(root, 'test', only ?? ''))
  .map((f) => relative(root, f))
  .sort();
if (files.length === 0) {
  console.error(`no test files under test/${only ?? ''}`);
  process.exit(1);
}
// One file at a time (the machine has 2 cores and some suites start browsers and editors);
// no single test may run longer than 10 minutes, so a hang fails instead of stalling CI.
// The console gets the short report of test/summary-reporter.mjs; the runner's full output
// (every test, with the output tests printed) goes to test-results/test-output.txt.
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const summaryFile = join(results, 'summary.json');
rmSync(summaryFile, { force: true });
console.log(`\n> ${files.length} test files (full output: test-results/test-output.txt)`);
const tests = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-timeout=600000',
    '--test-reporter=./test/summary-reporter.mjs',
    '--test-reporter-destination=stdout',
    '--test-reporter=spec',
    '--test-reporter-destination=test-results/test-output.txt',
    ...files,
  ],
  { cwd: root, stdio: 'inherit' },
);

// Under CI a suite that skipped itself (a missing Debian package, say) proves nothing, so it
// fails the run; on a developer's machine the summary above names it and its reason.
let skippedSuites = [];
if (existsSync(summaryFile)) {
  skippedSuites = JSON.parse(readFileSync(summaryFile, 'utf8')).suites.filter((s) => s.status === 'skipped');
} else {
  console.error('the test reporter wrote no summary');
  process.exit(1);
}
if (process.env.CI && skippedSuites.length > 0) {
  console.error(`CI is set: ${skippedSuites.length} skipped suite(s) fail the run (${skippedSuites.map((s) => s.file).join(', ')})`);
  process.exit(1);
}
process.exit(tests.status ?? 1);
