/**
 * The first picture of a large model is the landscape, so it must be linear
 * work: building the landscape of 10,000 services for a side pane and laying it
 * out costs at most 2.3× doing so for 5,000 (CPU time, the least of several
 * alternated runs, measured again before failing: see growth.test.ts). The
 * absolute figures are in `npm run bench` (preview-bench.ts, the `auto` rows).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { checkSources, type CheckResult } from '../../server/src/core/check.js';
import { buildViewGraph } from '../../server/src/core/views/view-graph.js';
import { layoutForPane } from '../../server/src/core/views/render-view.js';
import { DEFAULT_PANE } from '../../server/src/core/views/view-spec.js';
import { generateArchitecture } from '../layout/generated-architecture.js';

const LIMIT = 2.3;
const SIZE = 5_000;

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function landscape(check: CheckResult): Promise<number> {
  const graph = buildViewGraph(check.model, check.diagnostics, { kind: 'landscape' }, { pane: DEFAULT_PANE });
  return (await layoutForPane(graph, DEFAULT_PANE)).nodes.length;
}

async function growth(small: CheckResult, large: CheckResult, runs = 3): Promise<number> {
  await landscape(small); // warm-up: compile the code paths before timing them
  await landscape(large);
  let a = Infinity;
  let b = Infinity;
  for (let i = 0; i < runs; i++) {
    collect();
    let t = cpuMs();
    await landscape(small);
    a = Math.min(a, cpuMs() - t);
    collect();
    t = cpuMs();
    await landscape(large);
    b = Math.min(b, cpuMs() - t);
  }
  return b / a;
}

test(`the landscape of ${(2 * SIZE).toLocaleString('en')} services, built and laid out for a side pane, costs at most ${LIMIT}× that of ${SIZE.toLocaleString('en')}`, async () => {
  const small = checkSources([{ file: 'g.seams', text: generateArchitecture(SIZE) }]);
  const large = checkSources([{ file: 'g.seams', text: generateArchitecture(2 * SIZE) }]);
  const ratios: number[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    ratios.push(await growth(small, large));
    if (ratios[ratios.length - 1]! <= LIMIT) return;
  }
  assert.fail(`doubling the model multiplied the landscape's time by ${ratios.map((r) => r.toFixed(2)).join(', ')} (limit ${LIMIT})`);
});
