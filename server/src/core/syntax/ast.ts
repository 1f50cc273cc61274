/**
 * The syntax tree of one `.seams` file, as the parser builds it.
 *
 * Every node carries `start`/`end` UTF-16 offsets into the file text. After a
 * syntax error the parser recovers, so nodes may be missing parts: every child
 * that the grammar requires is still optional here (e.g. a `calls` whose target
 * name was never typed has `target === undefined`). Consumers must cope.
 */

export interface Span {
  start: number;
  end: number;
}

/** An identifier (or contextual keyword used as a value) with its text. */
export interface Name extends Span {
  text: string;
}

/** A string literal; `value` has escapes resolved, the span includes the quotes. */
export interface StringLit extends Span {
  value: string;
}

/** `v1`, `v2.1`, `v1.4.0`. */
export interface VersionLit extends Span {
  text: string;
  /** Numeric parts, compared part by part (`v1.10` > `v1.9`). */
  parts: number[];
}

/** `300ms`, `2s`, `1.5m`. */
export interface DurationLit extends Span {
  text: string;
  /** The duration in milliseconds. */
  ms: number;
}

export interface NumberLit extends Span {
  text: string;
  value: number;
}

/** The `{` … `}` of a block; `close` is undefined when the closing brace is missing. */
export interface Braces {
  open: Span;
  close?: Span;
}

export interface SeamsFile {
  /** The file key (path or URI) given to the parser. */
  file: string;
  /** The text parsed (a leading BOM included, offsets count it). */
  text: string;
  declarations: TopLevel[];
  comments: Comment[];
  /** `// seams-ignore` directives found in comments, in file order. */
  ignores: IgnoreDirective[];
}

export type TopLevel = TeamDecl | SystemDecl | ServiceDecl | LibraryDecl | RulesBlock;

export interface Comment extends Span {
  kind: 'line' | 'block';
  text: string;
}

/**
 * `// seams-ignore code[, code] [-- reason]`. `line` is the zero-based line it
 * applies to: its own line when it trails code, else the next line holding code.
 */
export interface IgnoreDirective extends Span {
  codes: Name[];
  reason?: string;
  /** Zero-based line whose diagnostics it silences (-1 when nothing follows it). */
  appliesToLine: number;
  /** True when the comment trails code on its own line. */
  trailing: boolean;
}

export interface TeamDecl extends Span {
  kind: 'team';
  keyword: Span;
  name?: Name;
  title?: StringLit;
  braces?: Braces;
  oncall: OncallEntry[];
}

export interface OncallEntry extends Span {
  keyword: Span;
  value?: StringLit;
}

export interface SystemDecl extends Span {
  kind: 'system';
  keyword: Span;
  name?: Name;
  title?: StringLit;
  braces?: Braces;
  services: ServiceDecl[];
  defaults: DefaultsDecl[];
}

/**
 * `defaults { … }`, in a system or (version 2) in a service. A service's
 * `defaults` blocks are kept apart from its members, in `ServiceDecl.defaults`,
 * exactly as a system's are: they are policy for the calls, not facts about
 * the service. Their spans say where they stand among the members.
 */
export interface DefaultsDecl extends Span {
  kind: 'defaults';
  keyword: Span;
  policy?: Policy;
}

export interface ServiceDecl extends Span {
  kind: 'service';
  keyword: Span;
  name?: Name;
  title?: StringLit;
  braces?: Braces;
  members: Member[];
  /** The service's own `defaults` blocks, in text order (merged by the model). */
  defaults: DefaultsDecl[];
}

/** `library NAME ["label"] { owner TEAM }` (version 2). */
export interface LibraryDecl extends Span {
  kind: 'library';
  keyword: Span;
  name?: Name;
  title?: StringLit;
  braces?: Braces;
  /** Every `owner` line written (the model keeps the first and reports the rest). */
  owner: OwnerMember[];
}

export type Member =
  | OwnerMember
  | TierMember
  | CadenceMember
  | ScalingMember
  | ComplianceMember
  | StoreMember
  | ApiMember
  | EventMember
  | SloMember
  | CallsMember
  | SubscribesMember
  | RuntimeMember
  | UsesMember;

interface MemberBase extends Span {
  keyword: Span;
}

export interface OwnerMember extends MemberBase {
  kind: 'owner';
  team?: Name;
}

/** `tier`, `cadence`: the value is kept as written; the model checks it. */
export interface TierMember extends MemberBase {
  kind: 'tier';
  value?: Name;
}

export interface CadenceMember extends MemberBase {
  kind: 'cadence';
  value?: Name;
}

export interface ScalingMember extends MemberBase {
  kind: 'scaling';
  value?: Name;
}

export interface ComplianceMember extends MemberBase {
  kind: 'compliance';
  tags: Name[];
}

export interface StoreMember extends MemberBase {
  kind: 'store';
  name?: Name;
  storeKind?: Name;
  /** The `readonly` flag after the name (and kind), when written. Never a kind. */
  readonly?: Span;
}

/** `runtime NAME`: the service's language or framework, a free identifier. */
export interface RuntimeMember extends MemberBase {
  kind: 'runtime';
  value?: Name;
}

/** `uses NAME`: a library the service builds in. */
export interface UsesMember extends MemberBase {
  kind: 'uses';
  library?: Name;
}

export interface ApiMember extends MemberBase {
  kind: 'api';
  name?: Name;
  versions: VersionLit[];
  protocol?: Name;
}

export interface EventMember extends MemberBase {
  kind: 'event';
  name?: Name;
  versions: VersionLit[];
}

export interface SloMember extends MemberBase {
  kind: 'slo';
  entries: SloEntry[];
}

export type SloEntry = LatencySlo | AvailabilitySlo;

export interface LatencySlo extends Span {
  kind: 'latency';
  keyword: Span;
  /** `p50`, `p90`, `p95`, `p99` as written (checked by the model). */
  percentile?: Name;
  duration?: DurationLit;
}

export interface AvailabilitySlo extends Span {
  kind: 'availability';
  keyword: Span;
  percent?: NumberLit;
}

export interface CallsMember extends MemberBase {
  kind: 'calls';
  target?: Name;
  /** The span of the `.` when an api is named. */
  dot?: Span;
  api?: Name;
  version?: VersionLit;
  policy?: Policy;
}

export interface SubscribesMember extends MemberBase {
  kind: 'subscribes';
  target?: Name;
  dot?: Span;
  event?: Name;
  version?: VersionLit;
}

export interface Policy extends Span {
  braces: Braces;
  entries: PolicyEntry[];
}

export type PolicyEntry = TimeoutSetting | RetrySetting | CircuitBreakerSetting;

export interface TimeoutSetting extends Span {
  kind: 'timeout';
  keyword: Span;
  /** Undefined when the value is missing or not a duration (a syntax error says so). */
  duration?: DurationLit;
}

export interface RetrySetting extends Span {
  kind: 'retry';
  keyword: Span;
  count?: NumberLit;
  backoffKeyword?: Span;
  /** `exponential`, `fixed`, `none` as written (checked by the model). */
  backoff?: Name;
}

export interface CircuitBreakerSetting extends Span {
  kind: 'circuit-breaker';
  keyword: Span;
}

export interface RulesBlock extends Span {
  kind: 'rules';
  keyword: Span;
  braces?: Braces;
  settings: RuleSettingDecl[];
}

/** One line of a `rules { }` block: `code off`, `code warning max 3`, `code max 3`. */
export interface RuleSettingDecl extends Span {
  rule: Name;
  off?: Span;
  severity?: Name;
  maxKeyword?: Span;
  max?: NumberLit;
}
