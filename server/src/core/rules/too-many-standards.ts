import type { Location, RelatedInformation } from '../diagnostics.js';
import type { Model } from '../model/model.js';
import type { Finding, Rule } from './rule.js';
import { byPathThenPosition } from './declaration-order.js';
import { andList } from './name-lists.js';

interface Declared {
  value: string;
  file: string;
  start: number;
  end: number;
  /** Who declares it, for the related message: `web runs on`, `web.web-api speaks`. */
  service: string;
  api?: string;
}

/**
 * The first declaration of each distinct value (files in path order, then by
 * position; of two at one place, the one met first), in that order. Keeps one
 * entry per value while reading, so thousands of services that all name one of
 * a few standards are neither sorted nor described.
 */
class Firsts {
  private readonly byValue = new Map<string, Declared>();

  offer(value: string, file: string, start: number, end: number, service: string, api?: string): void {
    const first = this.byValue.get(value);
    // The one already kept stays unless this one comes first (byPathThenPosition, without an object per offer).
    if (first && (first.file === file ? first.start <= start : first.file < file)) return;
    this.byValue.set(value, { value, file, start, end, service, api });
  }

  ordered(): Declared[] {
    return [...this.byValue.values()].sort(byPathThenPosition);
  }
}

function runtimes(model: Model): Declared[] {
  const firsts = new Firsts();
  for (const s of model.services.values()) {
    if (s.runtime) firsts.offer(s.runtime.name, s.runtime.location.file, s.runtime.location.start, s.runtime.location.end, s.name);
  }
  return firsts.ordered();
}

function protocols(model: Model): Declared[] {
  const firsts = new Firsts();
  for (const s of model.services.values()) {
    for (const api of s.apis.values()) {
      const p = api.decl.kind === 'api' ? api.decl.protocol : undefined;
      if (p) firsts.offer(p.text, s.file, p.start, p.end, s.name, api.name);
    }
  }
  return firsts.ordered();
}

function locationOf(d: Declared): Location {
  return { file: d.file, start: d.start, end: d.end };
}

function byOf(d: Declared): string {
  return d.api === undefined ? `${d.service} runs on` : `${d.service}.${d.api} speaks`;
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
    for (const [what, first] of [
      ['runtimes', runtimes(model)],
      ['api protocols', protocols(model)],
    ] as const) {
      if (first.length <= max) continue;
      const beyond = first[max];
      const related: RelatedInformation[] = first
        .filter((d) => d !== beyond)
        .map((d) => ({ location: locationOf(d), message: `${byOf(d)} ${d.value}` }));
      out.push({
        message: `${first.length} ${what} among the services (${andList(first.map((d) => d.value))}); at most ${max} allowed`,
        location: locationOf(beyond),
        related,
      });
    }
    return out;
  },
};
