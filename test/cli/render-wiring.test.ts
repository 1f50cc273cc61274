/**
 * `seams render` is reachable through the built CLI with the same exit and
 * stderr conventions as `check` (the drawing itself is tested with the layout).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildCli, oneErrorLine, ROOT, runCli, tempTree } from './cli-harness.js';

const out = tempTree({});
before(buildCli);
after(out.dispose);

test('render examples -o FILE writes a self-contained SVG and exits 0', () => {
  const file = join(out.dir, 'graph.svg');
  const r = runCli(['render', 'examples', '-o', file], { cwd: ROOT });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  const svg = readFileSync(file, 'utf8');
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /<\/svg>\s*$/);
});

test('render -o - writes the SVG to stdout', () => {
  const r = runCli(['render', 'examples', '-o', '-'], { cwd: ROOT });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^<svg /);
});

test('render usage and input problems exit 2 with one line', () => {
  const missingOutput = runCli(['render', 'examples']);
  assert.equal(missingOutput.status, 2);
  assert.match(oneErrorLine(missingOutput), /--output/);
  const missingPath = runCli(['render', 'no-such-folder', '-o', join(out.dir, 'x.svg')]);
  assert.equal(missingPath.status, 2);
  assert.equal(oneErrorLine(missingPath), 'seams: cannot read no-such-folder: no such file or folder');
});
