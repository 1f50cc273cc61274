import type { Location, RelatedInformation } from '../diagnostics.js';
import type { Model } from '../model/model.js';
import type { Finding, Rule } from './rule.js';
import { byPathThenPosition } from './declaration-order.js';
import { andList } from './name-lists.js';

interface Declared {
  value: string;
  location: Location;
  /** Who declares it, for the related message. */
  by: string;
}

/** Every declaration of a value, ordered by files in path order, then by position. */
function ordered(values: Declared[]): Declared[] {
  return values.sort((a, b) => byPathThenPosition(a.location, b.location));
}

/** The first declaration of each distinct value, in the order values first appear. */
function firsts(values: readonly Declared[]): Declared[] {
  const seen = new Set<string>();
  const out: Declared[] = [];
  for (const v of values) {
    if (seen.has(v.value)) continue;
    seen.add(v.value);
    out.push(v);
  }
  return out;
}

function runtimes(model: Model): Declared[] {
  const out: Declared[] = [];
  for (const s of model.services.values())
    if (s.runtime) out.push({ value: s.runtime.name, location: s.runtime.location, by: `${s.name} runs on` });
  return out;
}

function protocols(model: Model): Declared[] {
  const out: Declared[] = [];
  for (const s of model.services.values()) {
    for (const api of s.apis.values()) {
      const p = api.decl.kind === 'api' ? api.decl.protocol : undefined;
      if (p) out.push({ value: p.text, location: { file: s.file, start: p.start, end: p.end }, by: `${s.name}.${api.name} speaks` });
    }
  }
  return out;
}

export const tooManyStandards: Rule = {
  code: 'too-many-standards',
  defaultSeverity: 'info',
  defaultMax: 3,
  summary: 'more than `max` distinct runtimes, or more than `max` distinct api protocols, among the services',
  rationale:
    'Every language, framework and protocol in a system needs its own build tooling, libraries, security ' +
    'patches, monitoring and people who know it well. Freedom to pick the best tool per service is valuable, ' +
    'but past a few standards the cost is paid everywhere: engineers cannot move between teams, shared ' +
    'concerns are solved once per stack, and the rare stack falls behind. Agree on a small set and justify ' +
    'each exception.',
  check(model, { max }) {
    const out: Finding[] = [];
    for (const [what, all] of [
      ['runtimes', runtimes(model)],
      ['api protocols', protocols(model)],
    ] as const) {
      const first = firsts(ordered(all));
      if (first.length <= max) continue;
      const beyond = first[max];
      const related: RelatedInformation[] = first
        .filter((d) => d !== beyond)
        .map((d) => ({ location: d.location, message: `${d.by} ${d.value}` }));
      out.push({
        message: `${first.length} ${what} among the services (${andList(first.map((d) => d.value))}); at most ${max} allowed`,
        location: beyond.location,
        related,
      });
    }
    return out;
  },
};
