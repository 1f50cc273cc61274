/**
 * The Chevrotain grammar of Seams (docs/language.md, "Grammar").
 *
 * An embedded-actions parser that builds the AST of ast.ts directly (no CST):
 * the fastest of Chevrotain's styles. Error recovery is on, and every node is
 * attached to its container *before* its children are parsed, so a declaration
 * cut short by a mistake still appears in the tree with what was read of it.
 * Every CONSUME where users make mistakes carries an ERR_MSG in words;
 * error-messages.ts words the rest.
 *
 * Speed: containers are passed through fields (`declarationSink`, `memberSink`,
 * …) rather than rule arguments, and the alternatives of each OR are built once
 * and cached, because allocating them per member made the garbage collector the
 * largest cost of a parse. Code that must not run while Chevrotain records the
 * grammar (at construction, with placeholder tokens) is harmless by design: it
 * only writes into placeholder nodes.
 *
 * parse.ts feeds one top-level declaration at a time (see split-declarations.ts).
 */
import { EmbeddedActionsParser, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import type * as ast from './ast.js';
import * as t from './tokens.js';
import { seamsErrorMessages } from './error-messages.js';
import { durationMs, unquote, versionParts } from './literals.js';
import { BACKOFFS, CADENCES, oneOfWords, SLO_PERCENTILES, TIERS } from '../vocabulary.js';

function span(tok: IToken): ast.Span {
  return { start: tok.startOffset, end: tok.startOffset + tok.image.length };
}

/** A token that the parser invented during recovery, or the end of input: not real text. */
function isMissing(tok: IToken): boolean {
  return tok.isInsertedInRecovery === true || Number.isNaN(tok.startOffset) || tok.image === '';
}

function name(tok: IToken): ast.Name | undefined {
  return isMissing(tok) ? undefined : { text: tok.image, start: tok.startOffset, end: tok.startOffset + tok.image.length };
}

function stringLit(tok: IToken): ast.StringLit {
  return { value: unquote(tok.image), start: tok.startOffset, end: tok.startOffset + tok.image.length };
}

function versionLit(tok: IToken): ast.VersionLit | undefined {
  if (isMissing(tok)) return undefined;
  return { text: tok.image, parts: versionParts(tok.image), start: tok.startOffset, end: tok.startOffset + tok.image.length };
}

function durationLit(tok: IToken): ast.DurationLit {
  return { text: tok.image, ms: durationMs(tok.image), start: tok.startOffset, end: tok.startOffset + tok.image.length };
}

function numberLit(tok: IToken): ast.NumberLit {
  const value = Number(tok.image.endsWith('%') ? tok.image.slice(0, -1) : tok.image);
  return { text: tok.image, value, start: tok.startOffset, end: tok.startOffset + tok.image.length };
}

type KeyValueKind = 'owner' | 'tier' | 'cadence' | 'scaling' | 'runtime' | 'uses';

export class SeamsParser extends EmbeddedActionsParser {
  /** Values of the wrong kind (`timeout fast`), found by `checkKind`; parse.ts reads and clears them. */
  public valueErrors: { start: number; end: number; message: string }[] = [];

  // Where the rule being parsed puts its node (see the header comment).
  private declarationSink: ast.TopLevel[] = [];
  private serviceSink: (ast.ServiceDecl | ast.TopLevel)[] = [];
  private systemDefaultsSink: ast.DefaultsDecl[] = [];
  private serviceDefaultsSink: ast.DefaultsDecl[] = [];
  private memberSink: ast.Member[] = [];
  private policyOwner: { policy?: ast.Policy } = {};
  private policyWhat = '';
  private sloNode: ast.SloMember | undefined;
  private policyNode: ast.Policy | undefined;

  // Alternatives of each OR, built once (see the header comment).
  private declarationAlts?: IOrAlt<void>[];
  private systemAlts?: IOrAlt<void>[];
  private memberAlts?: IOrAlt<void>[];
  private sloAlts?: IOrAlt<void>[];
  private policyAlts?: IOrAlt<void>[];

  constructor() {
    super(t.ALL_TOKENS, {
      recoveryEnabled: true,
      maxLookahead: 2,
      errorMessageProvider: seamsErrorMessages,
      skipValidations: true,
    });
    this.performSelfAnalysis();
  }

  /** Parses one top-level declaration from `tokens`, appending it to `out`. */
  parseDeclaration(tokens: IToken[], out: ast.TopLevel[]): void {
    this.input = tokens;
    this.declarationSink = out;
    this.serviceSink = out;
    this.declaration();
  }

  /**
   * Checks that a token consumed in a value position has the kind `expected`;
   * otherwise records `message` (with what was found) and returns undefined.
   */
  private checkKind(tok: IToken, expected: TokenType, message: string): IToken | undefined {
    if (isMissing(tok) || this.recording) return undefined;
    if (tok.tokenType === expected) return tok;
    this.valueErrors.push({ ...span(tok), message: `${message}, found \`${tok.image}\`` });
    return undefined;
  }

  /** True while Chevrotain records the grammar with placeholder tokens (at construction). */
  private get recording(): boolean {
    return (this as unknown as { RECORDING_PHASE: boolean }).RECORDING_PHASE;
  }

  /** Ends `node` at the last token consumed so far. */
  private close(node: ast.Span): void {
    const last = this.LA(0);
    if (!isMissing(last)) node.end = Math.max(node.end, last.startOffset + last.image.length);
  }

  private openBrace(owner: string): ast.Braces {
    const open = this.CONSUME(t.LBrace, { ERR_MSG: `expected \`{\` to open ${owner}` });
    return { open: span(open) };
  }

  private closeBrace(braces: ast.Braces, owner: string): void {
    const close = this.CONSUME(t.RBrace, { ERR_MSG: `expected \`}\` to close ${owner}` });
    if (!isMissing(close)) braces.close = span(close);
  }

  private declaration = this.RULE('declaration', () => {
    this.OR(
      (this.declarationAlts ??= [
        { ALT: () => this.SUBRULE(this.team) },
        { ALT: () => this.SUBRULE(this.system) },
        { ALT: () => this.SUBRULE(this.service) },
        { ALT: () => this.SUBRULE(this.library) },
        { ALT: () => this.SUBRULE(this.rules) },
      ]),
    );
  });

  private team = this.RULE('team', () => {
    const kw = span(this.CONSUME(t.Team));
    const node: ast.TeamDecl = { kind: 'team', keyword: kw, oncall: [], start: kw.start, end: kw.end };
    this.declarationSink.push(node);
    node.name = name(this.CONSUME(t.Name, { ERR_MSG: 'expected a team name after `team`' }));
    this.OPTION(() => {
      node.title = stringLit(this.CONSUME(t.StringTok));
    });
    this.OPTION2(() => {
      const braces = (node.braces = this.openBrace('the team body'));
      this.MANY(() => {
        const okw = span(this.CONSUME(t.Oncall));
        const entry: ast.OncallEntry = { keyword: okw, start: okw.start, end: okw.end };
        node.oncall.push(entry);
        const msg = 'expected a string after `oncall`, such as "#team-oncall"';
        const ok = this.checkKind(this.CONSUME(t.Value, { ERR_MSG: msg }), t.StringTok, msg);
        if (ok) entry.value = stringLit(ok);
        this.close(entry);
      });
      this.closeBrace(braces, 'the team body');
    });
    this.close(node);
  });

  private system = this.RULE('system', () => {
    const kw = span(this.CONSUME(t.System));
    const node: ast.SystemDecl = { kind: 'system', keyword: kw, services: [], defaults: [], start: kw.start, end: kw.end };
    this.declarationSink.push(node);
    node.name = name(this.CONSUME(t.Name, { ERR_MSG: 'expected a system name after `system`' }));
    this.OPTION(() => {
      node.title = stringLit(this.CONSUME(t.StringTok));
    });
    const braces = (node.braces = this.openBrace('the system body'));
    this.serviceSink = node.services;
    this.systemDefaultsSink = node.defaults;
    this.MANY(() => {
      this.OR((this.systemAlts ??= [{ ALT: () => this.SUBRULE(this.service) }, { ALT: () => this.SUBRULE(this.defaults) }]));
    });
    this.closeBrace(braces, 'the system body');
    this.close(node);
  });

  /** A system's `defaults`; a service's are `serviceDefaults`, the same shape in another list. */
  private defaults = this.RULE('defaults', () => this.defaultsBody(this.systemDefaultsSink));
  private serviceDefaults = this.RULE('serviceDefaults', () => this.defaultsBody(this.serviceDefaultsSink));

  private defaultsBody(sink: ast.DefaultsDecl[]): void {
    const kw = span(this.CONSUME(t.Defaults));
    const node: ast.DefaultsDecl = { kind: 'defaults', keyword: kw, start: kw.start, end: kw.end };
    sink.push(node);
    this.policyOwner = node;
    this.policyWhat = 'the defaults block';
    this.SUBRULE(this.policy);
    this.close(node);
  }

  private service = this.RULE('service', () => {
    const kw = span(this.CONSUME(t.Service));
    const node: ast.ServiceDecl = { kind: 'service', keyword: kw, members: [], defaults: [], start: kw.start, end: kw.end };
    (this.serviceSink as ast.ServiceDecl[]).push(node);
    node.name = name(this.CONSUME(t.Name, { ERR_MSG: 'expected a service name after `service`' }));
    this.OPTION(() => {
      node.title = stringLit(this.CONSUME(t.StringTok));
    });
    const braces = (node.braces = this.openBrace('the service body'));
    this.memberSink = node.members;
    this.serviceDefaultsSink = node.defaults;
    this.MANY(() => this.SUBRULE(this.member));
    this.closeBrace(braces, 'the service body');
    this.close(node);
  });

  private member = this.RULE('member', () => {
    this.OR(
      (this.memberAlts ??= [
        { ALT: () => this.SUBRULE(this.owner) },
        { ALT: () => this.SUBRULE(this.tier) },
        { ALT: () => this.SUBRULE(this.cadence) },
        { ALT: () => this.SUBRULE(this.scaling) },
        { ALT: () => this.SUBRULE(this.compliance) },
        { ALT: () => this.SUBRULE(this.store) },
        { ALT: () => this.SUBRULE(this.api) },
        { ALT: () => this.SUBRULE(this.event) },
        { ALT: () => this.SUBRULE(this.slo) },
        { ALT: () => this.SUBRULE(this.calls) },
        { ALT: () => this.SUBRULE(this.subscribes) },
        { ALT: () => this.SUBRULE(this.runtime) },
        { ALT: () => this.SUBRULE(this.uses) },
        { ALT: () => this.SUBRULE(this.serviceDefaults) },
      ]),
    );
  });

  /** `owner X`, `tier X`, `cadence X`, `scaling X`, `runtime X`, `uses X`: a keyword and one required name. */
  private keyValue(kind: KeyValueKind, token: TokenType, what: string): void {
    const kw = span(this.CONSUME(token));
    const node = { kind, keyword: kw, start: kw.start, end: kw.end } as ast.OwnerMember | ast.UsesMember | ast.TierMember;
    this.memberSink.push(node as ast.Member);
    const value = name(this.CONSUME(t.Name, { ERR_MSG: `expected ${what} after \`${kind}\`` }));
    if (node.kind === 'owner') node.team = value;
    else if (node.kind === 'uses') node.library = value;
    else node.value = value;
    this.close(node);
  }

  private owner = this.RULE('owner', () => this.keyValue('owner', t.Owner, 'a team name'));
  private tier = this.RULE('tier', () => this.keyValue('tier', t.Tier, `a tier (${oneOfWords(TIERS)})`));
  private cadence = this.RULE('cadence', () => this.keyValue('cadence', t.Cadence, `a cadence (${oneOfWords(CADENCES)})`));
  private runtime = this.RULE('runtime', () => this.keyValue('runtime', t.Runtime, 'a runtime such as java, go or node'));
  private uses = this.RULE('uses', () => this.keyValue('uses', t.Uses, 'a library name'));
  private scaling = this.RULE('scaling', () => this.keyValue('scaling', t.Scaling, 'a scaling profile such as read-heavy'));

  private compliance = this.RULE('compliance', () => {
    const kw = span(this.CONSUME(t.Compliance));
    const node: ast.ComplianceMember = { kind: 'compliance', keyword: kw, tags: [], start: kw.start, end: kw.end };
    this.memberSink.push(node);
    const first = name(this.CONSUME(t.Name, { ERR_MSG: 'expected a compliance tag such as pci or gdpr after `compliance`' }));
    if (first) node.tags.push(first);
    this.MANY(() => {
      const more = name(this.CONSUME(t.Identifier));
      if (more) node.tags.push(more);
    });
    this.close(node);
  });

  private store = this.RULE('store', () => {
    const kw = span(this.CONSUME(t.Store));
    const node: ast.StoreMember = { kind: 'store', keyword: kw, start: kw.start, end: kw.end };
    this.memberSink.push(node);
    node.name = name(this.CONSUME(t.Name, { ERR_MSG: 'expected a store name after `store`' }));
    this.OPTION(() => {
      node.storeKind = name(this.CONSUME(t.Identifier));
    });
    this.OPTION2(() => {
      node.readonly = span(this.CONSUME(t.Readonly));
    });
    this.close(node);
  });

  private versions(into: ast.VersionLit[]): void {
    this.MANY(() => {
      const lit = versionLit(this.CONSUME(t.Version));
      if (lit) into.push(lit);
    });
  }

  private api = this.RULE('api', () => {
    const kw = span(this.CONSUME(t.Api));
    const node: ast.ApiMember = { kind: 'api', keyword: kw, versions: [], start: kw.start, end: kw.end };
    this.memberSink.push(node);
    node.name = name(this.CONSUME(t.Name, { ERR_MSG: 'expected an api name after `api`' }));
    this.versions(node.versions);
    this.OPTION(() => {
      node.protocol = name(this.CONSUME(t.Identifier));
    });
    this.close(node);
  });

  private event = this.RULE('event', () => {
    const kw = span(this.CONSUME(t.Event));
    const node: ast.EventMember = { kind: 'event', keyword: kw, versions: [], start: kw.start, end: kw.end };
    this.memberSink.push(node);
    node.name = name(this.CONSUME(t.Name, { ERR_MSG: 'expected an event name after `event`' }));
    this.versions(node.versions);
    this.close(node);
  });

  private slo = this.RULE('slo', () => {
    const kw = span(this.CONSUME(t.Slo));
    const node: ast.SloMember = { kind: 'slo', keyword: kw, entries: [], start: kw.start, end: kw.end };
    this.memberSink.push(node);
    this.sloNode = node;
    this.AT_LEAST_ONE({
      ERR_MSG: 'expected `latency` or `availability` after `slo`',
      DEF: () => this.OR((this.sloAlts ??= [{ ALT: () => this.SUBRULE(this.latency) }, { ALT: () => this.SUBRULE(this.availability) }])),
    });
    this.close(node);
  });

  private latency = this.RULE('latency', () => {
    const kw = span(this.CONSUME(t.Latency));
    const entry: ast.LatencySlo = { kind: 'latency', keyword: kw, start: kw.start, end: kw.end };
    this.sloNode?.entries.push(entry);
    entry.percentile = name(this.CONSUME(t.Name, { ERR_MSG: `expected a percentile (${oneOfWords(SLO_PERCENTILES)}) after \`latency\`` }));
    const msg = 'expected a duration such as 200ms after the percentile';
    const ok = this.checkKind(this.CONSUME(t.Value, { ERR_MSG: msg }), t.Duration, msg);
    if (ok) entry.duration = durationLit(ok);
    this.close(entry);
  });

  private availability = this.RULE('availability', () => {
    const kw = span(this.CONSUME(t.Availability));
    const entry: ast.AvailabilitySlo = { kind: 'availability', keyword: kw, start: kw.start, end: kw.end };
    this.sloNode?.entries.push(entry);
    const msg = 'expected a percentage such as 99.9% after `availability`';
    const ok = this.checkKind(this.CONSUME(t.Value, { ERR_MSG: msg }), t.Percent, msg);
    if (ok) entry.percent = numberLit(ok);
    this.close(entry);
  });

  private calls = this.RULE('calls', () => {
    const kw = span(this.CONSUME(t.Calls));
    const node: ast.CallsMember = { kind: 'calls', keyword: kw, start: kw.start, end: kw.end };
    this.memberSink.push(node);
    node.target = name(this.CONSUME(t.Name, { ERR_MSG: 'expected a service name after `calls`' }));
    this.OPTION(() => {
      node.dot = span(this.CONSUME(t.Dot));
      node.api = name(this.CONSUME2(t.Name, { ERR_MSG: 'expected an api name after `.`' }));
    });
    this.OPTION2(() => {
      node.version = versionLit(this.CONSUME(t.Version));
    });
    this.OPTION3(() => {
      this.policyOwner = node;
      this.policyWhat = 'the call policy';
      this.SUBRULE(this.policy);
    });
    this.close(node);
  });

  private subscribes = this.RULE('subscribes', () => {
    const kw = span(this.CONSUME(t.Subscribes));
    const node: ast.SubscribesMember = { kind: 'subscribes', keyword: kw, start: kw.start, end: kw.end };
    this.memberSink.push(node);
    node.target = name(this.CONSUME(t.Name, { ERR_MSG: 'expected a service name after `subscribes`' }));
    const dot = this.CONSUME(t.Dot, { ERR_MSG: 'expected `.` and an event name after the service in `subscribes`' });
    if (!isMissing(dot)) node.dot = span(dot);
    node.event = name(this.CONSUME2(t.Name, { ERR_MSG: 'expected an event name after `.`' }));
    this.OPTION(() => {
      node.version = versionLit(this.CONSUME(t.Version));
    });
    this.close(node);
  });

  private policy = this.RULE('policy', () => {
    const what = this.policyWhat;
    const next = this.LA(1);
    const node: ast.Policy = { braces: { open: span(next) }, entries: [], start: next.startOffset, end: next.startOffset };
    this.policyOwner.policy = node;
    node.braces = this.openBrace(what);
    this.policyNode = node;
    this.MANY(() =>
      this.OR(
        (this.policyAlts ??= [
          { ALT: () => this.SUBRULE(this.timeout) },
          { ALT: () => this.SUBRULE(this.retry) },
          { ALT: () => this.SUBRULE(this.circuitBreaker) },
        ]),
      ),
    );
    this.closeBrace(node.braces, what);
    this.close(node);
  });

  private timeout = this.RULE('timeout', () => {
    const kw = span(this.CONSUME(t.Timeout));
    const entry: ast.TimeoutSetting = { kind: 'timeout', keyword: kw, start: kw.start, end: kw.end };
    this.policyNode?.entries.push(entry);
    const msg = 'expected a duration such as 300ms after `timeout`';
    const ok = this.checkKind(this.CONSUME(t.Value, { ERR_MSG: msg }), t.Duration, msg);
    if (ok) entry.duration = durationLit(ok);
    this.close(entry);
  });

  private retry = this.RULE('retry', () => {
    const kw = span(this.CONSUME(t.Retry));
    const entry: ast.RetrySetting = { kind: 'retry', keyword: kw, start: kw.start, end: kw.end };
    this.policyNode?.entries.push(entry);
    const msg = 'expected a number of retries after `retry`';
    const ok = this.checkKind(this.CONSUME(t.Value, { ERR_MSG: msg }), t.NumberTok, msg);
    if (ok) entry.count = numberLit(ok);
    this.OPTION(() => {
      entry.backoffKeyword = span(this.CONSUME(t.Backoff));
      entry.backoff = name(this.CONSUME(t.Name, { ERR_MSG: `expected ${oneOfWords(BACKOFFS)} after \`backoff\`` }));
    });
    this.close(entry);
  });

  private circuitBreaker = this.RULE('circuitBreaker', () => {
    const kw = span(this.CONSUME(t.CircuitBreaker));
    this.policyNode?.entries.push({ kind: 'circuit-breaker', keyword: kw, start: kw.start, end: kw.end });
  });

  private library = this.RULE('library', () => {
    const kw = span(this.CONSUME(t.Library));
    const node: ast.LibraryDecl = { kind: 'library', keyword: kw, owner: [], start: kw.start, end: kw.end };
    this.declarationSink.push(node);
    node.name = name(this.CONSUME(t.Name, { ERR_MSG: 'expected a library name after `library`' }));
    this.OPTION(() => {
      node.title = stringLit(this.CONSUME(t.StringTok));
    });
    this.OPTION2(() => {
      const braces = (node.braces = this.openBrace('the library body'));
      this.MANY(() => {
        const okw = span(this.CONSUME(t.Owner));
        const owner: ast.OwnerMember = { kind: 'owner', keyword: okw, start: okw.start, end: okw.end };
        node.owner.push(owner);
        owner.team = name(this.CONSUME2(t.Name, { ERR_MSG: 'expected a team name after `owner`' }));
        this.close(owner);
      });
      this.closeBrace(braces, 'the library body');
    });
    this.close(node);
  });

  private rules = this.RULE('rules', () => {
    const kw = span(this.CONSUME(t.Rules));
    const node: ast.RulesBlock = { kind: 'rules', keyword: kw, settings: [], start: kw.start, end: kw.end };
    this.declarationSink.push(node);
    const braces = (node.braces = this.openBrace('the rules block'));
    this.MANY(() => {
      const rule = this.CONSUME(t.Name);
      const setting: ast.RuleSettingDecl = { rule: { text: rule.image, ...span(rule) }, ...span(rule) };
      node.settings.push(setting);
      this.OPTION(() => {
        setting.severity = name(this.CONSUME(t.Identifier));
        if (setting.severity?.text === 'off') setting.off = { start: setting.severity.start, end: setting.severity.end };
      });
      this.OPTION2(() => {
        setting.maxKeyword = span(this.CONSUME(t.Max));
        const msg = 'expected a number after `max`';
        const ok = this.checkKind(this.CONSUME(t.Value, { ERR_MSG: msg }), t.NumberTok, msg);
        if (ok) setting.max = numberLit(ok);
      });
      this.close(setting);
    });
    this.closeBrace(braces, 'the rules block');
    this.close(node);
  });
}
