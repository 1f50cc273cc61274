/**
 * Generates valid `.seams` text with a seeded random layout: the same
 * declarations written with odd spacing, line breaks, blank lines and comments
 * between tokens. The seed makes every failure reproducible.
 */

import { seededRandom } from '../helpers/seeded-random.js';

export { seededRandom };

export interface GenerateOptions {
  /** Also sprinkle `// seams-ignore` directives. */
  ignores?: boolean;
}

export function generateSeams(seed: number, options: GenerateOptions = {}): string {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const chance = (p: number) => rnd() < p;
  const services = ['orders', 'billing', 'catalog', 'search', 'cart', 'ledger'];
  const teams = ['core-team', 'pay-team', 'shop-team'];
  const apis = ['api', 'read-api'];
  const libraries = ['auth-lib', 'log-lib'];
  const version = () => pick(['v1', 'v2', 'v1.2', 'v1.10.3']);

  const policy = (): string[] => {
    const out = ['{'];
    const n = Math.floor(rnd() * 4);
    for (let i = 0; i < n; i++) {
      const kind = pick(['timeout', 'retry', 'circuit-breaker']);
      if (kind === 'timeout') out.push('^timeout', pick(['300ms', '2s', '1.5m']));
      else if (kind === 'retry') {
        out.push('^retry', pick(['0', '2', '3']));
        if (chance(0.5)) out.push('backoff', pick(['exponential', 'fixed', 'none']));
      } else out.push('^circuit-breaker');
    }
    out.push('}');
    return out;
  };

  const member = (self: string): string[] => {
    switch (
      pick([
        'owner',
        'tier',
        'cadence',
        'scaling',
        'compliance',
        'store',
        'api',
        'event',
        'slo',
        'calls',
        'calls',
        'subscribes',
        'runtime',
        'uses',
        'defaults',
      ])
    ) {
      case 'owner':
        return ['^owner', pick(teams)];
      case 'tier':
        return ['^tier', pick(['user-facing', 'gateway', 'internal', 'background'])];
      case 'runtime':
        return ['^runtime', pick(['java', 'go'])];
      case 'uses':
        return ['^uses', pick(libraries)];
      case 'defaults':
        return ['^defaults', ...policy()];
      case 'cadence':
        return ['^cadence', pick(['daily', 'weekly'])];
      case 'scaling':
        return ['^scaling', pick(['read-heavy', 'cpu-bound'])];
      case 'compliance':
        return ['^compliance', pick(['pci', 'gdpr']), ...(chance(0.5) ? ['hipaa'] : [])];
      case 'store':
        return ['^store', `${self}-db`, ...(chance(0.5) ? ['postgres'] : []), ...(chance(0.3) ? ['readonly'] : [])];
      case 'api':
        return [
          '^api',
          pick(apis),
          ...(chance(0.7) ? [version()] : []),
          ...(chance(0.3) ? [version()] : []),
          ...(chance(0.5) ? ['grpc'] : []),
        ];
      case 'event':
        return ['^event', 'changed', ...(chance(0.7) ? [version()] : [])];
      case 'slo':
        return ['^slo', 'latency', pick(['p50', 'p99']), pick(['200ms', '1s']), ...(chance(0.5) ? ['availability', '99.9%'] : [])];
      case 'calls': {
        const out = ['^calls', pick(services)];
        if (chance(0.7)) out.push('.', pick(apis));
        if (chance(0.6)) out.push(version());
        if (chance(0.7)) out.push(...policy());
        return out;
      }
      default: {
        const out = ['^subscribes', pick(services), '.', 'changed'];
        if (chance(0.5)) out.push(version());
        return out;
      }
    }
  };

  const service = (): string[] => {
    const name = pick(services);
    const out = ['^service', name, ...(chance(0.4) ? [`"The ${name}"`] : []), '{'];
    const n = Math.floor(rnd() * 6);
    for (let i = 0; i < n; i++) out.push(...member(name));
    out.push('}');
    return out;
  };

  const declaration = (): string[] => {
    switch (pick(['team', 'system', 'service', 'service', 'library', 'rules'])) {
      case 'library': {
        const out = ['^library', pick(libraries), ...(chance(0.5) ? ['"A library"'] : [])];
        if (chance(0.6)) {
          out.push('{');
          if (chance(0.7)) out.push('^owner', pick(teams));
          out.push('}');
        }
        return out;
      }
      case 'team': {
        const out = ['^team', pick(teams), ...(chance(0.5) ? ['"A team"'] : [])];
        if (chance(0.6)) {
          out.push('{');
          if (chance(0.7)) out.push('^oncall', '"#oncall"');
          out.push('}');
        }
        return out;
      }
      case 'system': {
        const out = ['^system', 'shop', '{'];
        if (chance(0.5)) out.push('^defaults', ...policy());
        const n = Math.floor(rnd() * 3);
        for (let i = 0; i < n; i++) out.push(...service());
        out.push('}');
        return out;
      }
      case 'rules':
        return ['^rules', '{', ...(chance(0.7) ? ['^sync-fan-out', 'max', '5'] : []), ...(chance(0.5) ? ['^missing-slo', 'off'] : []), '}'];
      default:
        return service();
    }
  };

  const tokens: string[] = [];
  const count = 1 + Math.floor(rnd() * 5);
  for (let i = 0; i < count; i++) tokens.push(...declaration());

  let text = chance(0.3) ? '// header\n' : '';
  let comment = 0;
  tokens.forEach((marked, i) => {
    // `^` marks a token that starts a declaration, member or policy entry.
    const startsLine = marked.startsWith('^');
    const tok = startsLine ? marked.slice(1) : marked;
    if (i > 0) {
      const dotted = tok === '.' || tokens[i - 1] === '.';
      // With directives, each member has a line of its own, as people write
      // them, so a directive's target line holds one whole member before and after.
      const within = options.ignores && !startsLine;
      // Line breaks are always followed by indentation: the parser's recovery
      // reads a `}` or `team`/`system`/`rules` in column 0 as top-level.
      if (dotted) text += within ? '' : pick(['', '', ' ', '\n ']);
      else if (within) text += ' ';
      else if (options.ignores) text += pick(['\n ', '\n    ', '\n\n  ']);
      else text += pick([' ', ' ', '  ', '\t', '\n ', '\n    ', '\n\n ', '\n\n\n  ']);
      if (!within && chance(0.08)) text += `/* c${comment++} */` + pick([' ', '\n ']);
      if (options.ignores && startsLine && chance(0.15)) {
        text += `\n // seams-ignore ${pick(['missing-timeout', 'missing-owner', 'retry-without-backoff'])}\n `;
      }
    }
    text += tok;
    if (!options.ignores && chance(0.06)) text += ` // c${comment++}\n `;
  });
  return text + pick(['', '\n', '\n\n']);
}
