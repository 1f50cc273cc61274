/**
 * The elements of a model as the diff sees them: each with its kind, its
 * identity (the `id` of the command-line contract), where it is declared, and
 * its facts — the values a reviewer cares about, as short display strings.
 * Two elements with the same identity differ exactly when a fact differs, so
 * moving or reformatting text never shows up: positions are not facts.
 *
 * Identities (language contract, "Commands"): teams, systems, services, stores
 * and libraries by name; an api or event by `service.name`; a call by
 * `caller->service.api` (`caller->service` when it names no api); a
 * subscription by `subscriber<-service.event`; a rule setting by its code.
 * Several calls with the same identity are told apart by their order in the
 * caller (`ordinal`), so the first matches the first.
 */
import type { Location } from '../diagnostics.js';
import type { Call, Model, PolicyValues, Service, Subscription } from '../model/model.js';
import type { VersionLit } from '../syntax/ast.js';
import { compareVersionTexts, plainNumber } from '../syntax/literals.js';

export const ELEMENT_KINDS = ['team', 'system', 'service', 'library', 'store', 'api', 'event', 'call', 'subscription', 'rule'] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

/** One fact of an element: a label and its value as text ('' when not set). */
export type Fact = readonly [label: string, value: string];

export interface Element {
  kind: ElementKind;
  /** The identity as the contract spells it. */
  id: string;
  /** 0 for the first element with this id, 1 for the second (only calls repeat). */
  ordinal: number;
  /** Where the element is named (the store's first declaration, the call's target). */
  location: Location;
  facts: Fact[];
  /** For services: the service name; for calls, subscriptions, apis, events: the services involved. */
  services: string[];
}

/** A stretch of text that belongs to one element; findings are tied to elements through these. */
export interface Anchor {
  file: string;
  start: number;
  end: number;
  /** Unique within the model: kind, id and ordinal (and the declaring service for a store). */
  key: string;
}

export interface ModelElements {
  /** Keyed by `kind id#ordinal`. */
  elements: Map<string, Element>;
  anchors: Anchor[];
}

/** The key two elements share when they are the same element in two models. */
export function elementKey(kind: ElementKind, id: string, ordinal = 0): string {
  return `${kind} ${id}#${ordinal}`;
}

export function callId(call: Call): string {
  const target = `${call.from.name}->${call.target.name}`;
  return call.api ? `${target}.${call.api.name}` : target;
}

export function subscriptionId(sub: Subscription): string {
  const target = `${sub.subscriber.name}<-${sub.publisher.name}`;
  return sub.event ? `${target}.${sub.event.name}` : target;
}

/** Collects every element of a model with its facts and the text it spans. */
export function collectElements(model: Model): ModelElements {
  const elements = new Map<string, Element>();
  const anchors: Anchor[] = [];
  const add = (element: Element, span?: { file: string; start: number; end: number }): string => {
    const key = elementKey(element.kind, element.id, element.ordinal);
    elements.set(key, element);
    if (span) anchors.push({ ...span, key });
    return key;
  };
  const spanOf = (file: string, node: { start: number; end: number }) => ({ file, start: node.start, end: node.end });

  for (const team of model.teams.values()) {
    add(
      {
        kind: 'team',
        id: team.name,
        ordinal: 0,
        location: team.location,
        facts: [
          ['title', quoted(team.title)],
          ['oncall', team.oncall.map((o) => quoted(o)).join(' ')],
        ],
        services: [],
      },
      spanOf(team.location.file, team.decl),
    );
  }

  for (const system of model.systems.values()) {
    add(
      {
        kind: 'system',
        id: system.name,
        ordinal: 0,
        location: system.location,
        facts: [['title', quoted(system.title)], ...policyFacts(system.defaults, 'defaults ')],
        services: [],
      },
      spanOf(system.location.file, system.decl),
    );
  }

  for (const library of model.libraries.values()) {
    add(
      {
        kind: 'library',
        id: library.name,
        ordinal: 0,
        location: library.location,
        facts: [
          ['title', quoted(library.title)],
          ['owner', library.owner?.name ?? ''],
        ],
        services: [],
      },
      spanOf(library.location.file, library.decl),
    );
  }

  for (const service of model.services.values()) {
    add(
      {
        kind: 'service',
        id: service.name,
        ordinal: 0,
        location: service.location,
        facts: serviceFacts(service),
        services: [service.name],
      },
      spanOf(service.file, service.decl),
    );
    for (const contract of [...service.apis.values(), ...service.events.values()]) {
      add(
        {
          kind: contract.kind,
          id: `${service.name}.${contract.name}`,
          ordinal: 0,
          location: contract.location,
          facts:
            contract.kind === 'api'
              ? [
                  ['versions', versionList(contract.versions)],
                  ['protocol', contract.protocol ?? ''],
                ]
              : [['versions', versionList(contract.versions)]],
          services: [service.name],
        },
        spanOf(service.file, contract.decl),
      );
    }
    const seen = new Map<string, number>();
    for (const call of service.calls) {
      const id = callId(call);
      const ordinal = seen.get(id) ?? 0;
      seen.set(id, ordinal + 1);
      add(
        {
          kind: 'call',
          id,
          ordinal,
          location: call.location,
          facts: [['version', call.version?.text ?? ''], ...policyFacts(call.policy, '')],
          services: [service.name, call.target.name],
        },
        spanOf(call.file, call.decl),
      );
    }
    const seenSubs = new Map<string, number>();
    for (const sub of service.subscriptions) {
      const id = subscriptionId(sub);
      const ordinal = seenSubs.get(id) ?? 0;
      seenSubs.set(id, ordinal + 1);
      add(
        {
          kind: 'subscription',
          id,
          ordinal,
          location: sub.location,
          facts: [['version', sub.version?.text ?? '']],
          services: [service.name, sub.publisher.name],
        },
        spanOf(sub.file, sub.decl),
      );
    }
  }

  for (const [name, uses] of model.stores) {
    const first = uses[0];
    if (!first) continue;
    const kinds = unique(uses.map((u) => u.kind).filter((k): k is string => k !== undefined));
    const key = add({
      kind: 'store',
      id: name,
      ordinal: 0,
      location: first.location,
      facts: [
        ['kind', kinds.join(', ')],
        [
          'declared by',
          unique(uses.map((u) => (u.readonly ? `${u.service.name} (readonly)` : u.service.name)))
            .sort()
            .join(', '),
        ],
      ],
      services: unique(uses.map((u) => u.service.name)),
    });
    // Each declaration is its own anchor, so a finding about one service's
    // declaration of a shared store is told from the same finding on another's.
    for (const use of uses)
      anchors.push({ file: use.service.file, start: use.decl.start, end: use.decl.end, key: `${key}@${use.service.name}` });
  }

  for (const setting of model.ruleSettings.values()) {
    add(
      {
        kind: 'rule',
        id: setting.code,
        ordinal: 0,
        location: { file: setting.file, start: setting.decl.rule.start, end: setting.decl.rule.end },
        facts: [
          ['severity', setting.severity ?? ''],
          ['max', setting.max === undefined ? '' : String(setting.max)],
        ],
        services: [],
      },
      spanOf(setting.file, setting.decl),
    );
  }

  return { elements, anchors };
}

function serviceFacts(service: Service): Fact[] {
  const slo = service.slo;
  return [
    ['title', quoted(service.title)],
    ['system', service.system?.name ?? ''],
    ['owner', service.owner?.name ?? ''],
    ['tier', service.tier ?? (service.invalid?.tier ? '(invalid)' : '')],
    ['cadence', service.cadence ?? (service.invalid?.cadence ? '(invalid)' : '')],
    ['scaling', service.scaling ?? ''],
    ['runtime', service.runtime?.name ?? ''],
    ['compliance', [...service.compliance].sort().join(' ')],
    ['slo latency', slo.latency ? `${slo.latency.percentile} ${duration(slo.latency.ms)}` : ''],
    ['slo availability', slo.availability ? `${slo.availability.percent}%` : ''],
    [
      'uses',
      unique(service.uses.map((u) => u.name))
        .sort()
        .join(' '),
    ],
    ...policyFacts(service.defaults, 'defaults '),
  ];
}

function policyFacts(policy: PolicyValues, prefix: string): Fact[] {
  return [
    [`${prefix}timeout`, policy.timeoutMs === undefined ? (policy.invalid?.timeout ? '(invalid)' : '') : duration(policy.timeoutMs)],
    [`${prefix}retry`, policy.retry === undefined ? (policy.invalid?.retry ? '(invalid)' : '') : String(policy.retry)],
    [`${prefix}backoff`, policy.backoff ?? (policy.invalid?.backoff ? '(invalid)' : '')],
    [`${prefix}circuit-breaker`, policy.circuitBreaker ? 'on' : ''],
  ];
}

/** `2s` and `2000ms` are the same duration; it is shown the shortest way. */
export function duration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${plainNumber(ms / 60_000)}m`;
  if (ms >= 1000 && ms % 100 === 0) return `${plainNumber(ms / 1000)}s`;
  return `${plainNumber(ms)}ms`;
}

/** Versions offered are a set: their order and spelling (`v1.0` vs `v1.0`) is no change. */
function versionList(versions: readonly VersionLit[]): string {
  const sorted = [...versions].sort((a, b) => compareVersionTexts(a.text, b.text));
  return unique(sorted.map((v) => v.text)).join(' ');
}

function quoted(text: string | undefined): string {
  return text === undefined ? '' : JSON.stringify(text);
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
