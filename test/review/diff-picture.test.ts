/**
 * The diff picture (`seams diff -o FILE.svg`): one well-formed SVG drawn by the
 * renderer of `seams render`, with added, removed and changed elements marked
 * and the rest muted; a model too large to read whole shows the changed
 * neighbourhood.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { JSDOM } from 'jsdom';
import { checkSources } from '../../server/src/core/check.js';
import { diffModels } from '../../server/src/core/diff/diff-models.js';
import { fitScale, layoutDiff } from '../../server/src/cli/diff-picture.js';
import { DEFAULT_GRAPH_OPTIONS } from '../../server/src/core/layout/graph.js';
import { buildServiceGraph } from '../../server/src/core/layout/graph-from-model.js';
import { layoutGraph } from '../../server/src/core/layout/layout.js';
import { buildCli, runCli } from '../cli/cli-harness.js';
import { gitRepo, type GitRepo } from './git-repo.js';

const BASE = `team t {
  oncall "#t"
}
system shop {
  service catalog {
    owner t
    tier internal
    store catalog-db postgres
    api catalog-api v1 v2 rest
  }
  service orders {
    owner t
    tier internal
    calls catalog.catalog-api v2 {
      timeout 300ms
    }
  }
  service legacy {
    owner t
    tier internal
    calls orders
  }
}
`;
const CHANGED = BASE.replace(/ {2}service legacy \{[\s\S]*?\n {2}\}\n/, '')
  .replace('timeout 300ms', 'timeout 1s')
  .concat('service reports {\n  owner t\n  tier internal\n  calls catalog.catalog-api v1\n}\n');

const repos: GitRepo[] = [];
before(buildCli);
after(() => repos.forEach((r) => r.dispose()));

/** Parses as XML (not HTML): any well-formedness error becomes a <parsererror>. */
function parseXml(text: string): Document {
  const { window } = new JSDOM('');
  const doc = new window.DOMParser().parseFromString(text, 'image/svg+xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  assert.equal(error, undefined, `not well-formed XML: ${error?.textContent}`);
  return doc;
}

function classesOf(doc: Document, id: string): string[] {
  const el = [...doc.querySelectorAll('[data-id]')].find((e) => e.getAttribute('data-id') === id);
  assert.ok(el, `no element ${id}`);
  return (el.getAttribute('class') ?? '').split(' ');
}

describe('seams diff -o', () => {
  test('writes one well-formed SVG with the changes marked and the rest muted', () => {
    const r = gitRepo({ 'shop.seams': BASE });
    repos.push(r);
    r.commit('base');
    r.write({ 'shop.seams': CHANGED });
    const run = runCli(['diff', 'HEAD', '-o', 'diff.svg', '--format', 'json'], { cwd: r.dir });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(JSON.parse(run.stdout), 'the report still goes to stdout');
    const svg = readFileSync(join(r.dir, 'diff.svg'), 'utf8');
    const doc = parseXml(svg);
    assert.equal(doc.documentElement.tagName, 'svg');
    assert.ok(classesOf(doc, 'service:reports').includes('change-added'));
    assert.ok(classesOf(doc, 'service:legacy').includes('change-removed'));
    assert.ok(classesOf(doc, 'removed:call:legacy->orders:0').includes('change-removed'));
    assert.ok(classesOf(doc, 'call:orders->catalog:0').includes('change-changed'));
    assert.ok(classesOf(doc, 'call:reports->catalog:0').includes('change-added'));
    assert.ok(classesOf(doc, 'service:orders').includes('muted'));
    assert.ok(classesOf(doc, 'store:catalog-db').includes('muted'));
    // The colours are in the picture's own style sheet.
    assert.match(svg, /\.node\.change-removed \.shape[^}]*stroke-dasharray/);
    assert.match(svg, /legend-changes/);
  });

  test('a file that cannot be written is exit 2 with one line', () => {
    const r = gitRepo({ 'shop.seams': BASE });
    repos.push(r);
    r.commit('base');
    const run = runCli(['diff', 'HEAD', '-o', join('no-such-folder', 'x.svg')], { cwd: r.dir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^seams: cannot write no-such-folder\/x\.svg: no such file or folder\n$/);
  });
});

describe('readable or the neighbourhood', () => {
  test('a model too large to read whole is drawn as the changed elements and their direct neighbours', async () => {
    const chain = (n: number, extra = '') =>
      Array.from(
        { length: n },
        (_, i) => `service s${i} {\n  tier internal\n  api a v1\n${i + 1 < n ? `  calls s${i + 1}.a v1\n` : ''}${i === 30 ? extra : ''}}\n`,
      ).join('');
    const before = checkSources([{ file: 'big.seams', text: chain(60) }]);
    const after = checkSources([{ file: 'big.seams', text: chain(60, '  store s30-db postgres\n') }]);
    const diff = diffModels(before, after);
    assert.deepEqual(
      diff.changes.map((c) => `${c.change} ${c.kind} ${c.id}`),
      ['added store s30-db'],
    );
    const graph = await layoutDiff(before, after, diff);
    const services = graph.nodes
      .filter((n) => n.kind === 'service')
      .map((n) => n.id)
      .sort();
    // The store is new; the service that declares it and that service's neighbours come with it.
    assert.deepEqual(services, ['service:s29', 'service:s30', 'service:s31']);
    assert.deepEqual(
      graph.nodes.filter((n) => n.kind === 'store').map((n) => n.change),
      ['added'],
    );

    // A changed call brings both its ends and their neighbours.
    const moved = checkSources([{ file: 'big.seams', text: chain(60).replace('calls s10.a v1', 'calls s10.a v1 {\n    timeout 1s\n  }') }]);
    const graph2 = await layoutDiff(before, moved, diffModels(before, moved));
    assert.deepEqual(
      graph2.nodes
        .filter((n) => n.kind === 'service')
        .map((n) => n.id)
        .sort(),
      ['service:s10', 'service:s11', 'service:s8', 'service:s9'],
    );
    // The whole would not be readable (that is why the neighbourhood is drawn); the part reads far better.
    const whole = await layoutGraph(buildServiceGraph(moved.model, moved.diagnostics, DEFAULT_GRAPH_OPTIONS));
    assert.ok(fitScale(whole) < 0.6, `whole fit ${fitScale(whole)}`);
    assert.ok(fitScale(graph2) > 2 * fitScale(whole), `part fit ${fitScale(graph2)}, whole ${fitScale(whole)}`);
  });

  test('a small model is drawn whole', async () => {
    const before = checkSources([{ file: 'a.seams', text: BASE }]);
    const after = checkSources([{ file: 'a.seams', text: CHANGED }]);
    const graph = await layoutDiff(before, after, diffModels(before, after));
    assert.deepEqual(
      graph.nodes
        .filter((n) => n.kind === 'service')
        .map((n) => n.id)
        .sort(),
      ['service:catalog', 'service:legacy', 'service:orders', 'service:reports'],
    );
  });
});
