/**
 * The resolved model of a whole workspace: every `.seams` file together.
 *
 * Built by `buildModel` (build-model.ts) from parsed files. It is plain data —
 * maps and arrays of objects that point at each other — read by the rules, the
 * language server, the layout and the CLI. Nothing here changes after building.
 *
 * Names are global across files. When a name is defined twice the first
 * definition (in file order as given, then text order) is the one in the maps;
 * the later one is reported as `duplicate-definition` and left out.
 * References that do not resolve keep their text with the target `undefined`.
 */
import type { Diagnostic, Location } from '../diagnostics.js';
import type {
  ApiMember,
  CallsMember,
  EventMember,
  IgnoreDirective,
  RuleSettingDecl,
  SeamsFile,
  ServiceDecl,
  StoreMember,
  SubscribesMember,
  SystemDecl,
  TeamDecl,
  VersionLit,
} from '../syntax/ast.js';
import type { Severity } from '../diagnostics.js';

export type Tier = 'user-facing' | 'internal' | 'background';
export type Cadence = 'daily' | 'weekly' | 'monthly' | 'quarterly';
export type Backoff = 'exponential' | 'fixed' | 'none';

export interface Model {
  /** Parsed files by key, in the order given to `buildModel`. */
  files: ReadonlyMap<string, SeamsFile>;
  teams: ReadonlyMap<string, Team>;
  systems: ReadonlyMap<string, System>;
  /** Every service, in file then text order. */
  services: ReadonlyMap<string, Service>;
  /** Every store name with all its declarations (more than one means sharing). */
  stores: ReadonlyMap<string, StoreUse[]>;
  /** Every `calls`, resolved or not, in file then text order. */
  calls: readonly Call[];
  /** Every `subscribes`, resolved or not. */
  subscriptions: readonly Subscription[];
  /** The merged `rules { }` settings by rule code (valid entries only). */
  ruleSettings: ReadonlyMap<string, RuleSetting>;
  /** Syntax errors and the fixed model errors, unsorted. */
  diagnostics: readonly Diagnostic[];
}

export interface Team {
  name: string;
  title?: string;
  /** The team name in its declaration. */
  location: Location;
  decl: TeamDecl;
  oncall: string[];
  /** Services whose `owner` resolves to this team. */
  services: Service[];
}

export interface System {
  name: string;
  title?: string;
  location: Location;
  decl: SystemDecl;
  services: Service[];
  /** The merged `defaults` policy of the system (later settings do not override earlier ones). */
  defaults: PolicyValues;
}

export interface Service {
  name: string;
  title?: string;
  file: string;
  /** The service name in its declaration (the keyword if the name is missing). */
  location: Location;
  decl: ServiceDecl;
  system?: System;
  owner?: Reference<Team>;
  tier?: Tier;
  cadence?: Cadence;
  scaling?: string;
  /** Compliance tags, deduplicated, in order written. */
  compliance: string[];
  stores: StoreUse[];
  apis: Map<string, Contract>;
  events: Map<string, Contract>;
  slo: ServiceSlo;
  /** Outgoing synchronous calls written in this service. */
  calls: Call[];
  /** Subscriptions written in this service (it is the subscriber). */
  subscriptions: Subscription[];
  /** Calls from other services that resolve to this one. */
  callers: Call[];
  /** Subscriptions whose publisher resolves to this service. */
  subscribers: Subscription[];
}

export interface ServiceSlo {
  latency?: { percentile: string; ms: number; location: Location };
  availability?: { percent: number; location: Location };
  /** Whether the service declares any `slo` line at all. */
  declared: boolean;
}

/** A name written in one place that should denote a definition elsewhere. */
export interface Reference<T> {
  name: string;
  location: Location;
  target?: T;
}

export interface StoreUse {
  name: string;
  kind?: string;
  service: Service;
  location: Location;
  decl: StoreMember;
}

export interface Contract {
  kind: 'api' | 'event';
  name: string;
  service: Service;
  /** Versions offered, in order written. */
  versions: VersionLit[];
  protocol?: string;
  location: Location;
  decl: ApiMember | EventMember;
}

export interface PolicyValues {
  timeoutMs?: number;
  retry?: number;
  backoff?: Backoff;
  circuitBreaker?: boolean;
}

/** Where each effective policy value came from. */
export type PolicySource = 'call' | 'defaults';

export interface Call {
  from: Service;
  file: string;
  decl: CallsMember;
  /** From the `calls` keyword to the end of the target, api or version (not the policy block). */
  location: Location;
  target: Reference<Service>;
  /** The api named after the dot, if any; `target` resolves only when the service does. */
  api?: Reference<Contract>;
  version?: VersionLit;
  /** The policy after system defaults are applied. */
  policy: PolicyValues;
  /** Which values were written on the call and which came from defaults. */
  policySources: { [K in keyof PolicyValues]?: PolicySource };
}

export interface Subscription {
  subscriber: Service;
  file: string;
  decl: SubscribesMember;
  location: Location;
  publisher: Reference<Service>;
  event?: Reference<Contract>;
  version?: VersionLit;
}

export interface RuleSetting {
  code: string;
  /** `off` is represented as `severity: 'off'`. */
  severity?: Severity | 'off';
  max?: number;
  decl: RuleSettingDecl;
  file: string;
}

export type { IgnoreDirective };
