/**
 * `all` of a large model grows linearly: laying out twice the services (twice
 * the systems, of 30 each) costs at most about twice the time. Each system is
 * laid out on its own and the lines between systems are bundled
 * (group-column-layout.ts); one ELK run over the whole model, as before, grew
 * far faster. CPU time, the least of several alternated runs, and only the
 * RATIO is asserted (see growth.test.ts); `npm run bench` reports the times.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSources } from '../../server/src/core/check.js';
import { layoutView } from '../../server/src/core/views/render-view.js';
import { generateArchitecture } from '../helpers/generate-architecture.js';

const LIMIT = 2.3;
const SMALL = 500;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function growth(runs = 2): Promise<number> {
  const small = checkSources(generateArchitecture({ services: SMALL, systemSize: 30 }));
  const large = checkSources(generateArchitecture({ services: 2 * SMALL, systemSize: 30 }));
  const lay = (c: typeof small) => layoutView(c.model, c.diagnostics, { kind: 'all' });
  await lay(small); // warm-up: compile ELK and the code paths before timing them
  await lay(large);
  let a = Infinity;
  let b = Infinity;
  for (let i = 0; i < runs; i++) {
    let t = cpuMs();
    await lay(small);
    a = Math.min(a, cpuMs() - t);
    t = cpuMs();
    await lay(large);
    b = Math.min(b, cpuMs() - t);
  }
  return b / a;
}

test(`all: laying out ${(2 * SMALL).toLocaleString('en')} services costs at most ${LIMIT}× laying out ${SMALL}`, async () => {
  const ratios: number[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    ratios.push(await growth());
    if (ratios[ratios.length - 1]! <= LIMIT) return;
  }
  assert.fail(`doubling the services multiplied the time of all by ${ratios.map((r) => r.toFixed(2)).join(', ')} (limit ${LIMIT})`);
});
