/**
 * `seams export --format json`: the model itself as one JSON document,
 * described by `docs/seams-model.schema.json` (keep the two in step; the
 * export tests validate every fixture's output against the schema).
 *
 * Everything carries `file` (the file key as given to the checker, a path
 * relative to the current folder for the CLI) and a 1-based `line` and
 * `column` (UTF-16 units, as `seams check --format json`). Lists are in the
 * model's order: files as given, then text order. References keep the name
 * as written; `resolved` says whether it names something that exists, so a
 * model with mistakes still exports (`seams check` reports them).
 */
import type { Location } from '../diagnostics.js';
import type { Call, Contract, Model, PolicyValues, Service, Subscription } from '../model/model.js';
import { LineIndex } from '../text/line-index.js';

/** Bumped when the document's shape changes incompatibly. */
export const MODEL_JSON_VERSION = 1;

export interface JsonPlace {
  file: string;
  line: number;
  column: number;
}

export interface JsonPolicy {
  timeoutMs?: number;
  retry?: number;
  backoff?: string;
  circuitBreaker?: boolean;
  /** Settings written with a value that is not valid (they count as present). */
  invalid?: string[];
}

export interface JsonModel {
  seamsModel: number;
  files: string[];
  teams: (JsonPlace & { name: string; title?: string; oncall: string[]; services: string[] })[];
  systems: (JsonPlace & { name: string; title?: string; defaults: JsonPolicy; services: string[] })[];
  services: JsonService[];
  stores: { name: string; kind?: string; uses: (JsonPlace & { service: string; kind?: string; readonly: boolean })[] }[];
  libraries: (JsonPlace & { name: string; title?: string; owner?: string; users: string[] })[];
  contracts: (JsonPlace & {
    kind: 'api' | 'event';
    service: string;
    name: string;
    versions: string[];
    protocol?: string;
  })[];
  calls: (JsonPlace & {
    from: string;
    to: string;
    api?: string;
    version?: string;
    resolved: boolean;
    policy: JsonPolicy;
    policySources: Record<string, string>;
  })[];
  subscriptions: (JsonPlace & {
    subscriber: string;
    publisher: string;
    event?: string;
    version?: string;
    resolved: boolean;
  })[];
  rules: (JsonPlace & { code: string; severity?: string; max?: number })[];
}

export interface JsonService extends JsonPlace {
  name: string;
  title?: string;
  system?: string;
  owner?: string;
  tier?: string;
  cadence?: string;
  scaling?: string;
  runtime?: string;
  /** `tier`/`cadence` written with a value that is not one of the keyword's. */
  invalid?: string[];
  compliance: string[];
  uses: string[];
  stores: (JsonPlace & { name: string; kind?: string; readonly: boolean })[];
  apis: string[];
  events: string[];
  slo: { latency?: { percentile: string; ms: number }; availability?: number };
  defaults?: JsonPolicy;
  calls: number;
  subscriptions: number;
}

export function exportJsonModel(model: Model): JsonModel {
  const indexes = new Map<string, LineIndex>();
  const place = (location: Location): JsonPlace => {
    let index = indexes.get(location.file);
    if (index === undefined) {
      index = new LineIndex(model.files.get(location.file)?.text ?? '');
      indexes.set(location.file, index);
    }
    const { line, character } = index.positionAt(location.start);
    return { file: location.file, line: line + 1, column: character + 1 };
  };
  const live = (service: Service): boolean => model.services.get(service.name) === service;

  const services: JsonService[] = [];
  const contracts: JsonModel['contracts'] = [];
  for (const service of model.services.values()) {
    const json: JsonService = {
      name: service.name,
      ...optional('title', service.title),
      ...optional('system', service.system && model.systems.has(service.system.name) ? service.system.name : undefined),
      ...optional('owner', service.owner?.name),
      ...optional('tier', service.tier),
      ...optional('cadence', service.cadence),
      ...optional('scaling', service.scaling),
      ...optional('runtime', service.runtime?.name),
      ...(service.invalid ? { invalid: Object.keys(service.invalid) } : {}),
      compliance: [...service.compliance],
      uses: service.uses.map((u) => u.name),
      stores: service.stores.map((s) => ({
        name: s.name,
        ...optional('kind', s.kind),
        readonly: s.readonly,
        ...place(s.location),
      })),
      apis: [...service.apis.keys()],
      events: [...service.events.keys()],
      slo: {
        ...(service.slo.latency ? { latency: { percentile: service.slo.latency.percentile, ms: service.slo.latency.ms } } : {}),
        ...optional('availability', service.slo.availability?.percent),
      },
      ...(hasPolicy(service.defaults) ? { defaults: policy(service.defaults) } : {}),
      calls: service.calls.length,
      subscriptions: service.subscriptions.length,
      ...place(service.location),
    };
    services.push(json);
    for (const contract of [...service.apis.values(), ...service.events.values()]) contracts.push(jsonContract(contract));
  }

  const libraries: JsonModel['libraries'] = [];
  for (const library of model.libraries.values()) {
    libraries.push({
      name: library.name,
      ...optional('title', library.title),
      ...optional('owner', library.owner?.name),
      users: library.users.filter(live).map((s) => s.name),
      ...place(library.location),
    });
  }

  return {
    seamsModel: MODEL_JSON_VERSION,
    files: [...model.files.keys()],
    teams: [...model.teams.values()].map((team) => ({
      name: team.name,
      ...optional('title', team.title),
      oncall: [...team.oncall],
      services: team.services.filter(live).map((s) => s.name),
      ...place(team.location),
    })),
    systems: [...model.systems.values()].map((system) => ({
      name: system.name,
      ...optional('title', system.title),
      defaults: policy(system.defaults),
      services: system.services.filter(live).map((s) => s.name),
      ...place(system.location),
    })),
    services,
    stores: [...model.stores].map(([name, uses]) => ({
      name,
      ...optional('kind', uses.find((u) => u.kind !== undefined)?.kind),
      uses: uses.map((u) => ({
        service: u.service.name,
        ...optional('kind', u.kind),
        readonly: u.readonly,
        ...place(u.location),
      })),
    })),
    libraries,
    contracts,
    calls: model.calls.map((call) => jsonCall(call, place)),
    subscriptions: model.subscriptions.map((s) => jsonSubscription(s, place)),
    rules: [...model.ruleSettings.values()].map((setting) => ({
      code: setting.code,
      ...optional('severity', setting.severity),
      ...optional('max', setting.max),
      ...place({ file: setting.file, start: setting.decl.start, end: setting.decl.end }),
    })),
  };

  function jsonContract(contract: Contract): JsonModel['contracts'][number] {
    return {
      kind: contract.kind,
      service: contract.service.name,
      name: contract.name,
      versions: contract.versions.map((v) => v.text),
      ...optional('protocol', contract.protocol),
      ...place(contract.location),
    };
  }
}

/** The model as JSON text (two-space indented, one trailing newline). */
export function exportJson(model: Model): string {
  return `${JSON.stringify(exportJsonModel(model), null, 2)}\n`;
}

function jsonCall(call: Call, place: (l: Location) => JsonPlace): JsonModel['calls'][number] {
  const sources: Record<string, string> = {};
  for (const [key, source] of Object.entries(call.policySources)) if (source !== undefined) sources[key] = source;
  return {
    from: call.from.name,
    to: call.target.name,
    ...optional('api', call.api?.name),
    ...optional('version', call.version?.text),
    resolved: call.target.target !== undefined && (call.api === undefined || call.api.target !== undefined),
    policy: policy(call.policy),
    policySources: sources,
    ...place(call.location),
  };
}

function jsonSubscription(s: Subscription, place: (l: Location) => JsonPlace): JsonModel['subscriptions'][number] {
  return {
    subscriber: s.subscriber.name,
    publisher: s.publisher.name,
    ...optional('event', s.event?.name),
    ...optional('version', s.version?.text),
    resolved: s.publisher.target !== undefined && (s.event === undefined || s.event.target !== undefined),
    ...place(s.location),
  };
}

function hasPolicy(values: PolicyValues): boolean {
  return Object.values(policy(values)).some((v) => v !== undefined);
}

function policy(values: PolicyValues): JsonPolicy {
  const invalid: Partial<Record<string, true>> = values.invalid ?? {};
  const invalidKeys = Object.keys(invalid).filter((k) => invalid[k]);
  return {
    ...optional('timeoutMs', values.timeoutMs),
    ...optional('retry', values.retry),
    ...optional('backoff', values.backoff),
    ...optional('circuitBreaker', values.circuitBreaker),
    ...(invalidKeys.length > 0 ? { invalid: invalidKeys } : {}),
  };
}

/** `{ [key]: value }` when the value is present, else `{}` (so JSON has no `undefined` keys). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
