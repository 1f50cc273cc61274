/**
 * A deterministic synthetic architecture of any size, for layout tests and the
 * layout benchmark: systems of about eight services, one team per two systems,
 * stores (some shared), calls mostly inside a system and to earlier services,
 * a few subscriptions. Same `(services, seed)` → same text.
 */

import { seededRandom as mulberry32 } from '../helpers/seeded-random.js';

export interface GeneratedService {
  name: string;
  system: string;
  lines: string[];
}

export interface GenerateOptions {
  seed?: number;
  /** Services per system (default 8). */
  perSystem?: number;
}

/** The services with their member lines; `toSeams` turns them into a file. */
export function generateServices(count: number, options: GenerateOptions = {}): GeneratedService[] {
  const rand = mulberry32(options.seed ?? 7);
  const perSystem = options.perSystem ?? 8;
  const services: GeneratedService[] = [];
  for (let i = 0; i < count; i++) {
    const sys = Math.floor(i / perSystem);
    const name = `svc-${i}`;
    const lines = [`owner team-${Math.floor(sys / 2)}`, `tier ${i % perSystem === 0 ? 'user-facing' : 'internal'}`];
    lines.push(`api ${name}-api v1 rest`);
    if (rand() < 0.4) lines.push(`event ${name}-changed v1`);
    if (rand() < 0.35) lines.push(`store ${name}-db postgres`);
    if (i > 0 && rand() < 0.05) lines.push(`store svc-${i - 1}-db postgres`);
    const calls = i === 0 ? 0 : 1 + Math.floor(rand() * 2);
    const targets = new Set<number>();
    for (let c = 0; c < calls; c++) {
      const inSystem = rand() < 0.7;
      const lo = inSystem ? sys * perSystem : 0;
      if (lo >= i) continue;
      targets.add(lo + Math.floor(rand() * (i - lo)));
    }
    for (const t of [...targets].sort((a, b) => a - b)) lines.push(`calls svc-${t}.svc-${t}-api v1 { timeout 1s }`);
    services.push({ name, system: `sys-${sys}`, lines });
  }
  // Subscriptions to events that exist, from later services.
  services.forEach((s, i) => {
    if (i < 3 || rand() > 0.25) return;
    const p = Math.floor(rand() * i);
    const publisher = services[p]!;
    if (publisher.lines.some((l) => l.startsWith(`event ${publisher.name}-changed`))) {
      s.lines.push(`subscribes ${publisher.name}.${publisher.name}-changed v1`);
    }
  });
  return services;
}

/** Renders services as one `.seams` text, systems in order, teams first. */
export function toSeams(services: readonly GeneratedService[]): string {
  const out: string[] = [];
  const teams = new Set(services.map((s) => s.lines[0]!.slice('owner '.length)));
  for (const t of teams) out.push(`team ${t} { oncall "#${t}" }`);
  let current: string | undefined;
  for (const s of services) {
    if (s.system !== current) {
      if (current !== undefined) out.push('}');
      out.push(`system ${s.system} {`);
      current = s.system;
    }
    out.push(`  service ${s.name} {`, ...s.lines.map((l) => `    ${l}`), '  }');
  }
  if (current !== undefined) out.push('}');
  return out.join('\n') + '\n';
}

export function generateArchitecture(count: number, options: GenerateOptions = {}): string {
  return toSeams(generateServices(count, options));
}
