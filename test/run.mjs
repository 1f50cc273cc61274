#!/usr/bin/env node
// `npm test`: type check, build, then every test/**/*.test.ts through node's built-in
// test runner (TypeScript via tsx). One runner, so CI reads one summary.
//   node test/run.mjs                 everything
//   node test/run.mjs --only cli      only test/cli/
//   node test/run.mjs --no-typecheck  skip tsc (faster while iterating)
import { spawnSync } from 'node:child_process';
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
run(`${files.length} test files`, process.execPath, [
  '--import',
  'tsx',
  '--test',
  '--test-concurrency=1',
  '--test-timeout=600000',
  ...files,
]);
