/**
 * The model shapes that expose superlinear work, at any size: each returns one
 * Seams file. The bench reports how checking them grows when the size doubles,
 * and test/bench/growth.test.ts fails when it grows much faster than the input.
 *
 * - chain: svc-0 calls svc-1 calls … svc-(n-1), from a user-facing service;
 * - cycle: the same chain, closed (svc-(n-1) calls svc-0);
 * - fan-out: one user-facing service calls n others;
 * - one system: n services, each calling up to two earlier ones, in a single system.
 */
export const SHAPES = ['chain', 'cycle', 'fan-out', 'one system'] as const;
export type Shape = (typeof SHAPES)[number];

export function generateShape(shape: Shape, n: number): { file: string; text: string } {
  const out: string[] = ['team core {', '  oncall "#core"', '}', ''];
  // Timeouts nest (a caller allows more than its callee's own calls), so the
  // findings are the shape's own: a long chain, a cycle, a wide fan-out.
  const timeout = (c: number) => (shape === 'one system' ? 100 + c : 100 + (n - c));
  const service = (i: number, tier: string, calls: number[]) => {
    out.push(`  service svc-${i} {`, '    owner core', `    tier ${tier}`, `    api svc-${i}-api v1 rest`);
    for (const c of calls) out.push(`    calls svc-${c}.svc-${c}-api v1 { timeout ${timeout(c)}ms }`);
    out.push('  }');
  };
  out.push('system main {', '  defaults {', '    circuit-breaker', '  }');
  for (let i = 0; i < n; i++) {
    const tier = i === 0 ? 'user-facing' : 'internal';
    switch (shape) {
      case 'chain':
        service(i, tier, i + 1 < n ? [i + 1] : []);
        break;
      case 'cycle':
        service(i, tier, [(i + 1) % n]);
        break;
      case 'fan-out':
        service(i, tier, i === 0 ? Array.from({ length: n - 1 }, (_, k) => k + 1) : []);
        break;
      case 'one system':
        service(
          i,
          tier,
          [i - 1, i - 2].filter((c) => c >= 0),
        );
        break;
    }
  }
  out.push('}', '');
  return { file: `${shape.replace(' ', '-')}-${n}.seams`, text: out.join('\n') };
}
