/**
 * Generates realistic-looking Seams architectures of any size, deterministically
 * from a seed: teams, systems of services, stores (some shared), versioned apis
 * and events, about `callsPerService` synchronous calls each (mostly to earlier
 * services, so chains form; some back-edges, so cycles form), subscriptions,
 * and a rules block. Used by the bench and the randomised tests.
 */

export interface GenerateOptions {
  services: number;
  callsPerService?: number;
  /** Services per system; a file per system. */
  systemSize?: number;
  /** Share of calls that point "backwards" and may close cycles (0..1). */
  backEdges?: number;
  seed?: number;
  /**
   * A mostly healthy architecture, as a team that runs Seams would have: timeouts
   * that nest (each caller allows more than its callees), no retries, no calls into
   * background services. Without it, most services break several rules, which is
   * what the robustness tests want and not what a benchmark should measure.
   */
  healthy?: boolean;
}

import { seededRandom } from './seeded-random.js';

/** The seeded generator the architectures are drawn from (re-exported for the tests). */
export const random = seededRandom;

export function generateArchitecture(options: GenerateOptions): { file: string; text: string }[] {
  const { services, callsPerService = 3, systemSize = 50, backEdges = 0.05, seed = 1, healthy = false } = options;
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const teamCount = Math.max(1, Math.ceil(services / 6));
  const files: { file: string; text: string }[] = [];

  const teams: string[] = [];
  for (let t = 0; t < teamCount; t++) teams.push(`team ${teamName(t)} "Team ${t}" {\n  oncall "#team-${t}"\n}\n`);
  files.push({ file: 'teams.seams', text: teams.join('\n') + '\nrules {\n  team-overload max 8\n}\n' });

  const tiers = ['user-facing', 'internal', 'internal', 'background'];
  for (let start = 0, sys = 0; start < services; start += systemSize, sys++) {
    const lines: string[] = [`system sys-${sys} "System ${sys}" {`, '  defaults {', '    timeout 2s', '    circuit-breaker', '  }', ''];
    for (let i = start; i < Math.min(services, start + systemSize); i++) {
      lines.push(`  service ${svc(i)} "Service ${i}" {`);
      lines.push(`    owner ${teamName(i % teamCount)}`);
      lines.push(`    tier ${healthy ? (i >= services * 0.9 ? 'user-facing' : 'internal') : pick(tiers)}`);
      lines.push(`    store ${rnd() < 0.05 && i > 0 ? `db-${i - 1}` : `db-${i}`} postgres`);
      lines.push(`    api ${svc(i)}-api v1 v2 rest`);
      lines.push(`    event ${svc(i)}-changed v1`);
      // Healthy services promise no less than their own slowest call may take.
      if (rnd() < 0.5) lines.push(`    slo latency p99 ${healthy ? 200 + i : 300}ms availability 99.9%`);
      for (let c = 0; c < callsPerService && i > 0; c++) {
        const back = rnd() < backEdges;
        const target = back ? Math.min(services - 1, i + 1 + Math.floor(rnd() * 5)) : Math.floor(rnd() * i);
        if (target === i) continue;
        const policy = healthy
          ? ` { timeout ${100 + i}ms }`
          : rnd() < 0.5
            ? ` { timeout ${100 + Math.floor(rnd() * 400)}ms retry ${Math.floor(rnd() * 3)} backoff exponential }`
            : '';
        lines.push(`    calls ${svc(target)}.${svc(target)}-api v${1 + Math.floor(rnd() * 2)}${policy}`);
      }
      if (i > 0 && rnd() < 0.5) {
        const p = Math.floor(rnd() * i);
        lines.push(`    subscribes ${svc(p)}.${svc(p)}-changed v1`);
      }
      lines.push('  }', '');
    }
    lines.push('}');
    files.push({ file: `sys-${sys}.seams`, text: lines.join('\n') + '\n' });
  }
  return files;
}

function svc(i: number): string {
  return `svc-${i}`;
}

function teamName(t: number): string {
  return `team-${t}`;
}
