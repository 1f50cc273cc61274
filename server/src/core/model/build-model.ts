/**
 * Builds the workspace model from parsed files: collects definitions, resolves
 * names across files, applies system `defaults` to calls, reads `rules { }`
 * settings, and reports the fixed errors (`unresolved-reference`,
 * `duplicate-definition`, `invalid-value`, `duplicate-rule-setting`).
 *
 * Two passes: the first collects every team, system, service and contract; the
 * second resolves references, so order across files never matters. Linear in
 * the size of the input.
 */
import type { Diagnostic, Fix, Location, Severity } from '../diagnostics.js';
import { FIXED_CODES } from '../diagnostics.js';
import { exact } from '../exact-list.js';
import type * as ast from '../syntax/ast.js';
import type {
  Call,
  Contract,
  Library,
  Model,
  PolicySource,
  PolicyValues,
  Reference,
  RuleSetting,
  Service,
  StoreUse,
  Subscription,
  System,
  Team,
} from './model.js';
import { NameSuggester } from './closest-name.js';
import {
  BACKOFFS,
  CADENCES,
  isBackoff,
  isCadence,
  isOneOf,
  isSloPercentile,
  isTier,
  oneOfWords,
  RULE_OFF,
  SEVERITIES,
  SLO_PERCENTILES,
  TIERS,
} from '../vocabulary.js';

/** What the model needs to know of each anti-pattern rule to validate `rules { }`. */
export interface KnownRule {
  code: string;
  defaultMax?: number;
}

const RULE_SEVERITIES: readonly (Severity | 'off')[] = [...SEVERITIES, RULE_OFF];

/** A policy with nothing set, shared where a service or system has no defaults to offer. */
const NO_POLICY: PolicyValues = {};

export function buildModel(files: readonly ast.SeamsFile[], knownRules: readonly KnownRule[] = []): Model {
  return new ModelBuilder(files, knownRules).build();
}

const quoteList = oneOfWords;

/** A timeout counts as set when it has a value or was written with an invalid one. */
function hasTimeout(p: PolicyValues): boolean {
  return p.timeoutMs !== undefined || p.invalid?.timeout === true;
}

/** `retry` counts as set (count and backoff together) when any part of it was written. */
function hasRetry(p: PolicyValues): boolean {
  return p.retry !== undefined || p.backoff !== undefined || p.invalid?.retry === true || p.invalid?.backoff === true;
}

/** Which level a chosen policy is: the call's own, its service's defaults, or its system's. */
function sourceOf(chosen: PolicyValues, own: PolicyValues, service: PolicyValues): PolicySource {
  return chosen === own ? 'call' : chosen === service ? 'service-defaults' : 'system-defaults';
}

const NO_SOURCES: Call['policySources'] = {};
const SOURCE_CODES: readonly (PolicySource | undefined)[] = [undefined, 'call', 'service-defaults', 'system-defaults'];
/** The `policySources` objects made so far, by their four sources' codes; shared by every model. */
const sourcesMade: (Call['policySources'] | undefined)[] = [];

/**
 * The one `policySources` object for these four sources (at most 4 × 4 × 4 × 4
 * kinds), its keys set in the order `applyPolicy` always used, which the JSON
 * export shows.
 */
function policySources(
  timeout: PolicySource | undefined,
  retry: PolicySource | undefined,
  backoff: PolicySource | undefined,
  breaker: PolicySource | undefined,
): Call['policySources'] {
  const key =
    SOURCE_CODES.indexOf(timeout) +
    4 * SOURCE_CODES.indexOf(retry) +
    16 * SOURCE_CODES.indexOf(backoff) +
    64 * SOURCE_CODES.indexOf(breaker);
  let made = sourcesMade[key];
  if (!made) {
    made = {};
    if (timeout) made.timeoutMs = timeout;
    if (retry) made.retry = retry;
    if (backoff) made.backoff = backoff;
    if (breaker) made.circuitBreaker = breaker;
    sourcesMade[key] = Object.freeze(made);
  }
  return made;
}

function markInvalid(p: PolicyValues, key: 'timeout' | 'retry' | 'backoff'): void {
  (p.invalid ??= {})[key] = true;
}

class ModelBuilder {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly teams = new Map<string, Team>();
  private readonly systems = new Map<string, System>();
  private readonly services = new Map<string, Service>();
  private readonly libraries = new Map<string, Library>();
  private readonly stores = new Map<string, StoreUse[]>();
  private readonly calls: Call[] = [];
  private readonly subscriptions: Subscription[] = [];
  private readonly ruleSettings = new Map<string, RuleSetting>();
  private readonly knownRules: Map<string, KnownRule>;
  /** The policy of the last service's calls that have none of their own (`applyPolicy` shares it). */
  private inheritedBy: Service | undefined;
  private inherited: { policy: PolicyValues; sources: Call['policySources'] } | undefined;
  /** "Did you mean": indexed and budgeted, so thousands of unresolved names stay cheap. */
  private readonly suggester = new NameSuggester();

  constructor(
    private readonly files: readonly ast.SeamsFile[],
    knownRules: readonly KnownRule[],
  ) {
    this.knownRules = new Map(knownRules.map((r) => [r.code, r]));
  }

  build(): Model {
    for (const f of this.files) this.collectFile(f);
    for (const l of this.libraries.values()) this.resolveLibrary(l);
    for (const s of this.services.values()) this.resolveService(s);
    for (const f of this.files) {
      for (const d of f.declarations) if (d.kind === 'rules') this.readRules(f.file, d);
      this.checkIgnores(f);
    }
    // Lists filled from all over the model, now complete: kept at their size.
    for (const s of this.services.values()) {
      s.callers = exact(s.callers);
      s.subscribers = exact(s.subscribers);
    }
    for (const [name, uses] of this.stores) this.stores.set(name, exact(uses));
    for (const t of this.teams.values()) t.services = exact(t.services);
    return {
      files: new Map(this.files.map((f) => [f.file, f])),
      teams: this.teams,
      systems: this.systems,
      services: this.services,
      libraries: this.libraries,
      stores: this.stores,
      calls: this.calls,
      subscriptions: this.subscriptions,
      ruleSettings: this.ruleSettings,
      diagnostics: this.diagnostics,
    };
  }

  // ---- reporting -------------------------------------------------------------

  private report(code: string, at: Location, message: string, extra: Partial<Diagnostic> = {}): void {
    this.diagnostics.push({ code, severity: 'error', message, location: at, ...extra });
  }

  /**
   * A second definition of something already defined. The model keeps the first
   * and drops this one, so it is tagged `unnecessary` (editors fade text that has
   * no effect) unless `ignored` says part of the second still counts.
   */
  private duplicate(at: Location, message: string, first: Location, firstWhat: string, ignored = true, fixes?: Fix[]): void {
    this.report('duplicate-definition', at, message, {
      related: [{ location: first, message: firstWhat }],
      ...(ignored ? { tags: ['unnecessary' as const] } : {}),
      ...(fixes ? { fixes } : {}),
    });
  }

  private invalid(file: string, span: ast.Span, message: string): void {
    this.report('invalid-value', loc(file, span), message);
  }

  // ---- pass 1: definitions -------------------------------------------------------

  private collectFile(f: ast.SeamsFile): void {
    for (const d of f.declarations) {
      if (d.kind === 'team') this.collectTeam(f.file, d);
      else if (d.kind === 'system') this.collectSystem(f.file, d);
      else if (d.kind === 'service') this.collectService(f.file, d, undefined);
      else if (d.kind === 'library') this.collectLibrary(f.file, d);
    }
  }

  private collectLibrary(file: string, d: ast.LibraryDecl): void {
    if (!d.name) return;
    const location = loc(file, d.name);
    const first = this.libraries.get(d.name.text);
    if (first) {
      this.duplicate(location, `library ${d.name.text} is already defined`, first.location, `library ${d.name.text} is first defined here`);
      return;
    }
    const library: Library = { name: d.name.text, title: d.title?.value, location, decl: d, users: [] };
    let firstOwner: ast.OwnerMember | undefined;
    for (const o of d.owner) {
      if (!o.team) continue;
      if (firstOwner) {
        this.duplicate(
          loc(file, o.keyword),
          `library ${library.name} already has an owner`,
          loc(file, firstOwner.keyword),
          `the first owner of ${library.name}`,
        );
        continue;
      }
      firstOwner = o;
      library.owner = { name: o.team.text, location: loc(file, o.team), target: undefined }; // set in pass 2
    }
    this.libraries.set(library.name, library);
  }

  private collectTeam(file: string, d: ast.TeamDecl): void {
    if (!d.name) return;
    const location = loc(file, d.name);
    const first = this.teams.get(d.name.text);
    if (first) {
      this.duplicate(location, `team ${d.name.text} is already defined`, first.location, `team ${d.name.text} is first defined here`);
      return;
    }
    const oncall = d.oncall.flatMap((o) => (o.value ? [o.value.value] : []));
    this.teams.set(d.name.text, { name: d.name.text, title: d.title?.value, location, decl: d, oncall, services: [] });
  }

  private collectSystem(file: string, d: ast.SystemDecl): void {
    let system: System | undefined;
    if (d.name) {
      const location = loc(file, d.name);
      const first = this.systems.get(d.name.text);
      if (first) {
        // Not `unnecessary`: the services inside a second system block still count.
        this.duplicate(
          location,
          `system ${d.name.text} is already defined`,
          first.location,
          `system ${d.name.text} is first defined here`,
          false,
        );
      } else {
        system = { name: d.name.text, title: d.title?.value, location, decl: d, services: [], defaults: {} };
        this.systems.set(d.name.text, system);
        const named = system;
        this.readDefaults(file, system.defaults, d.defaults, () => `system ${named.name}'s defaults`);
      }
    }
    for (const s of d.services) this.collectService(file, s, system);
  }

  /** Merges `defaults` blocks into `into`; a setting repeated across them is a duplicate. */
  private readDefaults(file: string, into: PolicyValues, blocks: ast.DefaultsDecl[], owner: () => string): void {
    if (blocks.length === 0) return;
    const seen = new Map<string, ast.Span>();
    for (const block of blocks) {
      if (block.policy) this.readPolicy(file, block.policy, into, seen, owner);
    }
  }

  /** Reads a policy block into `into`; a setting already in `seen` is a duplicate. */
  private readPolicy(
    file: string,
    policy: ast.Policy,
    into: PolicyValues,
    /** Undefined for a block of one setting, which can repeat nothing (a call's usual policy). */
    seen: Map<string, ast.Span> | undefined,
    /** Names the policy's owner for messages; a function, so the common error-free case builds no string. */
    owner: () => string,
  ): void {
    for (const entry of policy.entries) {
      const first = seen?.get(entry.kind);
      if (first) {
        this.duplicate(
          loc(file, entry.keyword),
          `${entry.kind} is set twice in ${owner()}`,
          loc(file, first),
          `${entry.kind} is first set here`,
        );
        continue;
      }
      seen?.set(entry.kind, entry.keyword);
      // A setting written with a missing or invalid value still counts as set (one
      // mistake, one diagnostic): it is flagged invalid instead of left out.
      if (entry.kind === 'timeout') {
        if (!entry.duration)
          markInvalid(into, 'timeout'); // the syntax error says why
        else if (entry.duration.ms <= 0) {
          this.invalid(file, entry.duration, 'a timeout must be longer than zero');
          markInvalid(into, 'timeout');
        } else into.timeoutMs = entry.duration.ms;
      } else if (entry.kind === 'retry') {
        if (!entry.count) markInvalid(into, 'retry');
        else if (!Number.isInteger(entry.count.value)) {
          this.invalid(file, entry.count, `retry takes a whole number of retries, not ${entry.count.text}`);
          markInvalid(into, 'retry');
        } else into.retry = entry.count.value;
        if (entry.backoff) {
          if (isBackoff(entry.backoff.text)) into.backoff = entry.backoff.text;
          else {
            this.invalid(file, entry.backoff, `unknown backoff ${entry.backoff.text}; expected ${quoteList(BACKOFFS)}`);
            markInvalid(into, 'backoff');
          }
        } else if (entry.backoffKeyword) markInvalid(into, 'backoff');
      } else {
        into.circuitBreaker = true;
      }
    }
  }

  private collectService(file: string, d: ast.ServiceDecl, system: System | undefined): void {
    if (!d.name) return;
    const location = loc(file, d.name);
    const first = this.services.get(d.name.text);
    if (first) {
      this.duplicate(location, `service ${d.name.text} is already defined`, first.location, `service ${d.name.text} is first defined here`);
      return;
    }
    const service: Service = {
      name: d.name.text,
      title: d.title?.value,
      file,
      location,
      decl: d,
      system,
      compliance: [],
      uses: [],
      defaults: {},
      stores: [],
      apis: new Map(),
      events: new Map(),
      slo: { declared: false },
      calls: [],
      subscriptions: [],
      callers: [],
      subscribers: [],
    };
    this.services.set(service.name, service);
    system?.services.push(service);
    this.readMembers(service);
    service.stores = exact(service.stores);
    if (d.defaults.length > 0) this.readDefaults(file, service.defaults, d.defaults, () => `service ${service.name}'s defaults`);
  }

  private readMembers(s: Service): void {
    const file = s.file;
    const once = new Map<string, ast.Span>();
    const firstOnly = (m: ast.Member, what: string): boolean => {
      const first = once.get(m.kind);
      if (first) {
        this.duplicate(loc(file, m.keyword), `service ${s.name} already has ${what}`, loc(file, first), `the first ${m.kind} of ${s.name}`);
        return false;
      }
      once.set(m.kind, m.keyword);
      return true;
    };
    for (const m of s.decl.members) {
      switch (m.kind) {
        case 'owner':
          if (m.team && firstOnly(m, 'an owner')) s.owner = { name: m.team.text, location: loc(file, m.team), target: undefined };
          break;
        case 'tier':
          if (m.value && firstOnly(m, 'a tier')) {
            if (isTier(m.value.text)) s.tier = m.value.text;
            else {
              this.invalid(file, m.value, `unknown tier ${m.value.text}; expected ${quoteList(TIERS)}`);
              (s.invalid ??= {}).tier = true;
            }
          }
          break;
        case 'cadence':
          if (m.value && firstOnly(m, 'a cadence')) {
            if (isCadence(m.value.text)) s.cadence = m.value.text;
            else {
              this.invalid(file, m.value, `unknown cadence ${m.value.text}; expected ${quoteList(CADENCES)}`);
              (s.invalid ??= {}).cadence = true;
            }
          }
          break;
        case 'runtime':
          if (m.value && firstOnly(m, 'a runtime')) s.runtime = { name: m.value.text, location: loc(file, m.value) };
          break;
        case 'uses':
          if (m.library) this.readUses(s, m.library);
          break;
        case 'scaling':
          if (m.value && firstOnly(m, 'a scaling profile')) s.scaling = m.value.text;
          break;
        case 'compliance':
          for (const tag of m.tags) if (!s.compliance.includes(tag.text)) s.compliance.push(tag.text);
          break;
        case 'store':
          this.readStore(s, m);
          break;
        case 'api':
        case 'event':
          this.readContract(s, m);
          break;
        case 'slo':
          this.readSlo(s, m);
          break;
        case 'calls':
        case 'subscribes':
          break; // resolved in pass 2, when every service is known
      }
    }
  }

  private readStore(s: Service, m: ast.StoreMember): void {
    if (!m.name) return;
    const location = loc(s.file, m.name);
    const same = s.stores.find((u) => u.name === m.name!.text);
    if (same) {
      this.duplicate(
        location,
        `service ${s.name} declares store ${m.name.text} twice`,
        same.location,
        `store ${m.name.text} is first declared here`,
      );
      return;
    }
    const use: StoreUse = { name: m.name.text, kind: m.storeKind?.text, service: s, location, decl: m, readonly: m.readonly !== undefined };
    s.stores.push(use);
    const all = this.stores.get(use.name);
    if (all) all.push(use);
    else this.stores.set(use.name, [use]);
  }

  /** `uses L`: resolved in pass 2; the same library twice in one service is a duplicate. */
  private readUses(s: Service, library: ast.Name): void {
    const location = loc(s.file, library);
    const same = s.uses.find((u) => u.name === library.text);
    if (same) {
      this.duplicate(location, `service ${s.name} uses library ${library.text} twice`, same.location, `${library.text} is first used here`);
      return;
    }
    s.uses.push({ name: library.text, location, target: undefined });
  }

  private readContract(s: Service, m: ast.ApiMember | ast.EventMember): void {
    if (!m.name) return;
    const map = m.kind === 'api' ? s.apis : s.events;
    const location = loc(s.file, m.name);
    const first = map.get(m.name.text);
    if (first) {
      this.duplicate(
        location,
        `service ${s.name} already has an ${m.kind} named ${m.name.text}`,
        first.location,
        `${m.kind} ${m.name.text} is first declared here`,
      );
      return;
    }
    const versions: ast.VersionLit[] = [];
    const name = m.name.text;
    m.versions.forEach((v, i) => {
      const dup = versions.find((w) => w.text === v.text);
      if (!dup) {
        versions.push(v);
        return;
      }
      // Removing the repeat takes the separator before it along: `v1 v2 v1` -> `v1 v2`.
      const from = m.versions[i - 1]!.end;
      const fix: Fix = {
        title: `Remove the repeated ${v.text}`,
        edits: [{ file: s.file, start: from, end: v.end, newText: '' }],
        preferred: true,
      };
      this.duplicate(
        loc(s.file, v),
        `${m.kind} ${name} lists version ${v.text} twice`,
        loc(s.file, dup),
        `${v.text} is first listed here`,
        true,
        [fix],
      );
    });
    const protocol = m.kind === 'api' ? m.protocol?.text : undefined;
    // Without repeats, an exact copy of the written list (a list grown by push keeps room for 16).
    const kept = versions.length === m.versions.length ? m.versions.slice() : versions;
    map.set(m.name.text, { kind: m.kind, name: m.name.text, service: s, versions: kept, protocol, location, decl: m });
  }

  private readSlo(s: Service, m: ast.SloMember): void {
    s.slo.declared = true;
    const file = s.file;
    for (const e of m.entries) {
      if (e.kind === 'latency') {
        if (s.slo.latency) {
          this.duplicate(
            loc(file, e.keyword),
            `service ${s.name} already has a latency objective`,
            s.slo.latency.location,
            'the first latency objective',
          );
          continue;
        }
        if (e.percentile && !isSloPercentile(e.percentile.text)) {
          this.invalid(file, e.percentile, `unknown percentile ${e.percentile.text}; expected ${quoteList(SLO_PERCENTILES)}`);
          continue;
        }
        if (!e.percentile || !e.duration) continue;
        if (e.duration.ms <= 0) {
          this.invalid(file, e.duration, 'a latency objective must be longer than zero');
          continue;
        }
        s.slo.latency = { percentile: e.percentile.text, ms: e.duration.ms, location: loc(file, e) };
      } else {
        if (s.slo.availability) {
          this.duplicate(
            loc(file, e.keyword),
            `service ${s.name} already has an availability objective`,
            s.slo.availability.location,
            'the first availability objective',
          );
          continue;
        }
        if (!e.percent) continue;
        if (!(e.percent.value > 0 && e.percent.value <= 100)) {
          this.invalid(file, e.percent, `availability must be more than 0% and at most 100%, not ${e.percent.text}`);
          continue;
        }
        s.slo.availability = { percent: e.percent.value, location: loc(file, e) };
      }
    }
  }

  // ---- pass 2: references -------------------------------------------------------

  private resolveLibrary(l: Library): void {
    if (!l.owner) return;
    l.owner.target = this.teams.get(l.owner.name);
    if (!l.owner.target) this.unresolved(l.owner.location, `no team named ${l.owner.name}`, l.owner.name, this.teams);
  }

  private resolveService(s: Service): void {
    if (s.owner) {
      s.owner.target = this.teams.get(s.owner.name);
      if (s.owner.target) s.owner.target.services.push(s);
      else this.unresolved(s.owner.location, `no team named ${s.owner.name}`, s.owner.name, this.teams);
    }
    for (const u of s.uses) this.resolveUses(s, u);
    for (const m of s.decl.members) {
      if (m.kind === 'calls') this.resolveCall(s, m);
      else if (m.kind === 'subscribes') this.resolveSubscription(s, m);
    }
    s.calls = exact(s.calls);
    s.subscriptions = exact(s.subscriptions);
  }

  private resolveUses(s: Service, u: Reference<Library>): void {
    u.target = this.libraries.get(u.name);
    if (u.target) u.target.users.push(s);
    else this.unresolved(u.location, `no library named ${u.name}`, u.name, this.libraries);
  }

  private unresolved(at: Location, message: string, written: string, candidates: ReadonlyMap<string, unknown>): void {
    const guess = this.suggester.closest(written, candidates);
    const fixes = guess
      ? [{ title: `Change to ${guess}`, edits: [{ file: at.file, start: at.start, end: at.end, newText: guess }], preferred: true }]
      : undefined;
    this.report('unresolved-reference', at, guess ? `${message}; did you mean ${guess}?` : message, { fixes });
  }

  private resolveCall(s: Service, m: ast.CallsMember): void {
    if (!m.target) return;
    const file = s.file;
    const end = Math.max(m.target.end, m.api?.end ?? 0, m.version?.end ?? 0);
    const target = { name: m.target.text, location: loc(file, m.target), target: this.services.get(m.target.text) };
    const location = { file, start: offset(m.keyword.start), end: offset(end) };
    const api = m.api && { name: m.api.text, location: loc(file, m.api), target: target.target?.apis.get(m.api.text) };
    // Two literals rather than adding `api` afterwards: an added property would give every call a property array of its own.
    const call: Call = api
      ? { from: s, file, decl: m, location, target, api, version: m.version, policy: NO_POLICY, policySources: NO_SOURCES }
      : { from: s, file, decl: m, location, target, version: m.version, policy: NO_POLICY, policySources: NO_SOURCES };
    if (!target.target) {
      this.unresolved(target.location, `no service named ${target.name}`, target.name, this.services);
    } else {
      target.target.callers.push(call);
    }
    if (api && target.target && !api.target) {
      this.unresolved(api.location, `service ${target.name} has no api named ${api.name}`, api.name, target.target.apis);
    }
    this.applyPolicy(call, m.policy);
    s.calls.push(call);
    this.calls.push(call);
  }

  /**
   * Fills in the call's policy setting by setting (timeout; retry with its
   * backoff; circuit-breaker): the call's own setting wins, then its service's
   * defaults, then its system's. A setting written with an invalid value counts
   * as set, so it is inherited as invalid rather than skipped.
   *
   * Calls of one service without a policy of their own share one policy object
   * (it depends only on the defaults), and every call shares its `policySources`
   * with the calls whose settings come from the same places: the model is read,
   * never changed, and most calls of a large model inherit the same defaults.
   */
  private applyPolicy(call: Call, policy: ast.Policy | undefined): void {
    let own = NO_POLICY;
    if (policy && policy.entries.length > 0) {
      own = {};
      const seen = policy.entries.length > 1 ? new Map<string, ast.Span>() : undefined;
      this.readPolicy(call.file, policy, own, seen, () => `the call to ${call.target.name}`);
    } else if (this.inheritedBy === call.from) {
      call.policy = this.inherited!.policy;
      call.policySources = this.inherited!.sources;
      return;
    }
    const service = call.from.defaults;
    const system = call.from.system?.defaults ?? NO_POLICY;
    // Written out per setting rather than looped over keys: the same object shapes
    // for every call keep property access fast on models of many thousands of calls.
    const p: PolicyValues = {};
    let timeoutFrom: PolicySource | undefined;
    let retryFrom: PolicySource | undefined;
    let backoffFrom: PolicySource | undefined;
    let breakerFrom: PolicySource | undefined;
    const timeout = hasTimeout(own) ? own : hasTimeout(service) ? service : hasTimeout(system) ? system : undefined;
    if (timeout) {
      timeoutFrom = sourceOf(timeout, own, service);
      if (timeout.timeoutMs !== undefined) p.timeoutMs = timeout.timeoutMs;
      else markInvalid(p, 'timeout');
    }
    const retry = hasRetry(own) ? own : hasRetry(service) ? service : hasRetry(system) ? system : undefined;
    if (retry) {
      retryFrom = sourceOf(retry, own, service);
      if (retry.retry !== undefined) p.retry = retry.retry;
      if (retry.invalid?.retry) markInvalid(p, 'retry');
      if (retry.backoff !== undefined || retry.invalid?.backoff) backoffFrom = retryFrom;
      if (retry.backoff !== undefined) p.backoff = retry.backoff;
      if (retry.invalid?.backoff) markInvalid(p, 'backoff');
    }
    const breaker =
      own.circuitBreaker !== undefined
        ? own
        : service.circuitBreaker !== undefined
          ? service
          : system.circuitBreaker !== undefined
            ? system
            : undefined;
    if (breaker) ((p.circuitBreaker = breaker.circuitBreaker), (breakerFrom = sourceOf(breaker, own, service)));
    call.policy = p;
    call.policySources = policySources(timeoutFrom, retryFrom, backoffFrom, breakerFrom);
    if (own === NO_POLICY) {
      this.inheritedBy = call.from;
      this.inherited = { policy: p, sources: call.policySources };
    }
  }

  private resolveSubscription(s: Service, m: ast.SubscribesMember): void {
    if (!m.target) return;
    const file = s.file;
    const end = Math.max(m.target.end, m.event?.end ?? 0, m.version?.end ?? 0);
    const publisher = { name: m.target.text, location: loc(file, m.target), target: this.services.get(m.target.text) };
    const location = { file, start: offset(m.keyword.start), end: offset(end) };
    const event = m.event && {
      name: m.event.text,
      location: loc(file, m.event),
      target: publisher.target?.events.get(m.event.text) as Contract | undefined,
    };
    // As for calls: `event` in the literal, not added afterwards.
    const sub: Subscription = event
      ? { subscriber: s, file, decl: m, location, publisher, event, version: m.version }
      : { subscriber: s, file, decl: m, location, publisher, version: m.version };
    if (!publisher.target) {
      this.unresolved(publisher.location, `no service named ${publisher.name}`, publisher.name, this.services);
    } else {
      publisher.target.subscribers.push(sub);
    }
    if (event && publisher.target && !event.target) {
      this.unresolved(
        event.location,
        `service ${publisher.name} publishes no event named ${event.name}`,
        event.name,
        publisher.target.events,
      );
    }
    s.subscriptions.push(sub);
    this.subscriptions.push(sub);
  }

  // ---- rules { } and seams-ignore ---------------------------------------------------

  private readRules(file: string, block: ast.RulesBlock): void {
    for (const decl of block.settings) {
      const code = decl.rule.text;
      const known = this.knownRules.get(code);
      if (!known) {
        const fixed = (FIXED_CODES as readonly string[]).includes(code);
        this.invalid(file, decl.rule, fixed ? `${code} is a fixed error and cannot be configured` : `there is no rule named ${code}`);
        continue;
      }
      const first = this.ruleSettings.get(code);
      if (first) {
        // The first setting wins; this one has no effect, hence `unnecessary`.
        this.report('duplicate-rule-setting', loc(file, decl.rule), `rule ${code} is already configured`, {
          related: [{ location: loc(first.file, first.decl.rule), message: `${code} is first configured here` }],
          tags: ['unnecessary'],
        });
        continue;
      }
      if (!decl.severity && !decl.maxKeyword) {
        this.invalid(file, decl.rule, `rule ${code} needs a severity, off, or max N`);
        continue;
      }
      const setting: RuleSetting = { code, decl, file };
      let ok = true;
      if (decl.severity) {
        if (isOneOf(RULE_SEVERITIES, decl.severity.text)) setting.severity = decl.severity.text;
        else {
          this.invalid(file, decl.severity, `unknown severity ${decl.severity.text}; expected ${quoteList(RULE_SEVERITIES)}`);
          ok = false;
        }
      }
      if (decl.maxKeyword) {
        if (known.defaultMax === undefined) {
          this.invalid(file, decl.maxKeyword, `rule ${code} has no threshold, so max does not apply`);
          ok = false;
        } else if (setting.severity === 'off') {
          this.invalid(file, decl.maxKeyword, `rule ${code} is off, so max does not apply`);
          ok = false;
        } else if (decl.max) {
          if (Number.isInteger(decl.max.value) && decl.max.value > 0) setting.max = decl.max.value;
          else {
            this.invalid(file, decl.max, `max takes a positive whole number, not ${decl.max.text}`);
            ok = false;
          }
        }
      }
      if (ok) this.ruleSettings.set(code, setting);
    }
  }

  private checkIgnores(f: ast.SeamsFile): void {
    for (const d of f.ignores) {
      if (d.codes.length === 0) {
        this.invalid(f.file, d, 'seams-ignore needs the code of the rule to silence, e.g. // seams-ignore shared-database');
      }
      for (const c of d.codes) {
        if (this.knownRules.has(c.text)) continue;
        const fixed = (FIXED_CODES as readonly string[]).includes(c.text);
        this.invalid(f.file, c, fixed ? `${c.text} is a fixed error and cannot be silenced` : `there is no rule named ${c.text}`);
      }
    }
  }
}

function loc(file: string, span: ast.Span): Location {
  return { file, start: offset(span.start), end: offset(span.end) };
}

/**
 * An offset as V8's small integer. The syntax tree's offsets may arrive as
 * boxed numbers (its spans also hold the NaN of invented recovery tokens, so
 * their fields are doubles), and a boxed number stored in a location makes
 * every location carry two more heap objects: at 10,000 services that was
 * 170,000 numbers alive in the model. `| 0` unboxes a whole offset; anything
 * else (NaN) is kept as it is.
 */
function offset(n: number): number {
  return (n | 0) === n ? n | 0 : n;
}
