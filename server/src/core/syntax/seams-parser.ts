/**
 * The grammar of Seams (docs/language.md, "Grammar"): a hand-written
 * recursive-descent parser that builds the tree of ast.ts directly from the
 * scanner's packed tokens (tokens.ts).
 *
 * Every node is attached to its container *before* its children are parsed, so
 * a declaration cut short by a mistake still appears in the tree with what was
 * read of it.
 *
 * Recovery from a mistake, in three steps (the behaviour the fixtures pin; it is
 * the recovery of the Chevrotain parser this one replaced, kept so that no
 * diagnostic moved — see docs/ARCHITECTURE.md):
 * - A token that is missing is reported and assumed when the token found is one
 *   that may follow it (`calls a.` then `}`); a token found in the way is
 *   reported and skipped when the expected one stands right behind it.
 * - A block whose repetition meets something else (`service a { x owner t }`)
 *   reports it and skips ahead to the next member or the closing `}`, unless a
 *   token that closes an enclosing construct comes first.
 * - Otherwise the rule gives up: the error travels up to the innermost rule
 *   that may be followed by one of the tokens ahead (a service member, `}` …),
 *   which skips to that token and lets its caller go on from there. The
 *   outermost rule skips to the end of the declaration.
 * Each rule call records what may follow it in its caller (a `Follow`), which
 * is all the three steps need to know.
 *
 * parse.ts feeds one top-level declaration at a time (see split-declarations.ts).
 */
import type * as ast from './ast.js';
import { exact } from '../exact-list.js';
import {
  DOT,
  EOF,
  IDENTIFIER,
  isName,
  isValue,
  keywordKind as kw,
  LBRACE,
  NUMBER,
  DURATION,
  PERCENT,
  RBRACE,
  STRING,
  VERSION,
  type ScannedTokens,
} from './tokens.js';
import { BLOCK_WORDS, DECLARATION_WORDS, describeImage, END_OF_FILE, SLO_WORDS } from './error-messages.js';
import { durationMs, unquote, versionParts } from './literals.js';
import { BACKOFFS, CADENCES, oneOfWords, SERVICE_MEMBER_KEYWORDS, SLO_PERCENTILES, TIERS } from '../vocabulary.js';

// Messages with a list of words in them, built once rather than at every `latency` or `backoff`.
const EXPECTED_PERCENTILE = `expected a percentile (${oneOfWords(SLO_PERCENTILES)}) after \`latency\``;
const EXPECTED_BACKOFF = `expected ${oneOfWords(BACKOFFS)} after \`backoff\``;

/** An expected token: a kind, or one of the two classes of kinds. */
type Expected = number;
const NAME: Expected = -1;
const VALUE: Expected = -2;

function matches(kind: number, expected: Expected): boolean {
  if (expected >= 0) return kind === expected;
  return expected === NAME ? isName(kind) : isValue(kind);
}

/** What may come next: the first tokens of what follows, and whether all of that is optional. */
interface Follow {
  first: readonly Expected[];
  optional: boolean;
}
const follow = (first: Expected[], optional: boolean): Follow => ({ first, optional });

const TEAM = kw('team');
const SYSTEM = kw('system');
const SERVICE = kw('service');
const LIBRARY = kw('library');
const RULES = kw('rules');
const DEFAULTS = kw('defaults');
const ONCALL = kw('oncall');
const OWNER = kw('owner');
const TIER = kw('tier');
const CADENCE = kw('cadence');
const SCALING = kw('scaling');
const COMPLIANCE = kw('compliance');
const STORE = kw('store');
const READONLY = kw('readonly');
const API = kw('api');
const EVENT = kw('event');
const SLO = kw('slo');
const CALLS = kw('calls');
const SUBSCRIBES = kw('subscribes');
const USES = kw('uses');
const RUNTIME = kw('runtime');
const TIMEOUT = kw('timeout');
const RETRY = kw('retry');
const BACKOFF = kw('backoff');
const CIRCUIT_BREAKER = kw('circuit-breaker');
const LATENCY = kw('latency');
const AVAILABILITY = kw('availability');
const MAX = kw('max');

const MEMBER_STARTS = SERVICE_MEMBER_KEYWORDS.map((w) => kw(w));
const IS_MEMBER_START: boolean[] = [];
for (const k of MEMBER_STARTS) IS_MEMBER_START[k] = true;

// What follows each rule in its caller: where a rule that gives up may resume.
const NOTHING = follow([], true);
const IN_SYSTEM = follow([SERVICE, DEFAULTS, RBRACE], false);
const IN_SERVICE = follow([...MEMBER_STARTS, RBRACE], false);
const IN_SLO = follow([LATENCY, AVAILABILITY], true);
const IN_POLICY = follow([TIMEOUT, RETRY, CIRCUIT_BREAKER, RBRACE], false);

// What follows each token that may be missing, inside its own rule.
const AFTER_OPTIONAL_NAME = follow([STRING, LBRACE], true);
const AFTER_NAME = follow([STRING, LBRACE], false);
const AFTER_ONCALL_VALUE = follow([ONCALL, RBRACE], false);
const AFTER_SYSTEM_OPEN = follow([SERVICE, DEFAULTS, RBRACE], false);
const AFTER_SERVICE_OPEN = follow([...MEMBER_STARTS, RBRACE], false);
const AFTER_COMPLIANCE_TAG = follow([IDENTIFIER], true);
const AFTER_STORE_NAME = follow([IDENTIFIER, READONLY], true);
const AFTER_API_NAME = follow([VERSION, IDENTIFIER], true);
const AFTER_EVENT_NAME = follow([VERSION], true);
const AFTER_PERCENTILE = follow([VALUE], false);
const AFTER_CALL_TARGET = follow([DOT, VERSION, LBRACE], true);
const AFTER_CALL_API = follow([VERSION, LBRACE], true);
const AFTER_SUBSCRIBED_SERVICE = follow([DOT], false);
const AFTER_SUBSCRIBE_DOT = follow([NAME], false);
const AFTER_EVENT = follow([VERSION], true);
const AFTER_POLICY_OPEN = follow([TIMEOUT, RETRY, CIRCUIT_BREAKER, RBRACE], false);
const AFTER_RETRY_COUNT = follow([BACKOFF], true);
const AFTER_LIBRARY_OWNER = follow([OWNER, RBRACE], false);
const AFTER_RULES_OPEN = follow([NAME, RBRACE], false);
const AFTER_MAX = follow([NAME, RBRACE], false);

/** Thrown when a rule gives up; caught by the nearest rule that can resume (see the header). */
const GIVE_UP = new Error('syntax error: resynchronising');

const EMPTY: ScannedTokens = { count: 0, kinds: new Uint8Array(0), starts: new Int32Array(0), ends: new Int32Array(0) };

/** The blocks whose repetition recovers by itself (step two of the header), by what fills them. */
type Block = 'team' | 'system' | 'service' | 'library' | 'rules' | 'policy';

export interface SyntaxError {
  start: number;
  end: number;
  message: string;
}

type KeyValueKind = 'owner' | 'tier' | 'cadence' | 'scaling' | 'runtime' | 'uses';

/** The members that are a keyword and one name, with what each expects in words. */
const KEY_VALUES: Record<number, { kind: KeyValueKind; message: string }> = {};
for (const [kind, what] of [
  ['owner', 'a team name'],
  ['tier', `a tier (${oneOfWords(TIERS)})`],
  ['cadence', `a cadence (${oneOfWords(CADENCES)})`],
  ['scaling', 'a scaling profile such as read-heavy'],
  ['runtime', 'a runtime such as java, go or node'],
  ['uses', 'a library name'],
] as const) {
  KEY_VALUES[kw(kind)] = { kind, message: `expected ${what} after \`${kind}\`` };
}

export class SeamsParser {
  /** Errors in order of discovery; parse.ts reads them after each declaration. */
  errors: SyntaxError[] = [];
  /** Values of the wrong kind (`timeout fast`), reported after the other errors of their declaration. */
  valueErrors: SyntaxError[] = [];

  private text = '';
  private kinds: Uint8Array = new Uint8Array(0);
  private starts: Int32Array = new Int32Array(0);
  private ends: Int32Array = new Int32Array(0);
  /** The members of the service being parsed, for `keyValue`. */
  private members: ast.Member[] = [];
  /** The next token (what is looked at), and the bounds of the declaration's tokens. */
  private pos = 0;
  private from = 0;
  private end = 0;
  /** What follows each rule being parsed, outermost first (see the header). */
  private readonly stack: Follow[] = [];
  private depth = 0;

  /** Starts a file: `tokens` are the scanner's tokens of `text`. */
  begin(text: string, tokens: ScannedTokens): void {
    this.text = text;
    this.kinds = tokens.kinds;
    this.starts = tokens.starts;
    this.ends = tokens.ends;
  }

  /** Ends a file: lets go of its text, tokens and strings. */
  finish(): void {
    this.begin('', EMPTY);
  }

  /** Parses the top-level declaration made of tokens `from`..`to` of the file, appending it to `out`. */
  parseDeclaration(from: number, to: number, out: ast.TopLevel[]): void {
    this.pos = this.from = from;
    this.end = to;
    this.errors = [];
    this.valueErrors = [];
    this.depth = 0;
    this.call(NOTHING, this.declaration, out);
    if (this.pos < this.end) {
      this.error(`unexpected ${this.describe(this.pos)}: expected ${DECLARATION_WORDS}`, this.pos, -1);
    }
  }

  // ---- tokens ----

  private la(k: number): number {
    const i = this.pos + k - 1;
    return i < this.end ? this.kinds[i] : EOF;
  }

  /** The index of the token before the next one, or -1 at the start. */
  private previous(): number {
    return this.pos > this.from ? this.pos - 1 : -1;
  }

  private describe(i: number): string {
    return i < 0 ? END_OF_FILE : describeImage(this.image(i));
  }

  private image(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  /** Takes the next token, known to be the right one. */
  private take(): number {
    return this.pos++;
  }

  /**
   * Takes the next token if it is `expected`; otherwise reports `message` and
   * recovers: returns -1 when the token may be assumed missing, the token behind
   * when the one found was in the way, and gives up otherwise.
   */
  private consume(expected: Expected, message: string, after: Follow): number {
    const found = this.la(1);
    if (matches(found, expected)) return this.pos++;
    this.error(message, this.pos < this.end ? this.pos : -1, this.previous());
    if (this.mayFollow(after, found)) return -1;
    if (matches(this.la(2), expected)) {
      this.pos += 2;
      return this.pos - 1;
    }
    throw GIVE_UP;
  }

  /** True when `kind` may come next: after `after` in this rule or, where it is optional, after the enclosing rules. */
  private mayFollow(after: Follow, kind: number): boolean {
    if (after.first.some((e) => matches(kind, e))) return true;
    for (let d = this.depth - 1; after.optional && d >= 0; d--) {
      after = this.stack[d];
      if (after.first.some((e) => matches(kind, e))) return true;
    }
    return false;
  }

  private error(message: string, found: number, previous: number): void {
    this.errors.push({ ...this.errorSpan(found, previous), message });
  }

  /**
   * Where to point for an error: at the token found, unless that is the end of
   * the declaration or stands on a later line than the one before it — then
   * "expected a name after `calls`" points at `calls`, where the fix goes.
   */
  private errorSpan(found: number, previous: number): { start: number; end: number } {
    const { starts, ends } = this;
    if (found >= 0 && !(previous >= 0 && this.lineBreakBetween(ends[previous], starts[found]))) {
      return { start: starts[found], end: ends[found] };
    }
    const before = previous >= 0 ? previous : this.end - 1;
    return { start: starts[before], end: ends[before] };
  }

  private lineBreakBetween(from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 10 || c === 13) return true;
    }
    return false;
  }

  // ---- rules and recovery ----

  /** Parses one rule; if it gives up, resumes after it when what follows it comes first (see the header). */
  private call<A>(after: Follow, rule: (this: SeamsParser, arg: A) => void, arg: A): void {
    this.stack[this.depth++] = after;
    try {
      rule.call(this, arg);
    } catch (e) {
      if (e !== GIVE_UP) throw e;
      const resume = this.resumePoint();
      const kind = resume < this.end ? this.kinds[resume] : EOF;
      const here = this.depth === 1 ? kind === EOF : after.first.includes(kind);
      if (!here) throw e;
      this.pos = resume;
    } finally {
      this.depth--;
    }
  }

  /** The first token ahead that may follow one of the rules being parsed (or the end). */
  private resumePoint(): number {
    for (let i = this.pos; i < this.end; i++) {
      const kind = this.kinds[i];
      for (let d = 1; d < this.depth; d++) if (this.stack[d].first.includes(kind)) return i;
    }
    return this.end;
  }

  /** Parses a block's repetition, recovering from what does not belong in it (step two of the header). */
  private repeat(block: Block, node: ast.Span): void {
    for (;;) {
      while (this.startsIteration(block)) this.iteration(block, node);
      if (!this.skipToIteration(block)) return;
    }
  }

  /** Returns true when tokens were skipped up to a new iteration; the caller repeats again. */
  private skipToIteration(block: Block): boolean {
    const found = this.la(1);
    // `}` comes next, or one token more or less will do: the closing brace handles it.
    if (found === RBRACE || this.mayFollow(NOTHING, found) || this.la(2) === RBRACE) return false;
    const resume = this.resumePoint();
    const first = this.pos;
    for (let i = this.pos; ; i++) {
      this.pos = i;
      const kind = this.la(1);
      if (kind === RBRACE || this.startsIteration(block)) {
        this.error(
          `expected ${BLOCK_WORDS[block]}, found ${this.describe(first < this.end ? first : -1)}`,
          first < this.end ? first : -1,
          this.previous(),
        );
        return kind !== RBRACE;
      }
      if (i >= resume) break;
    }
    this.pos = first;
    return false;
  }

  private startsIteration(block: Block): boolean {
    const k = this.la(1);
    switch (block) {
      case 'team':
        return k === ONCALL;
      case 'system':
        return k === SERVICE || k === DEFAULTS;
      case 'service':
        return IS_MEMBER_START[k] === true;
      case 'library':
        return k === OWNER;
      case 'rules':
        return isName(k);
      case 'policy':
        return k === TIMEOUT || k === RETRY || k === CIRCUIT_BREAKER;
    }
  }

  private iteration(block: Block, node: ast.Span): void {
    switch (block) {
      case 'team':
        return this.oncall(node as ast.TeamDecl);
      case 'system':
        if (this.la(1) === SERVICE) return this.call(IN_SYSTEM, this.service, (node as ast.SystemDecl).services);
        return this.call(IN_SYSTEM, this.defaults, (node as ast.SystemDecl).defaults);
      case 'service':
        return this.call(IN_SERVICE, this.member, node as ast.ServiceDecl);
      case 'library':
        return this.libraryOwner(node as ast.LibraryDecl);
      case 'rules':
        return this.ruleSetting(node as ast.RulesBlock);
      case 'policy':
        return this.call(IN_POLICY, this.policyEntry, node as ast.Policy);
    }
  }

  // ---- nodes ----

  private span(i: number): ast.Span {
    // A token assumed missing has no place in the text.
    return i < 0 ? { start: NaN, end: NaN } : { start: this.starts[i], end: this.ends[i] };
  }

  private name(i: number): ast.Name | undefined {
    return i < 0 ? undefined : { text: this.image(i), start: this.starts[i], end: this.ends[i] };
  }

  private stringLit(i: number): ast.StringLit {
    return { value: unquote(this.image(i)), start: this.starts[i], end: this.ends[i] };
  }

  private versionLit(i: number): ast.VersionLit {
    const text = this.image(i);
    return { text, parts: versionParts(text), start: this.starts[i], end: this.ends[i] };
  }

  private durationLit(i: number): ast.DurationLit {
    const text = this.image(i);
    return { text, ms: durationMs(text), start: this.starts[i], end: this.ends[i] };
  }

  private numberLit(i: number): ast.NumberLit {
    const text = this.image(i);
    const value = Number(text.endsWith('%') ? text.slice(0, -1) : text);
    return { text, value, start: this.starts[i], end: this.ends[i] };
  }

  /**
   * A value position takes any value token, then checks its kind here, so
   * `timeout fast` costs one error on `fast` and parsing goes on undisturbed.
   */
  private checkKind(i: number, expected: number, message: string): number {
    if (i < 0) return -1;
    if (this.kinds[i] === expected) return i;
    this.valueErrors.push({ start: this.starts[i], end: this.ends[i], message: `${message}, found \`${this.image(i)}\`` });
    return -1;
  }

  /** Ends `node` at the last token taken so far. */
  private close(node: ast.Span): void {
    const last = this.previous();
    if (last >= 0 && this.ends[last] > node.end) node.end = this.ends[last];
  }

  private openBrace(owner: string, after: Follow): ast.Braces {
    return { open: this.span(this.consume(LBRACE, `expected \`{\` to open ${owner}`, after)) };
  }

  private closeBrace(braces: ast.Braces, owner: string): void {
    const close = this.consume(RBRACE, `expected \`}\` to close ${owner}`, NOTHING);
    if (close >= 0) braces.close = this.span(close);
  }

  private keyword(): ast.Span {
    return this.span(this.take());
  }

  // ---- the grammar ----

  private declaration(out: ast.TopLevel[]): void {
    switch (this.la(1)) {
      case TEAM:
        return this.call(NOTHING, this.team, out);
      case SYSTEM:
        return this.call(NOTHING, this.system, out);
      case SERVICE:
        return this.call(NOTHING, this.service, out);
      case LIBRARY:
        return this.call(NOTHING, this.library, out);
      case RULES:
        return this.call(NOTHING, this.rules, out);
    }
    // The splitter starts every declaration with one of those keywords.
    this.error(`expected ${DECLARATION_WORDS}, found ${this.describe(this.pos < this.end ? this.pos : -1)}`, this.pos, this.previous());
    throw GIVE_UP;
  }

  private team(out: ast.TopLevel[]): void {
    const kw = this.keyword();
    const node: ast.TeamDecl = { kind: 'team', keyword: kw, oncall: [], start: kw.start, end: kw.end };
    out.push(node);
    node.name = this.name(this.consume(NAME, 'expected a team name after `team`', AFTER_OPTIONAL_NAME));
    if (this.la(1) === STRING) node.title = this.stringLit(this.take());
    if (this.la(1) === LBRACE) {
      const braces = (node.braces = this.openBrace('the team body', NOTHING));
      this.repeat('team', node);
      node.oncall = exact(node.oncall);
      this.closeBrace(braces, 'the team body');
    }
    this.close(node);
  }

  private oncall(node: ast.TeamDecl): void {
    const okw = this.keyword();
    const entry: ast.OncallEntry = { keyword: okw, start: okw.start, end: okw.end };
    node.oncall.push(entry);
    const msg = 'expected a string after `oncall`, such as "#team-oncall"';
    const ok = this.checkKind(this.consume(VALUE, msg, AFTER_ONCALL_VALUE), STRING, msg);
    if (ok >= 0) entry.value = this.stringLit(ok);
    this.close(entry);
  }

  private system(out: ast.TopLevel[]): void {
    const kw = this.keyword();
    const node: ast.SystemDecl = { kind: 'system', keyword: kw, services: [], defaults: [], start: kw.start, end: kw.end };
    out.push(node);
    node.name = this.name(this.consume(NAME, 'expected a system name after `system`', AFTER_NAME));
    if (this.la(1) === STRING) node.title = this.stringLit(this.take());
    const braces = (node.braces = this.openBrace('the system body', AFTER_SYSTEM_OPEN));
    this.repeat('system', node);
    node.services = exact(node.services);
    node.defaults = exact(node.defaults);
    this.closeBrace(braces, 'the system body');
    this.close(node);
  }

  /** `defaults { … }` in a system or a service: a keyword and a policy. */
  private defaults(sink: ast.DefaultsDecl[]): void {
    const kw = this.keyword();
    const node: ast.DefaultsDecl = { kind: 'defaults', keyword: kw, start: kw.start, end: kw.end };
    sink.push(node);
    this.call(NOTHING, this.policy, { owner: node, what: 'the defaults block' });
    this.close(node);
  }

  private service(sink: (ast.ServiceDecl | ast.TopLevel)[]): void {
    const kw = this.keyword();
    const node: ast.ServiceDecl = { kind: 'service', keyword: kw, members: [], defaults: [], start: kw.start, end: kw.end };
    sink.push(node);
    node.name = this.name(this.consume(NAME, 'expected a service name after `service`', AFTER_NAME));
    if (this.la(1) === STRING) node.title = this.stringLit(this.take());
    const braces = (node.braces = this.openBrace('the service body', AFTER_SERVICE_OPEN));
    this.repeat('service', node);
    node.members = exact(node.members);
    node.defaults = exact(node.defaults);
    this.closeBrace(braces, 'the service body');
    this.close(node);
  }

  private member(service: ast.ServiceDecl): void {
    const members = service.members;
    switch (this.la(1)) {
      case OWNER:
      case TIER:
      case CADENCE:
      case SCALING:
      case RUNTIME:
      case USES:
        this.members = members;
        return this.call(NOTHING, this.keyValue, KEY_VALUES[this.la(1)]);
      case COMPLIANCE:
        return this.call(NOTHING, this.compliance, members);
      case STORE:
        return this.call(NOTHING, this.store, members);
      case API:
        return this.call(NOTHING, this.api, members);
      case EVENT:
        return this.call(NOTHING, this.event, members);
      case SLO:
        return this.call(NOTHING, this.slo, members);
      case CALLS:
        return this.call(NOTHING, this.calls, members);
      case SUBSCRIBES:
        return this.call(NOTHING, this.subscribes, members);
      case DEFAULTS:
        return this.call(NOTHING, this.defaults, service.defaults);
    }
  }

  /** `owner X`, `tier X`, `cadence X`, `scaling X`, `runtime X`, `uses X`: a keyword and one required name. */
  private keyValue(m: { kind: KeyValueKind; message: string }): void {
    const kw = this.keyword();
    const node = { kind: m.kind, keyword: kw, start: kw.start, end: kw.end } as ast.OwnerMember | ast.UsesMember | ast.TierMember;
    this.members.push(node as ast.Member);
    const value = this.name(this.consume(NAME, m.message, NOTHING));
    if (node.kind === 'owner') node.team = value;
    else if (node.kind === 'uses') node.library = value;
    else node.value = value;
    this.close(node);
  }

  private compliance(members: ast.Member[]): void {
    const kw = this.keyword();
    const node: ast.ComplianceMember = { kind: 'compliance', keyword: kw, tags: [], start: kw.start, end: kw.end };
    members.push(node);
    const first = this.name(this.consume(NAME, 'expected a compliance tag such as pci or gdpr after `compliance`', AFTER_COMPLIANCE_TAG));
    if (first) node.tags.push(first);
    while (this.la(1) === IDENTIFIER) node.tags.push(this.name(this.take())!);
    node.tags = exact(node.tags);
    this.close(node);
  }

  private store(members: ast.Member[]): void {
    const kw = this.keyword();
    const node: ast.StoreMember = { kind: 'store', keyword: kw, start: kw.start, end: kw.end };
    members.push(node);
    node.name = this.name(this.consume(NAME, 'expected a store name after `store`', AFTER_STORE_NAME));
    if (this.la(1) === IDENTIFIER) node.storeKind = this.name(this.take());
    if (this.la(1) === READONLY) node.readonly = this.span(this.take());
    this.close(node);
  }

  private versions(into: ast.VersionLit[]): void {
    while (this.la(1) === VERSION) into.push(this.versionLit(this.take()));
  }

  private api(members: ast.Member[]): void {
    const kw = this.keyword();
    const node: ast.ApiMember = { kind: 'api', keyword: kw, versions: [], start: kw.start, end: kw.end };
    members.push(node);
    node.name = this.name(this.consume(NAME, 'expected an api name after `api`', AFTER_API_NAME));
    this.versions(node.versions);
    node.versions = exact(node.versions);
    if (this.la(1) === IDENTIFIER) node.protocol = this.name(this.take());
    this.close(node);
  }

  private event(members: ast.Member[]): void {
    const kw = this.keyword();
    const node: ast.EventMember = { kind: 'event', keyword: kw, versions: [], start: kw.start, end: kw.end };
    members.push(node);
    node.name = this.name(this.consume(NAME, 'expected an event name after `event`', AFTER_EVENT_NAME));
    this.versions(node.versions);
    node.versions = exact(node.versions);
    this.close(node);
  }

  private slo(members: ast.Member[]): void {
    const kw = this.keyword();
    const node: ast.SloMember = { kind: 'slo', keyword: kw, entries: [], start: kw.start, end: kw.end };
    members.push(node);
    let k = this.la(1);
    if (k !== LATENCY && k !== AVAILABILITY) {
      this.error(
        `expected ${SLO_WORDS}, found ${this.describe(this.pos < this.end ? this.pos : -1)}`,
        this.pos < this.end ? this.pos : -1,
        this.previous(),
      );
      throw GIVE_UP;
    }
    do {
      if (k === LATENCY) this.call(IN_SLO, this.latency, node);
      else this.call(IN_SLO, this.availability, node);
      k = this.la(1);
    } while (k === LATENCY || k === AVAILABILITY);
    node.entries = exact(node.entries);
    this.close(node);
  }

  private latency(slo: ast.SloMember): void {
    const kw = this.keyword();
    const entry: ast.LatencySlo = { kind: 'latency', keyword: kw, start: kw.start, end: kw.end };
    slo.entries.push(entry);
    entry.percentile = this.name(this.consume(NAME, EXPECTED_PERCENTILE, AFTER_PERCENTILE));
    const msg = 'expected a duration such as 200ms after the percentile';
    const ok = this.checkKind(this.consume(VALUE, msg, NOTHING), DURATION, msg);
    if (ok >= 0) entry.duration = this.durationLit(ok);
    this.close(entry);
  }

  private availability(slo: ast.SloMember): void {
    const kw = this.keyword();
    const entry: ast.AvailabilitySlo = { kind: 'availability', keyword: kw, start: kw.start, end: kw.end };
    slo.entries.push(entry);
    const msg = 'expected a percentage such as 99.9% after `availability`';
    const ok = this.checkKind(this.consume(VALUE, msg, NOTHING), PERCENT, msg);
    if (ok >= 0) entry.percent = this.numberLit(ok);
    this.close(entry);
  }

  private calls(members: ast.Member[]): void {
    const kw = this.keyword();
    const node: ast.CallsMember = { kind: 'calls', keyword: kw, start: kw.start, end: kw.end };
    members.push(node);
    node.target = this.name(this.consume(NAME, 'expected a service name after `calls`', AFTER_CALL_TARGET));
    if (this.la(1) === DOT) {
      node.dot = this.span(this.take());
      node.api = this.name(this.consume(NAME, 'expected an api name after `.`', AFTER_CALL_API));
    }
    if (this.la(1) === VERSION) node.version = this.versionLit(this.take());
    if (this.la(1) === LBRACE) this.call(NOTHING, this.policy, { owner: node, what: 'the call policy' });
    this.close(node);
  }

  private subscribes(members: ast.Member[]): void {
    const kw = this.keyword();
    const node: ast.SubscribesMember = { kind: 'subscribes', keyword: kw, start: kw.start, end: kw.end };
    members.push(node);
    node.target = this.name(this.consume(NAME, 'expected a service name after `subscribes`', AFTER_SUBSCRIBED_SERVICE));
    const dot = this.consume(DOT, 'expected `.` and an event name after the service in `subscribes`', AFTER_SUBSCRIBE_DOT);
    if (dot >= 0) node.dot = this.span(dot);
    node.event = this.name(this.consume(NAME, 'expected an event name after `.`', AFTER_EVENT));
    if (this.la(1) === VERSION) node.version = this.versionLit(this.take());
    this.close(node);
  }

  private policy(p: { owner: { policy?: ast.Policy }; what: string }): void {
    // Placed before its `{` is read, so that a policy missing it is still in the tree.
    const next = this.pos < this.end ? this.pos : -1;
    const open = this.span(next);
    const node: ast.Policy = { braces: { open }, entries: [], start: open.start, end: open.start };
    p.owner.policy = node;
    node.braces = this.openBrace(p.what, AFTER_POLICY_OPEN);
    this.repeat('policy', node);
    node.entries = exact(node.entries);
    this.closeBrace(node.braces, p.what);
    this.close(node);
  }

  private policyEntry(policy: ast.Policy): void {
    const k = this.la(1);
    const kw = this.keyword();
    if (k === TIMEOUT) {
      const entry: ast.TimeoutSetting = { kind: 'timeout', keyword: kw, start: kw.start, end: kw.end };
      policy.entries.push(entry);
      const msg = 'expected a duration such as 300ms after `timeout`';
      const ok = this.checkKind(this.consume(VALUE, msg, NOTHING), DURATION, msg);
      if (ok >= 0) entry.duration = this.durationLit(ok);
      this.close(entry);
    } else if (k === RETRY) {
      const entry: ast.RetrySetting = { kind: 'retry', keyword: kw, start: kw.start, end: kw.end };
      policy.entries.push(entry);
      const msg = 'expected a number of retries after `retry`';
      const ok = this.checkKind(this.consume(VALUE, msg, AFTER_RETRY_COUNT), NUMBER, msg);
      if (ok >= 0) entry.count = this.numberLit(ok);
      if (this.la(1) === BACKOFF) {
        entry.backoffKeyword = this.span(this.take());
        entry.backoff = this.name(this.consume(NAME, EXPECTED_BACKOFF, NOTHING));
      }
      this.close(entry);
    } else {
      policy.entries.push({ kind: 'circuit-breaker', keyword: kw, start: kw.start, end: kw.end });
    }
  }

  private library(out: ast.TopLevel[]): void {
    const kw = this.keyword();
    const node: ast.LibraryDecl = { kind: 'library', keyword: kw, owner: [], start: kw.start, end: kw.end };
    out.push(node);
    node.name = this.name(this.consume(NAME, 'expected a library name after `library`', AFTER_OPTIONAL_NAME));
    if (this.la(1) === STRING) node.title = this.stringLit(this.take());
    if (this.la(1) === LBRACE) {
      const braces = (node.braces = this.openBrace('the library body', NOTHING));
      this.repeat('library', node);
      node.owner = exact(node.owner);
      this.closeBrace(braces, 'the library body');
    }
    this.close(node);
  }

  private libraryOwner(node: ast.LibraryDecl): void {
    const okw = this.keyword();
    const owner: ast.OwnerMember = { kind: 'owner', keyword: okw, start: okw.start, end: okw.end };
    node.owner.push(owner);
    owner.team = this.name(this.consume(NAME, 'expected a team name after `owner`', AFTER_LIBRARY_OWNER));
    this.close(owner);
  }

  private rules(out: ast.TopLevel[]): void {
    const kw = this.keyword();
    const node: ast.RulesBlock = { kind: 'rules', keyword: kw, settings: [], start: kw.start, end: kw.end };
    out.push(node);
    const braces = (node.braces = this.openBrace('the rules block', AFTER_RULES_OPEN));
    this.repeat('rules', node);
    node.settings = exact(node.settings);
    this.closeBrace(braces, 'the rules block');
    this.close(node);
  }

  private ruleSetting(node: ast.RulesBlock): void {
    const i = this.take();
    const rule = this.span(i);
    const setting: ast.RuleSettingDecl = { rule: { text: this.image(i), ...rule }, ...rule };
    node.settings.push(setting);
    if (this.la(1) === IDENTIFIER) {
      setting.severity = this.name(this.take());
      if (setting.severity?.text === 'off') setting.off = { start: setting.severity.start, end: setting.severity.end };
    }
    if (this.la(1) === MAX) {
      setting.maxKeyword = this.span(this.take());
      const msg = 'expected a number after `max`';
      const ok = this.checkKind(this.consume(VALUE, msg, AFTER_MAX), NUMBER, msg);
      if (ok >= 0) setting.max = this.numberLit(ok);
    }
    this.close(setting);
  }
}
