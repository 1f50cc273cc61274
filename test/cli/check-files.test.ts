/**
 * Which files `seams check` reads and how it names them: folders searched
 * recursively for *.seams (skipping node_modules and dot-folders), files given
 * explicitly taken whatever their extension, no path meaning the current
 * folder, names as given or found, sorted, each file once.
 */
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildCli, runCli, tempTree } from './cli-harness.js';

/** Each file holds one unresolved owner named after the file, so the JSON shows which files were read. */
function marked(name: string): string {
  return `service svc-${name} {\n  owner team-of-${name}\n}\n`;
}

const { dir, dispose } = tempTree({
  'a.seams': marked('a'),
  'sub/deeper/b.seams': marked('b'),
  'sub/c.seams': marked('c'),
  'node_modules/pkg/x.seams': marked('x'),
  'sub/node_modules/y.seams': marked('y'),
  '.hidden/z.seams': marked('z'),
  'sub/.cache/w.seams': marked('w'),
  'notes.txt': 'not seams at all {{{',
  'spec.seams.txt': marked('t'),
});

before(buildCli);
after(dispose);

interface Json {
  files: number;
  diagnostics: { file: string; message: string }[];
}

function check(args: string[]): { status: number | null; json: Json } {
  const r = runCli(['check', '--format', 'json', ...args], { cwd: dir });
  assert.equal(r.stderr, '');
  return { status: r.status, json: JSON.parse(r.stdout) as Json };
}

const filesOf = (j: Json) => [...new Set(j.diagnostics.map((d) => d.file))];

test('no path: the current folder, recursively, skipping node_modules and dot-folders', () => {
  const { status, json } = check([]);
  assert.equal(status, 1);
  assert.equal(json.files, 3);
  assert.deepEqual(filesOf(json), ['a.seams', 'sub/c.seams', 'sub/deeper/b.seams']);
});

test('a folder given: files named beneath it as given', () => {
  assert.deepEqual(filesOf(check(['sub']).json), ['sub/c.seams', 'sub/deeper/b.seams']);
  assert.deepEqual(filesOf(check(['./sub/']).json), ['sub/c.seams', 'sub/deeper/b.seams'], 'normalised');
});

test('a file given explicitly is read whatever its extension; a dot-folder given explicitly is searched', () => {
  assert.deepEqual(filesOf(check(['spec.seams.txt']).json), ['spec.seams.txt']);
  assert.deepEqual(filesOf(check(['.hidden']).json), ['.hidden/z.seams']);
});

test('each file once, in sorted order, however often and in whatever order it is named', () => {
  const { json } = check(['sub/c.seams', 'a.seams', '.', 'sub']);
  assert.equal(json.files, 3);
  assert.deepEqual(filesOf(json), ['a.seams', 'sub/c.seams', 'sub/deeper/b.seams']);
});

test('an absolute path stays absolute', () => {
  const abs = join(dir, 'sub', 'c.seams');
  assert.deepEqual(filesOf(check([abs]).json), [abs]);
});

test('a linked folder is followed once, even when the links form a cycle', () => {
  const t = tempTree({ 'real/r.seams': marked('r') });
  try {
    symlinkSync(join(t.dir, 'real'), join(t.dir, 'real', 'loop'));
    const r = runCli(['check', '--format', 'json'], { cwd: t.dir });
    const json = JSON.parse(r.stdout) as Json;
    assert.equal(json.files, 1);
    assert.deepEqual(filesOf(json), ['real/r.seams']);
  } finally {
    t.dispose();
  }
});
