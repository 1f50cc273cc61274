// A node:test reporter that prints what a person wants from `npm test`: one line per test file,
// every failure in full where it happens, and a short summary at the end that names each skipped
// suite with its reason. (The full spec output goes to test-results/test-output.txt; run.mjs
// sets that up.) It also writes test-results/summary.json so run.mjs can fail a CI run in which
// a whole suite was skipped.
//
// A "suite" here is one test file. It is skipped when it ran tests and every one was skipped
// (the real-editor suites skip that way when their Debian packages are missing).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (text) => (useColour ? `\u001b[${code}m${text}\u001b[0m` : text);
const red = paint('31');
const green = paint('32');
const yellow = paint('33');
const dim = paint('2');

function suiteOf(files, file) {
  const key = file ? relative(root, file) : '(no file)';
  let suite = files.get(key);
  if (!suite) {
    suite = { file: key, passed: 0, failed: 0, skipped: 0, skips: [], failures: [], fileError: undefined, ms: 0, output: [] };
    files.set(key, suite);
  }
  return suite;
}

function errorText(error) {
  if (!error) return '';
  // The runner wraps the thrown value; its cause holds the assertion with its diff.
  const inner = error.cause ?? error;
  const text = inner?.stack ?? inner?.message ?? String(inner);
  return String(text).split('\n').slice(0, 40).join('\n');
}

function indent(text, by = '    ') {
  return text
    .split('\n')
    .map((line) => by + line)
    .join('\n');
}

function suiteLine(suite) {
  const seconds = `${(suite.ms / 1000).toFixed(1)} s`;
  const parts = [`${suite.passed} passed`];
  if (suite.failed) parts.push(`${suite.failed} failed`);
  if (suite.skipped) parts.push(`${suite.skipped} skipped`);
  const status = suiteStatus(suite);
  const mark = status === 'failed' ? red('✖') : status === 'skipped' ? yellow('↷') : green('✔');
  return `${mark} ${suite.file}  ${dim(`${parts.join(', ')} (${seconds})`)}\n`;
}

function suiteStatus(suite) {
  if (suite.failed > 0 || suite.fileError) return 'failed';
  if (suite.passed === 0) return 'skipped';
  return 'passed';
}

export default async function* summaryReporter(source) {
  const files = new Map();
  for await (const event of source) {
    const data = event.data ?? {};
    switch (event.type) {
      case 'test:pass':
      case 'test:fail': {
        if (data.details?.type === 'suite') break; // describe() blocks: their tests are counted
        const suite = suiteOf(files, data.file);
        const isFileItself = data.file && data.name === data.file;
        if (isFileItself) {
          // The file's own subprocess failed outside any test (a crash on import, say).
          if (event.type === 'test:fail') suite.fileError = errorText(data.details?.error) || 'the test file exited with an error';
          break;
        }
        if (data.skip !== undefined && data.skip !== false) {
          suite.skipped++;
          suite.skips.push({ name: data.name, reason: typeof data.skip === 'string' ? data.skip : 'skipped' });
        } else if (data.todo !== undefined && data.todo !== false) {
          suite.skipped++;
          suite.skips.push({ name: data.name, reason: typeof data.todo === 'string' ? `todo: ${data.todo}` : 'todo' });
        } else if (event.type === 'test:pass') {
          suite.passed++;
        } else {
          suite.failed++;
          const message = errorText(data.details?.error);
          suite.failures.push({ name: data.name, message });
          yield `${red('✖')} ${suite.file} › ${data.name}\n${indent(message)}\n`;
        }
        break;
      }
      case 'test:complete': {
        if (data.file && data.name === data.file) {
          const suite = suiteOf(files, data.file);
          suite.ms = data.details?.duration_ms ?? 0;
          if (data.details?.passed === false && suite.failed === 0) {
            suite.fileError ??= errorText(data.details?.error) || 'the test file exited with an error';
            // What the file printed says why (an exception at import, say); show its tail.
            const printed = suite.output.join('').split('\n').slice(-40).join('\n').trimEnd();
            yield `${red('✖')} ${suite.file} ${red('failed to run')}: ${suite.fileError}\n${printed ? indent(printed) + '\n' : ''}`;
          }
          yield suiteLine(suite);
        }
        break;
      }
      case 'test:stdout':
      case 'test:stderr': {
        // Kept (bounded) only to explain a file that fails outside its tests.
        const suite = suiteOf(files, data.file);
        suite.output.push(data.message ?? '');
        if (suite.output.length > 200) suite.output.splice(0, suite.output.length - 200);
        break;
      }
      default:
        break;
    }
  }
  yield* summarise([...files.values()].filter((s) => s.file !== '(no file)' || s.passed + s.failed + s.skipped > 0));
}

function* summarise(suites) {
  const count = (status) => suites.filter((s) => suiteStatus(s) === status).length;
  const totals = suites.reduce((t, s) => ({ passed: t.passed + s.passed, failed: t.failed + s.failed, skipped: t.skipped + s.skipped }), {
    passed: 0,
    failed: 0,
    skipped: 0,
  });
  const skippedSuites = suites.filter((s) => suiteStatus(s) === 'skipped');
  const failedSuites = suites.filter((s) => suiteStatus(s) === 'failed');
  const partlySkipped = suites.filter((s) => suiteStatus(s) !== 'skipped' && s.skipped > 0);

  const lines = ['', 'Summary'];
  lines.push(`  suites: ${suites.length} run, ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`);
  for (const s of failedSuites)
    lines.push(red(`  failed:  ${s.file}`) + (s.fileError ? ' (did not run to the end)' : ` (${s.failed} failing)`));
  for (const s of skippedSuites) {
    const reasons = [...new Set(s.skips.map((k) => k.reason))];
    lines.push(yellow(`  skipped: ${s.file} — ${reasons.join('; ') || 'no test ran'}`));
  }
  for (const s of partlySkipped) {
    for (const k of s.skips) lines.push(dim(`  one test skipped in ${s.file}: ${k.name} — ${k.reason}`));
  }
  lines.push(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  yield lines.join('\n') + '\n';

  const out = join(root, 'test-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'summary.json'),
    JSON.stringify(
      {
        suites: suites.map((s) => ({
          file: s.file,
          status: suiteStatus(s),
          passed: s.passed,
          failed: s.failed,
          skipped: s.skipped,
          skips: s.skips,
        })),
        totals,
      },
      null,
      2,
    ),
  );
}
