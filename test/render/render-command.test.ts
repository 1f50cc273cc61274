import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Command, CommanderError } from 'commander';
import { registerRender, runRender } from '../../server/src/cli/render-command.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURE = join(import.meta.dirname, 'fixtures', 'snapshot-shop.seams');

function capture() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: { write: (t: string) => (out.stdout += t) },
      stderr: { write: (t: string) => (out.stderr += t) },
    },
  };
}

describe('seams render', () => {
  const dir = mkdtempSync(join(tmpdir(), 'seams-render-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a self-contained SVG and exits 0; the same input gives the same bytes', async () => {
    const file = join(dir, 'examples.svg');
    const { out, io } = capture();
    assert.equal(await runRender([join(ROOT, 'examples')], { output: file }, io), 0);
    assert.equal(out.stderr, '');
    const first = readFileSync(file, 'utf8');
    assert.match(first, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="seams-graph theme-light"/);
    assert.match(first, /data-id="service:web-bff"/);
    assert.equal(await runRender([join(ROOT, 'examples')], { output: file }, io), 0);
    assert.equal(readFileSync(file, 'utf8'), first);
  });

  it('honours direction, grouping, theme, stores and collapse', async () => {
    const { out, io } = capture();
    const opts = { output: '-', direction: 'down', group: 'none', theme: 'dark', stores: false } as const;
    assert.equal(await runRender([FIXTURE], opts, io), 0);
    assert.match(out.stdout, /theme-dark/);
    assert.doesNotMatch(out.stdout, /data-kind="group"|data-kind="store"/);
    const collapsed = capture();
    assert.equal(await runRender([FIXTURE], { output: '-', collapse: 'all' }, collapsed.io), 0);
    assert.match(collapsed.out.stdout, /class="node kind-group collapsed( sev-\w+)?"/);
    assert.doesNotMatch(collapsed.out.stdout, /data-id="service:web"/);
  });

  it('exits 2 with one line on stderr for a bad option value, a missing path or an unwritable file', async () => {
    const cases: [string[], Parameters<typeof runRender>[1], RegExp][] = [
      [[FIXTURE], { output: join(dir, 'x.svg'), direction: 'sideways' as 'down' }, /--direction.*sideways/],
      [[FIXTURE], { output: join(dir, 'x.svg'), group: 'owner' as 'team' }, /--group.*owner/],
      [[FIXTURE], { output: join(dir, 'x.svg'), theme: 'blue' as 'dark' }, /--theme.*blue/],
      [[join(dir, 'missing')], { output: join(dir, 'x.svg') }, /cannot read .*missing/],
      [[FIXTURE], { output: join(dir, 'no-such-folder', 'x.svg') }, /cannot write/],
    ];
    for (const [paths, options, message] of cases) {
      const { out, io } = capture();
      assert.equal(await runRender(paths, options, io), 2, String(message));
      assert.match(out.stderr, message);
      assert.equal(out.stderr.split('\n').length, 2, `one line: ${out.stderr}`);
      assert.match(out.stderr, /^seams: /);
    }
    assert.equal(existsSync(join(dir, 'x.svg')), false);
  });

  it('registers with commander: choices are checked, the exit code is handed over', async () => {
    let code: number | undefined;
    const program = () => {
      const p = new Command('seams').exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
      registerRender(p, (c) => (code = c));
      return p;
    };
    await assert.rejects(
      program().parseAsync(['render', FIXTURE, '-o', join(dir, 'y.svg'), '--direction', 'up'], { from: 'user' }),
      (e: unknown) => e instanceof CommanderError && e.code === 'commander.invalidArgument',
    );
    await assert.rejects(
      program().parseAsync(['render', FIXTURE], { from: 'user' }),
      (e: unknown) => e instanceof CommanderError && e.code === 'commander.missingMandatoryOptionValue',
    );
    await program().parseAsync(['render', FIXTURE, '-o', join(dir, 'y.svg'), '--group', 'team'], { from: 'user' });
    assert.equal(code, 0);
    assert.match(readFileSync(join(dir, 'y.svg'), 'utf8'), /data-id="group:team:core-team"/);
  });
});

describe('seams render --view --size', () => {
  const dir = mkdtempSync(join(tmpdir(), 'seams-render-view-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('draws every view of the examples and exits 0', async () => {
    for (const view of ['auto', 'landscape', 'all', 'system:checkout', 'team:data-team', 'service:orders', 'service:orders:2']) {
      const { out, io } = capture();
      assert.equal(await runRender([join(ROOT, 'examples')], { output: '-', view, size: '520x760' }, io), 0, view);
      assert.equal(out.stderr, '');
      assert.match(out.stdout, /^<svg /, view);
    }
  });

  it('auto fits the examples into the default side pane at 0.6 or more', async () => {
    const { out, io } = capture();
    assert.equal(await runRender([join(ROOT, 'examples')], { output: '-' }, io), 0);
    const m = /width="([\d.]+)" height="([\d.]+)"/.exec(out.stdout)!;
    assert.ok(Math.min(520 / Number(m[1]), 760 / Number(m[2])) >= 0.6, `${m[1]} x ${m[2]}`);
  });

  it('exits 2 with one line on stderr for an unknown view, an unknown target or a bad size', async () => {
    const cases: [Parameters<typeof runRender>[1], RegExp][] = [
      [{ output: join(dir, 'x.svg'), view: 'system:nope' }, /no system named 'nope'/],
      [{ output: join(dir, 'x.svg'), view: 'team:nope' }, /no team named 'nope'/],
      [{ output: join(dir, 'x.svg'), view: 'service:nope:2' }, /no service named 'nope'/],
      [{ output: join(dir, 'x.svg'), view: 'galaxy' }, /unknown view 'galaxy'/],
      [{ output: join(dir, 'x.svg'), view: 'service:orders:x' }, /HOPS/],
      [{ output: join(dir, 'x.svg'), size: '520' }, /--size.*520/],
    ];
    for (const [options, message] of cases) {
      const { out, io } = capture();
      assert.equal(await runRender([join(ROOT, 'examples')], options, io), 2, String(options.view ?? options.size));
      assert.match(out.stderr, message);
      assert.equal(out.stderr.trim().split('\n').length, 1);
      assert.ok(!existsSync(join(dir, 'x.svg')));
    }
  });
});
