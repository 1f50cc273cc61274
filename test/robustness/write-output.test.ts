/**
 * Outputs never replace a model: `seams render -o` (and diff's and export's -o)
 * refuse a `.seams` target and any file read as input, however it is spelled,
 * and write through a temporary file renamed into place, so a reader never
 * sees half a picture and a failed write leaves the old file as it was.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { InputError } from '../../server/src/cli/input-error.js';
import { writeOutput } from '../../server/src/cli/write-output.js';
import { buildCli, runCli, tempTree } from '../cli/cli-harness.js';

before(() => buildCli());

const MODEL = 'team t { oncall "#t" }\nservice a {\n  owner t\n}\n';

test('render -o refuses a .seams file and every input, and leaves them untouched', () => {
  const tree = tempTree({ 'a.seams': MODEL, 'sub/b.txt': MODEL });
  try {
    symlinkSync(join(tree.dir, 'a.seams'), join(tree.dir, 'link.svg'));
    for (const [args, why] of [
      [['render', 'a.seams', '-o', 'a.seams'], /\.seams file/],
      [['render', 'a.seams', '-o', 'other.SEAMS'], /\.seams file/],
      [['render', 'sub/b.txt', '-o', 'sub/../sub/b.txt'], /one of the files read/],
      [['render', 'a.seams', '-o', 'link.svg'], /one of the files read/],
      [['diff', '.', 'a.seams', '-o', 'a.seams'], /\.seams file/],
      [['export', 'a.seams', '--format', 'json', '-o', 'a.seams'], /\.seams file/],
    ] as const) {
      const r = runCli([...args], { cwd: tree.dir });
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /^seams: refusing to write /);
      assert.match(r.stderr, why);
    }
    assert.equal(readFileSync(join(tree.dir, 'a.seams'), 'utf8'), MODEL);
    assert.equal(readFileSync(join(tree.dir, 'sub/b.txt'), 'utf8'), MODEL);
    const ok = runCli(['render', 'a.seams', '-o', 'out.svg'], { cwd: tree.dir });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(readFileSync(join(tree.dir, 'out.svg'), 'utf8'), /^<svg/);
    assert.deepEqual(
      readdirSync(tree.dir).filter((f) => f.endsWith('.tmp')),
      [],
      'no temporary file left',
    );
  } finally {
    tree.dispose();
  }
});

test('writeOutput replaces a file whole, and a failed write leaves nothing behind', () => {
  const tree = tempTree({ 'old.svg': 'old' });
  try {
    writeOutput(join(tree.dir, 'old.svg'), 'new', []);
    assert.equal(readFileSync(join(tree.dir, 'old.svg'), 'utf8'), 'new');
    mkdirSync(join(tree.dir, 'a-folder.svg'));
    assert.throws(
      () => writeOutput(join(tree.dir, 'a-folder.svg'), 'x', []),
      (e) => e instanceof InputError && /cannot write/.test(e.message),
    );
    assert.throws(() => writeOutput(join(tree.dir, 'missing', 'x.svg'), 'x', []), InputError);
    writeFileSync(join(tree.dir, 'in.seams'), MODEL);
    assert.throws(() => writeOutput(join(tree.dir, 'in.seams'), 'x', []), /\.seams file/);
    assert.deepEqual(readdirSync(tree.dir).sort(), ['a-folder.svg', 'in.seams', 'old.svg']);
  } finally {
    tree.dispose();
  }
});
