/**
 * The graph rules on big and random graphs: a 10,000-service cycle and a
 * 5,000-hop chain check without a stack overflow and with the right results,
 * and on small random graphs the components and chain lengths agree with a
 * brute-force reference (reachability by Floyd–Warshall).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkSources } from '../../server/src/core/check.js';
import { buildModel } from '../../server/src/core/model/build-model.js';
import { syncChainDepth } from '../../server/src/core/rules/sync-chain-depth.js';
import { syncCycle } from '../../server/src/core/rules/sync-cycle.js';
import { syncFanOut } from '../../server/src/core/rules/sync-fan-out.js';
import { syncGraph } from '../../server/src/core/rules/sync-graph.js';
import { parseSeams } from '../../server/src/core/syntax/parse.js';
import { random } from '../helpers/generate-architecture.js';

const GRAPH_RULES = [syncCycle, syncChainDepth, syncFanOut];

/** One service per entry: its tier and the services it calls. */
function architecture(services: { name: string; tier?: string; calls: string[] }[]): string {
  return services
    .map((s) => [`service ${s.name} {`, ...(s.tier ? [`  tier ${s.tier}`] : []), ...s.calls.map((c) => `  calls ${c}`), '}', ''].join('\n'))
    .join('\n');
}

const check = (text: string) => checkSources([{ file: 'big.seams', text }], { rules: GRAPH_RULES }).diagnostics;

describe('graph rules on big graphs', () => {
  test('a 10,000-service cycle is one sync-cycle, its first services named, with every other call related', () => {
    const n = 10_000;
    const text = architecture(
      Array.from({ length: n }, (_, i) => ({ name: `s${i}`, tier: i === 0 ? 'user-facing' : undefined, calls: [`s${(i + 1) % n}`] })),
    );
    const ds = check(text);
    assert.deepEqual(
      ds.map((d) => d.code),
      ['sync-cycle'],
    );
    assert.equal(ds[0].message, 's0, s1, s2, s3, s4 and 9995 more call each other synchronously in a cycle');
    assert.equal(ds[0].related?.length, n - 1);
  });

  test('a 5,000-hop chain from a user-facing service is one sync-chain-depth of 5000 hops', () => {
    const n = 5001;
    const text = architecture(
      Array.from({ length: n }, (_, i) => ({
        name: `s${i}`,
        tier: i === 0 ? 'user-facing' : 'internal',
        calls: i + 1 < n ? [`s${i + 1}`] : [],
      })),
    );
    const ds = check(text);
    assert.deepEqual(
      ds.map((d) => d.code),
      ['sync-chain-depth'],
    );
    assert.equal(
      ds[0].message,
      's0 → s1 → s2 → s3 → s4 → s5 → s6 → s7 → s8 → s9 → … (4990 more) … → s5000 is 5000 synchronous hops; at most 3 allowed',
    );
    assert.equal(text.slice(ds[0].location.start, ds[0].location.end), 'calls s1');
  });

  test('with no user-facing service every service of a 5,000-hop chain is an origin', () => {
    const n = 5001;
    const text = architecture(Array.from({ length: n }, (_, i) => ({ name: `s${i}`, calls: i + 1 < n ? [`s${i + 1}`] : [] })));
    const ds = check(text);
    // s0 … s4996 start chains longer than 3 hops; s4997 has exactly 3.
    assert.equal(ds.length, 4997);
    assert.ok(ds.every((d) => d.code === 'sync-chain-depth'));
    assert.ok(ds.some((d) => d.message === 's4996 → s4997 → s4998 → s4999 → s5000 is 4 synchronous hops; at most 3 allowed'));
  });

  test("a chain leaving a 10,000-service cycle counts the cycle as one step and starts on the origin's own call", () => {
    const n = 10_000;
    const ring = Array.from({ length: n }, (_, i) => ({
      name: `s${i}`,
      tier: i === 0 ? 'user-facing' : undefined,
      calls: i === n - 1 ? ['s0', 't0'] : [`s${i + 1}`],
    }));
    const tail = Array.from({ length: 5 }, (_, i) => ({ name: `t${i}`, calls: i < 4 ? [`t${i + 1}`] : [] }));
    const text = architecture([...ring, ...tail]);
    const chain = check(text).filter((d) => d.code === 'sync-chain-depth');
    assert.equal(chain.length, 1);
    assert.equal(chain[0].message, '(cycle of s0, s1, s2 and 9997 more) → t0 → t1 → t2 → t3 → t4 is 5 synchronous hops; at most 3 allowed');
    assert.equal(text.slice(chain[0].location.start, chain[0].location.end), 'calls s1');
  });

  test('a self-call is a cycle of one, and does not count as fan-out', () => {
    const ds = check(
      architecture([{ name: 'a', calls: ['a', 'b', 'c', 'd', 'e'] }, ...['b', 'c', 'd', 'e'].map((name) => ({ name, calls: [] }))]),
    );
    assert.deepEqual(
      ds.map((d) => `${d.code}: ${d.message}`),
      ['sync-cycle: a calls itself synchronously'],
    );
  });
});

describe('sync-graph agrees with a brute-force reference on random graphs', () => {
  test('components and longest chains of 300 random graphs', () => {
    const rnd = random(3);
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(rnd() * 10);
      const edges: boolean[][] = Array.from({ length: n }, () => Array.from({ length: n }, () => rnd() < 0.2));
      const text = architecture(
        Array.from({ length: n }, (_, i) => ({
          name: `n${i}`,
          calls: [...edges[i].keys()].filter((j) => edges[i][j]).map((j) => `n${j}`),
        })),
      );
      const g = syncGraph(buildModel([parseSeams(text, 'r.seams').ast]));

      // Reachability (paths of one or more calls) by Floyd–Warshall.
      const reach = edges.map((row) => [...row]);
      for (let k = 0; k < n; k++)
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (reach[i][k] && reach[k][j]) reach[i][j] = true;
      const same = (i: number, j: number) => i === j || (reach[i][j] && reach[j][i]);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) assert.equal(g.component[i] === g.component[j], same(i, j), `round ${round}: ${i} ~ ${j}\n${text}`);
        assert.equal(g.cyclic[g.component[i]], reach[i][i], `round ${round}: cyclic ${i}`);
      }
      // Longest chain over components: memoised search on the (acyclic) quotient.
      const memo = new Map<number, number>();
      const longest = (i: number): number => {
        if (memo.has(i)) return memo.get(i)!;
        let best = 0;
        for (let j = 0; j < n; j++) if (!same(i, j) && reach[i][j] && edgesFromClass(i, j)) best = Math.max(best, 1 + longest(j));
        memo.set(i, best);
        return best;
      };
      // An edge leaves i's component straight into j's component.
      const edgesFromClass = (i: number, j: number) => {
        for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (same(a, i) && same(b, j) && edges[a][b]) return true;
        return false;
      };
      for (let i = 0; i < n; i++) assert.equal(g.longest[g.component[i]], longest(i), `round ${round}: longest from ${i}\n${text}`);
    }
  });
});
