/**
 * `seams diff` as a user runs it (the built CLI) on a throwaway git repository:
 * revisions, `REV...` merge bases, folder bases, PATHs, exit codes, usage
 * errors, and a working tree and index left exactly as they were.
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildCli, oneErrorLine, runCli, tempTree } from '../cli/cli-harness.js';
import { gitRepo, type GitRepo } from './git-repo.js';

const BASE = `team shop-team {
  oncall "#shop"
}

system shop {
  defaults {
    timeout 2s
    circuit-breaker
  }
  service catalog {
    owner shop-team
    tier internal
    store catalog-db postgres
    api catalog-api v1 v2 rest
  }
  service orders {
    owner shop-team
    tier internal
    api orders-api v1 grpc
    event order-placed v3
    calls catalog.catalog-api v2 {
      timeout 300ms
      retry 2
    }
  }
  service legacy {
    owner shop-team
    tier internal
  }
}
`;

interface DiffJson {
  base: string;
  changes: { change: string; kind: string; id: string; file: string; line: number; details: string[] }[];
  findings: { new: Record<string, unknown>[]; fixed: Record<string, unknown>[] };
}

const repos: GitRepo[] = [];
function repo(files: Record<string, string>): GitRepo {
  const r = gitRepo(files);
  repos.push(r);
  return r;
}

function diffJson(dir: string, ...args: string[]): { status: number | null; json: DiffJson; stderr: string } {
  const r = runCli(['diff', ...args, '--format', 'json'], { cwd: dir });
  assert.equal(r.stderr, '', r.stderr);
  return { status: r.status, json: JSON.parse(r.stdout) as DiffJson, stderr: r.stderr };
}

const short = (j: DiffJson) => j.changes.map((c) => `${c.change} ${c.kind} ${c.id}`);

before(buildCli);
after(() => repos.forEach((r) => r.dispose()));

describe('against a revision', () => {
  test('the working tree against HEAD: added, removed and changed elements in the contract shape', () => {
    const r = repo({ 'arch/shop.seams': BASE });
    r.commit('base');
    r.write({
      'arch/shop.seams': BASE.replace(/ {2}service legacy \{[\s\S]*?\n {2}\}\n/, '')
        .replace('calls catalog.catalog-api v2', 'calls catalog.catalog-api v1')
        .replace('retry 2\n', 'retry 2 backoff exponential\n'),
      'arch/billing.seams': 'service billing {\n  owner shop-team\n  tier internal\n  subscribes orders.order-placed v3\n}\n',
    });
    const { status, json } = diffJson(r.dir, 'HEAD');
    assert.equal(status, 0);
    assert.deepEqual(Object.keys(json), ['base', 'changes', 'findings']);
    assert.equal(json.base, 'HEAD');
    assert.deepEqual(short(json), [
      'added service billing',
      'removed service legacy',
      'changed call orders->catalog.catalog-api',
      'added subscription billing<-orders.order-placed',
    ]);
    const call = json.changes.find((c) => c.kind === 'call')!;
    assert.deepEqual(call, {
      change: 'changed',
      kind: 'call',
      id: 'orders->catalog.catalog-api',
      file: join('arch', 'shop.seams'),
      line: 21,
      details: ['version: v2 → v1', 'backoff: none → exponential'],
    });
    const removed = json.changes.find((c) => c.change === 'removed')!;
    assert.equal(removed.line, 26, 'a removed element points into the old model');
    assert.deepEqual(
      json.findings.fixed.map((d) => d.code),
      ['retry-without-backoff'],
    );
    assert.deepEqual(Object.keys(json.findings.fixed[0]!), [
      'file',
      'line',
      'column',
      'endLine',
      'endColumn',
      'severity',
      'code',
      'message',
    ]);
  });

  test('reindenting, reordering and moving a declaration to another file is no change', () => {
    const r = repo({ 'shop.seams': BASE });
    r.commit('base');
    const legacy = /( {2}service legacy \{[\s\S]*?\n {2}\}\n)/.exec(BASE)![1]!;
    const team = /(team shop-team \{[\s\S]*?\n\}\n)/.exec(BASE)![1]!;
    r.write({
      'shop.seams': BASE.replace(legacy, '')
        .replace(team, '')
        .replace('system shop {\n', `system shop {\n${legacy}`)
        .replace(/^ {2}/gm, '    '),
      'teams/more.seams': `\n\n${team}`,
    });
    const { status, json } = diffJson(r.dir, 'HEAD');
    assert.equal(status, 0);
    assert.deepEqual(json.changes, []);
    assert.deepEqual(json.findings, { new: [], fixed: [] });
  });

  test('REV... diffs against the merge base, as a pull request does; REV alone against REV', () => {
    const r = repo({ 'shop.seams': BASE });
    r.commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write({ 'shop.seams': BASE.replace('api orders-api v1 grpc', 'api orders-api v1 v2 grpc') });
    r.commit('feature: orders-api v2');
    r.git('checkout', '-q', 'main');
    r.write({ 'extra.seams': 'service reports {\n  owner shop-team\n  tier internal\n}\n' });
    r.commit('main moves on');
    r.git('checkout', '-q', 'feature');

    assert.deepEqual(short(diffJson(r.dir, 'main...').json), ['changed api orders.orders-api']);
    assert.deepEqual(short(diffJson(r.dir, 'main...HEAD').json), ['changed api orders.orders-api']);
    // Against main itself, main's own new service looks removed.
    assert.deepEqual(short(diffJson(r.dir, 'main').json), ['removed service reports', 'changed api orders.orders-api']);
    const text = runCli(['diff', 'main...'], { cwd: r.dir });
    assert.equal(text.status, 0);
    assert.match(text.stdout, /against main\.\.\. \([0-9a-f]{12}\)/);
    assert.match(text.stdout, /versions: v1 → v1 v2/);
  });

  test('PATHs name the files on both sides; dot-folders and node_modules are skipped', () => {
    const r = repo({
      'arch/shop.seams': BASE,
      'arch/.drafts/x.seams': 'service draft-a {\n}\n',
      'arch/node_modules/y.seams': 'service dep-a {\n}\n',
      'other/other.seams': 'service other-a {\n}\n',
    });
    r.commit('base');
    r.write({ 'other/other.seams': 'service other-b {\n}\n', 'arch/.drafts/x.seams': 'service draft-b {\n}\n' });
    const { json } = diffJson(r.dir, 'HEAD', 'arch');
    assert.deepEqual(json.changes, []);
    // From a sub-folder, paths are relative to it.
    const sub = runCli(['diff', 'HEAD', '.', '--format', 'json'], { cwd: join(r.dir, 'other') });
    assert.deepEqual(short(JSON.parse(sub.stdout) as DiffJson), ['removed service other-a', 'added service other-b']);
    assert.equal((JSON.parse(sub.stdout) as DiffJson).changes[1]!.file, 'other.seams');
  });

  test('a folder that did not exist at the revision is all new', () => {
    const r = repo({ 'README.md': 'x\n' });
    r.commit('base');
    r.write({ 'arch/shop.seams': BASE });
    const { json } = diffJson(r.dir, 'HEAD', 'arch');
    assert.ok(json.changes.length > 5);
    assert.ok(json.changes.every((c) => c.change === 'added'));
  });

  test('the working tree and the index are left exactly as they were', () => {
    const r = repo({ 'shop.seams': BASE, 'staged.seams': 'service s1 {\n}\n' });
    r.commit('base');
    r.write({ 'staged.seams': 'service s2 {\n}\n' });
    r.git('add', 'staged.seams');
    r.write({ 'shop.seams': BASE.replace('tier internal', 'tier background'), 'untracked.seams': 'service u {\n}\n' });
    const status = r.git('status', '--porcelain');
    const index = join(r.dir, '.git', 'index');
    const indexBytes = readFileSync(index);
    const indexTime = statSync(index).mtimeMs;
    const headBefore = r.git('rev-parse', 'HEAD');
    for (const args of [['HEAD'], ['HEAD~0...'], ['main', '-o', 'diff.svg'], ['HEAD', '--format', 'markdown']]) {
      const run = runCli(['diff', ...args], { cwd: r.dir });
      assert.ok(run.status === 0 || run.status === 1, run.stderr);
    }
    r.remove('diff.svg');
    assert.deepEqual(readFileSync(index), indexBytes);
    assert.equal(statSync(index).mtimeMs, indexTime);
    assert.equal(r.git('status', '--porcelain'), status);
    assert.equal(r.git('rev-parse', 'HEAD'), headBefore);
    assert.equal(r.git('stash', 'list'), '');
    assert.equal(readFileSync(join(r.dir, 'staged.seams'), 'utf8'), 'service s2 {\n}\n');
  });
});

describe('against a folder or file', () => {
  test('BASE as a folder holding the old model, outside any git repository', () => {
    const t = tempTree({ 'old/shop.seams': BASE, 'new/shop.seams': BASE.replace('event order-placed v3', 'event order-placed v4') });
    try {
      const { status, json } = diffJson(t.dir, 'old', 'new');
      assert.equal(status, 0);
      assert.equal(json.base, 'old');
      assert.deepEqual(
        json.changes.map((c) => [c.id, c.file, c.details]),
        [['orders.order-placed', join('new', 'shop.seams'), ['versions: v3 → v4']]],
      );
      // A file as BASE.
      const file = diffJson(t.dir, join('old', 'shop.seams'), 'new');
      assert.deepEqual(short(file.json), ['changed event orders.order-placed']);
    } finally {
      t.dispose();
    }
  });
});

describe('exit codes', () => {
  const r = (): GitRepo => {
    const g = repo({ 'shop.seams': BASE });
    g.commit('base');
    return g;
  };

  test('a new error exits 1 by default; --fail-on never exits 0', () => {
    const g = r();
    g.write({ 'shop.seams': BASE.replace('calls catalog.catalog-api v2', 'calls catalog.catalog-api v7') });
    const run = runCli(['diff', 'HEAD'], { cwd: g.dir });
    assert.equal(run.status, 1);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /version-not-provided/);
    assert.equal(runCli(['diff', 'HEAD', '--fail-on', 'never'], { cwd: g.dir }).status, 0);
    assert.equal(runCli(['diff', 'HEAD', '--fail-on', 'new-warnings'], { cwd: g.dir }).status, 1);
  });

  test('a new warning fails only with --fail-on new-warnings; an old error fails nothing', () => {
    const g = repo({ 'shop.seams': BASE.replace('calls catalog.catalog-api v2', 'calls catalog.catalog-api v7') });
    g.commit('base with an error');
    g.write({
      'shop.seams': BASE.replace('calls catalog.catalog-api v2', 'calls catalog.catalog-api v7').replace(
        /(service legacy \{\n) {4}owner shop-team\n/,
        '$1',
      ),
    });
    const run = diffJson(g.dir, 'HEAD');
    assert.deepEqual(
      run.json.findings.new.map((d) => d.code),
      ['missing-owner'],
    );
    assert.equal(run.status, 0);
    assert.equal(runCli(['diff', 'HEAD', '--fail-on', 'new-warnings'], { cwd: g.dir }).status, 1);
  });

  test('usage problems exit 2 with one line on stderr', () => {
    const g = r();
    const notRepo = tempTree({ 'shop.seams': BASE });
    try {
      const cases: [string[], string, RegExp][] = [
        [['diff', 'main'], notRepo.dir, /not in a git repository/],
        [['diff', 'no-such-branch'], g.dir, /unknown revision or path: no-such-branch/],
        [['diff', 'no-such-branch...'], g.dir, /unknown revision or path/],
        [['diff', 'HEAD', 'missing-folder'], g.dir, /cannot read missing-folder/],
        [['diff'], g.dir, /missing required argument 'base'/],
        [['diff', 'HEAD', '--format', 'yaml'], g.dir, /yaml/],
        [['diff', 'HEAD', '--fail-on', 'sometimes'], g.dir, /sometimes/],
        [['diff', '--upload-pack=x'], g.dir, /unknown option/],
      ];
      for (const [args, cwd, expected] of cases) {
        const run = runCli(args, { cwd });
        assert.equal(run.status, 2, `${args.join(' ')}: ${run.stdout}${run.stderr}`);
        assert.equal(run.stdout, '', args.join(' '));
        assert.match(oneErrorLine(run), expected, args.join(' '));
      }
    } finally {
      notRepo.dispose();
    }
  });
});
