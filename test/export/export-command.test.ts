/** `seams export` end to end: the built CLI, its outputs and its usage errors. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { EXPORT_FORMATS, exportModel } from '../../server/src/core/export/formats.js';
import { buildCli, oneErrorLine, runCli, tempTree } from '../cli/cli-harness.js';
import { modelOf } from './export-fixtures.js';

const SHOP =
  'system shop "Shop" {\n  service orders {\n    api orders-api v1\n  }\n  service web {\n    calls orders.orders-api v1 { timeout 1s }\n  }\n}\n';

describe('seams export', () => {
  before(buildCli);

  it('prints each format to stdout, the same text as the core exporter', () => {
    const tree = tempTree({ 'shop.seams': SHOP });
    try {
      const model = modelOf([{ file: 'shop.seams', text: SHOP }]);
      for (const format of EXPORT_FORMATS) {
        const run = runCli(['export', '--format', format], { cwd: tree.dir });
        assert.equal(run.status, 0, run.stderr);
        assert.equal(run.stderr, '');
        assert.equal(run.stdout, exportModel(model, format), format);
        const dash = runCli(['export', '.', '-f', format, '-o', '-'], { cwd: tree.dir });
        assert.equal(dash.stdout, run.stdout);
      }
    } finally {
      tree.dispose();
    }
  });

  it('writes -o FILE, replacing an existing file and leaving no temporary file', () => {
    const tree = tempTree({ 'model/shop.seams': SHOP, 'out/old.d2': 'old' });
    try {
      const run = runCli(['export', 'model', '-f', 'd2', '-o', 'out/old.d2'], { cwd: tree.dir });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, '');
      assert.match(readFileSync(join(tree.dir, 'out', 'old.d2'), 'utf8'), /"shop": "Shop" \{/);
      assert.deepEqual(readdirSync(join(tree.dir, 'out')), ['old.d2']);
      const json = runCli(['export', 'model', '-f', 'json', '-o', 'model.json'], { cwd: tree.dir });
      assert.equal(json.status, 0, json.stderr);
      const document = JSON.parse(readFileSync(join(tree.dir, 'model.json'), 'utf8')) as { files: string[] };
      assert.deepEqual(document.files, [join('model', 'shop.seams')]);
    } finally {
      tree.dispose();
    }
  });

  it('exports a model with errors (seams check judges them)', () => {
    const tree = tempTree({ 'a.seams': 'service a {\n  calls nowhere\n  tier sideways\n' });
    try {
      const run = runCli(['export', '-f', 'mermaid'], { cwd: tree.dir });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^flowchart LR\n {2}svc_a\["a"\]\n$/);
    } finally {
      tree.dispose();
    }
  });

  const usage: [string, string[], RegExp][] = [
    ['a missing --format', ['export'], /required option '-f, --format <format>' not specified/],
    ['an unknown format', ['export', '-f', 'svg'], /argument 'svg' is invalid/],
    ['a missing path', ['export', 'nowhere', '-f', 'd2'], /cannot read nowhere/],
    ['an output over a .seams file', ['export', '-f', 'd2', '-o', 'new.seams'], /refusing to write the export over new\.seams/],
    ['an output over a file read', ['export', 'model.txt', '-f', 'json', '-o', 'model.txt'], /one of the files read/],
    ['an output in a missing folder', ['export', '-f', 'd2', '-o', 'no/such/dir/x.d2'], /cannot write no\/such\/dir\/x\.d2/],
  ];
  for (const [what, args, message] of usage) {
    it(`exits 2 with one line on stderr for ${what}, touching no file`, () => {
      const tree = tempTree({ 'shop.seams': SHOP, 'model.txt': SHOP });
      try {
        const run = runCli(args, { cwd: tree.dir });
        assert.equal(run.status, 2);
        assert.equal(run.stdout, '');
        assert.match(oneErrorLine(run), message);
        assert.equal(readFileSync(join(tree.dir, 'shop.seams'), 'utf8'), SHOP);
        assert.equal(readFileSync(join(tree.dir, 'model.txt'), 'utf8'), SHOP);
        assert.equal(existsSync(join(tree.dir, 'new.seams')), false);
        assert.deepEqual(readdirSync(tree.dir).sort(), ['model.txt', 'shop.seams']);
      } finally {
        tree.dispose();
      }
    });
  }

  it('never writes over the .seams file given as output, even when it exists', () => {
    const tree = tempTree({ 'shop.seams': SHOP });
    try {
      const run = runCli(['export', '-f', 'json', '-o', 'shop.seams'], { cwd: tree.dir });
      assert.equal(run.status, 2);
      assert.equal(readFileSync(join(tree.dir, 'shop.seams'), 'utf8'), SHOP);
    } finally {
      tree.dispose();
    }
  });
});
