/**
 * `seams check --baseline BASE`: SARIF results carry `baselineState` (`new` or
 * `unchanged`, matched by code and element, not by line), the log stays valid
 * SARIF 2.1.0, and `--fail-on` judges only what is new.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { buildCli, oneErrorLine, ROOT, runCli } from '../cli/cli-harness.js';
import { gitRepo, type GitRepo } from './git-repo.js';

interface Result {
  ruleId: string;
  level: string;
  baselineState?: string;
  locations: { physicalLocation: { region: { startLine: number } } }[];
}

// One old error (version-not-provided) and one old warning (retry-without-backoff).
const BASE = `team t {
  oncall "#t"
}
service catalog {
  owner t
  tier internal
  api catalog-api v1 rest
}
service orders {
  owner t
  tier internal
  api orders-api v1 rest
  calls catalog.catalog-api v9 {
    timeout 1s
    retry 2
    circuit-breaker
  }
}
`;

// Lines move (a comment on top); a new warning: a service with no owner.
const NEW = `// moved down by two lines\n\n${BASE}service lonely {\n  tier internal\n  api lonely-api v1 rest\n}\n`;

const repos: GitRepo[] = [];
let repo: GitRepo;
before(() => {
  buildCli();
  repo = gitRepo({ 'arch/shop.seams': BASE });
  repos.push(repo);
  repo.commit('base');
  repo.git('checkout', '-q', '-b', 'pr');
  repo.write({ 'arch/shop.seams': NEW });
});
after(() => repos.forEach((r) => r.dispose()));

function sarif(args: string[]): { status: number | null; results: Result[]; log: object } {
  const run = runCli(['check', 'arch', '--format', 'sarif', ...args], { cwd: repo.dir });
  assert.equal(run.stderr, '');
  const log = JSON.parse(run.stdout) as { runs: { results: Result[] }[] };
  return { status: run.status, results: log.runs[0]!.results, log };
}

test('each result is new or unchanged; old ones are unchanged though their lines moved', () => {
  const { results, log } = sarif(['--baseline', 'main']);
  const states = results.map((r) => `${r.ruleId} ${r.baselineState}`).sort();
  assert.deepEqual(states, ['missing-owner new', 'retry-without-backoff unchanged', 'version-not-provided unchanged']);
  assert.equal(results.find((r) => r.ruleId === 'version-not-provided')!.locations[0]!.physicalLocation.region.startLine, 15);

  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  const validate = ajv.compile(
    JSON.parse(readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object,
  );
  assert.ok(validate(log), JSON.stringify(validate.errors));
});

test('without --baseline there is no baselineState', () => {
  const { results, status } = sarif([]);
  assert.ok(results.every((r) => !('baselineState' in r)));
  assert.equal(status, 1, 'the old error still fails a plain check');
});

test('--fail-on judges only the new findings', () => {
  assert.equal(sarif(['--baseline', 'main']).status, 0, 'the error is old: new-errors (the default) holds not');
  assert.equal(sarif(['--baseline', 'main', '--fail-on', 'new-errors']).status, 0);
  assert.equal(sarif(['--baseline', 'main', '--fail-on', 'new-warnings']).status, 1, 'missing-owner is a new warning');
  assert.equal(sarif(['--baseline', 'main', '--fail-on', 'never']).status, 0);
  // REV... is the merge base, as for diff; text output works with a baseline too.
  assert.equal(sarif(['--baseline', 'main...']).results.filter((r) => r.baselineState === 'new').length, 1);
  const text = runCli(['check', 'arch', '--baseline', 'main', '--fail-on', 'new-warnings'], { cwd: repo.dir });
  assert.equal(text.status, 1);
  assert.match(text.stdout, /missing-owner/);
});

test('a new error fails with the default', () => {
  repo.write({ 'arch/extra.seams': 'service broken {\n  owner t\n  tier internal\n  calls catalog.catalog-api v7\n}\n' });
  try {
    assert.equal(sarif(['--baseline', 'main']).status, 1);
    assert.equal(sarif(['--baseline', 'main', '--fail-on', 'never']).status, 0);
  } finally {
    repo.remove('arch/extra.seams');
  }
});

test('an unknown baseline or --fail-on value is exit 2 with one line', () => {
  const bad = runCli(['check', 'arch', '--baseline', 'no-such-rev'], { cwd: repo.dir });
  assert.equal(bad.status, 2);
  assert.match(oneErrorLine(bad), /unknown revision or path: no-such-rev/);
  const badFail = runCli(['check', 'arch', '--fail-on', 'always'], { cwd: repo.dir });
  assert.equal(badFail.status, 2);
  assert.match(oneErrorLine(badFail), /always/);
});
