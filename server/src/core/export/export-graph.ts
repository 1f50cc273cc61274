/**
 * What every picture export (Mermaid, D2, LikeC4, Structurizr, PlantUML) draws,
 * taken from the model once so the formats agree: systems with their services
 * and stores, the services and stores outside any system, and three kinds of
 * line — calls (solid, caller → callee), subscriptions (dashed, publisher →
 * subscriber) and store uses (service — store).
 *
 * Only what resolves is drawn: a `calls` or `subscribes` whose service does not
 * exist has nothing to point at (`seams check` reports it). Order is the
 * model's order (files as given, then text), so the output is stable.
 */
import type { Call, Model, Service, Subscription } from '../model/model.js';

export interface ExportService {
  name: string;
  /** The title as written, else (no title or an empty one) the name. */
  label: string;
  title?: string;
  tier?: string;
  owner?: string;
  runtime?: string;
  libraries: string[];
  /** `name v1 v2 protocol` for each api, in order written. */
  apis: string[];
  events: string[];
}

export interface ExportStore {
  name: string;
  kind?: string;
  /** The label drawn: `name (kind)` or the name. */
  label: string;
}

export interface ExportGroup {
  name: string;
  label: string;
  title?: string;
  services: ExportService[];
  /** Stores whose every user is in this system. */
  stores: ExportStore[];
}

export interface ExportLine {
  kind: 'call' | 'subscription' | 'store';
  /** Service name, or store name for the store end of a store line. */
  from: string;
  to: string;
  /** `api v2`, `event v3`, `readonly`, or empty. */
  label: string;
  /** Store lines only: the service only reads it. */
  readonly?: boolean;
}

export interface ExportLibrary {
  name: string;
  label: string;
  title?: string;
  owner?: string;
  users: string[];
}

export interface ExportGraph {
  systems: ExportGroup[];
  /** Services outside any system. */
  services: ExportService[];
  /** Stores used from more than one system, or only by services outside systems. */
  stores: ExportStore[];
  libraries: ExportLibrary[];
  /** Calls, then subscriptions, then store lines, each in model order. */
  lines: ExportLine[];
  /** The system each service sits in (absent: outside any system). */
  systemOf: ReadonlyMap<string, string>;
  /** The system each store sits in (absent: top level). */
  storeSystemOf: ReadonlyMap<string, string>;
}

export function buildExportGraph(model: Model): ExportGraph {
  const systemOf = new Map<string, string>();
  for (const service of model.services.values()) {
    if (service.system && model.systems.has(service.system.name)) {
      systemOf.set(service.name, service.system.name);
    }
  }

  const storeSystemOf = new Map<string, string>();
  const exportStores = new Map<string, ExportStore>();
  for (const [name, uses] of model.stores) {
    const kind = uses.find((u) => u.kind !== undefined)?.kind;
    exportStores.set(name, { name, kind, label: kind ? `${name} (${kind})` : name });
    const systems = new Set(uses.map((u) => systemOf.get(u.service.name)));
    const [only] = systems;
    if (systems.size === 1 && only !== undefined) storeSystemOf.set(name, only);
  }

  const systems: ExportGroup[] = [];
  const groupByName = new Map<string, ExportGroup>();
  for (const system of model.systems.values()) {
    const group: ExportGroup = {
      name: system.name,
      label: system.title || system.name,
      title: system.title,
      services: [],
      stores: [],
    };
    systems.push(group);
    groupByName.set(system.name, group);
  }
  const looseServices: ExportService[] = [];
  for (const service of model.services.values()) {
    const exported = exportService(service);
    const system = systemOf.get(service.name);
    if (system !== undefined) groupByName.get(system)?.services.push(exported);
    else looseServices.push(exported);
  }
  const looseStores: ExportStore[] = [];
  for (const store of exportStores.values()) {
    const system = storeSystemOf.get(store.name);
    if (system !== undefined) groupByName.get(system)?.stores.push(store);
    else looseStores.push(store);
  }

  const lines: ExportLine[] = [];
  for (const call of model.calls) {
    const line = callLine(model, call);
    if (line) lines.push(line);
  }
  for (const subscription of model.subscriptions) {
    const line = subscriptionLine(model, subscription);
    if (line) lines.push(line);
  }
  for (const uses of model.stores.values()) {
    for (const use of uses) {
      if (model.services.get(use.service.name) !== use.service) continue;
      const readonly = use.readonly;
      lines.push({ kind: 'store', from: use.service.name, to: use.name, label: readonly ? 'readonly' : '', readonly });
    }
  }

  const libraries: ExportLibrary[] = [];
  for (const library of model.libraries.values()) {
    libraries.push({
      name: library.name,
      label: library.title || library.name,
      title: library.title,
      owner: library.owner?.name,
      users: library.users.filter((s) => model.services.get(s.name) === s).map((s) => s.name),
    });
  }

  return { systems, services: looseServices, stores: looseStores, libraries, lines, systemOf, storeSystemOf };
}

function exportService(service: Service): ExportService {
  return {
    name: service.name,
    label: service.title || service.name,
    title: service.title,
    tier: service.tier,
    owner: service.owner?.name,
    runtime: service.runtime?.name,
    libraries: service.uses.filter((u) => u.target !== undefined).map((u) => u.name),
    apis: [...service.apis.values()].map((a) => [a.name, ...a.versions.map((v) => v.text), ...(a.protocol ? [a.protocol] : [])].join(' ')),
    events: [...service.events.values()].map((e) => [e.name, ...e.versions.map((v) => v.text)].join(' ')),
  };
}

function callLine(model: Model, call: Call): ExportLine | undefined {
  const target = call.target.target;
  if (!target || model.services.get(target.name) !== target) return undefined;
  if (model.services.get(call.from.name) !== call.from) return undefined;
  const label = [call.api?.name, call.version?.text].filter((p) => p !== undefined).join(' ');
  return { kind: 'call', from: call.from.name, to: target.name, label };
}

function subscriptionLine(model: Model, subscription: Subscription): ExportLine | undefined {
  const publisher = subscription.publisher.target;
  if (!publisher || model.services.get(publisher.name) !== publisher) return undefined;
  if (model.services.get(subscription.subscriber.name) !== subscription.subscriber) return undefined;
  const label = [subscription.event?.name, subscription.version?.text].filter((p) => p !== undefined).join(' ');
  return { kind: 'subscription', from: publisher.name, to: subscription.subscriber.name, label };
}
