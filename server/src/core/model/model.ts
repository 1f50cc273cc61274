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
  LibraryDecl,
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

import type { Backoff, Cadence, Tier } from '../vocabulary.js';

export type { Backoff, Cadence, Tier };
export { isUserFacingOrGateway } from '../vocabulary.js';

export interface Model {
  /** Parsed files by key, in the order given to `buildModel`. */
  files: ReadonlyMap<string, SeamsFile>;
  teams: ReadonlyMap<string, Team>;
  systems: ReadonlyMap<string, System>;
  /** Every service, in file then text order. */
  services: ReadonlyMap<string, Service>;
  /** Every library, in file then text order (version 2). Library names are their own namespace. */
  libraries: ReadonlyMap<string, Library>;
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

/** `library NAME ["label"] { owner TEAM }`: code that services build in. */
export interface Library {
  name: string;
  title?: string;
  /** The library name in its declaration. */
  location: Location;
  decl: LibraryDecl;
  /** The first `owner` written; owning a library counts for no team rule. */
  owner?: Reference<Team>;
  /** Services with a `uses` that resolves to this library, in file then text order, each once. */
  users: Service[];
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
  /** Undefined when not written or not a known tier (see `invalid`). */
  tier?: Tier;
  /** Undefined when not written or not a known cadence (see `invalid`). */
  cadence?: Cadence;
  /**
   * A tier or cadence that was written with a value that is not one of its
   * keyword's (reported as `invalid-value` or `syntax`): it counts as present
   * and feeds no rule.
   */
  invalid?: { tier?: true; cadence?: true };
  scaling?: string;
  /** `runtime NAME`: the first one written (a second is a duplicate-definition). */
  runtime?: { name: string; location: Location };
  /** `uses NAME`, in order written (a repeated name is a duplicate-definition and left out). */
  uses: Reference<Library>[];
  /**
   * The service's own merged `defaults` (not including its system's). A call's
   * own setting wins over these, which win over the system's.
   */
  defaults: PolicyValues;
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
  /** `store s k readonly`: this service only reads the store. */
  readonly: boolean;
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
  /** Undefined when not set, or set to an invalid value (then `invalid.timeout`). */
  timeoutMs?: number;
  retry?: number;
  backoff?: Backoff;
  circuitBreaker?: boolean;
  /**
   * Settings written with an invalid or missing value (`timeout 0ms`,
   * `retry 1.5`, `backoff sideways`, `timeout` with no duration). Such a setting
   * counts as present — it is not missing — but its value is unknown, so it
   * feeds no rule. The mistake is reported once, where it is written; a call
   * that inherits it from defaults carries the flag and no diagnostic of its own.
   */
  invalid?: { timeout?: true; retry?: true; backoff?: true };
}

/** The policy settings, as keys of `PolicyValues`. */
export type PolicyKey = Exclude<keyof PolicyValues, 'invalid'>;

/** Where each effective policy value came from: the call, its service's defaults or its system's. */
export type PolicySource = 'call' | 'service-defaults' | 'system-defaults';

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
  /**
   * The policy after defaults are applied, setting by setting: the call's own
   * setting, else its service's defaults, else its system's. `timeout`, `retry`
   * (count and backoff together) and `circuit-breaker` are the settings; an
   * invalid setting (see `PolicyValues.invalid`) is inherited like a valid one.
   */
  policy: PolicyValues;
  /**
   * Where each setting in `policy` came from, invalid ones included (so a
   * source without a value means "written, but invalid"). `backoff` shares
   * `retry`'s source.
   */
  policySources: { [K in PolicyKey]?: PolicySource };
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
