/**
 * The Chevrotain grammar of Seams (docs/language.md, "Grammar").
 *
 * An embedded-actions parser that builds the AST of ast.ts directly (no CST):
 * it is the fastest of Chevrotain's styles. Error recovery is on, and every node
 * is attached to its parent *before* its children are parsed (inside ACTION), so
 * a declaration cut short by a mistake still appears in the tree with what was
 * read of it. Every CONSUME at a place where users make mistakes carries an
 * ERR_MSG in words; error-messages.ts words the rest.
 *
 * The parser parses one top-level declaration at a time (split-declarations.ts
 * cuts the token stream), so a mistake cannot spill into the next declaration.
 */
import { EmbeddedActionsParser, type IToken, type TokenType } from 'chevrotain';
import type * as ast from './ast.js';
import * as t from './tokens.js';
import { seamsErrorMessages } from './error-messages.js';
import { durationMs, unquote, versionParts } from './literals.js';

function span(tok: IToken): ast.Span {
  return { start: tok.startOffset, end: tok.startOffset + tok.image.length };
}

/** A token that the parser invented during recovery, or the end of input: not real text. */
function isMissing(tok: IToken): boolean {
  return tok.isInsertedInRecovery === true || Number.isNaN(tok.startOffset) || tok.image === '';
}

function name(tok: IToken): ast.Name | undefined {
  return isMissing(tok) ? undefined : { text: tok.image, ...span(tok) };
}

function stringLit(tok: IToken): ast.StringLit | undefined {
  return isMissing(tok) ? undefined : { value: unquote(tok.image), ...span(tok) };
}

function versionLit(tok: IToken): ast.VersionLit | undefined {
  return isMissing(tok) ? undefined : { text: tok.image, parts: versionParts(tok.image), ...span(tok) };
}

function durationLit(tok: IToken): ast.DurationLit | undefined {
  return isMissing(tok) ? undefined : { text: tok.image, ms: durationMs(tok.image), ...span(tok) };
}

function numberLit(tok: IToken): ast.NumberLit | undefined {
  return isMissing(tok) ? undefined : { text: tok.image, value: Number(tok.image.replace('%', '')), ...span(tok) };
}

export class SeamsParser extends EmbeddedActionsParser {
  constructor() {
    super(t.ALL_TOKENS, {
      recoveryEnabled: true,
      maxLookahead: 2,
      errorMessageProvider: seamsErrorMessages,
      skipValidations: true,
    });
    this.performSelfAnalysis();
  }

  /** Values of the wrong kind (`timeout fast`), found by `valueOf`; parse.ts reads and clears them. */
  public valueErrors: { start: number; end: number; message: string }[] = [];

  /**
   * Checks that a token consumed in a value position has the kind `expected`;
   * otherwise records `message` (with what was found) and returns undefined.
   */
  private valueOf(tok: IToken, expected: TokenType, message: string): IToken | undefined {
    if (isMissing(tok)) return undefined;
    if (tok.tokenType === expected) return tok;
    this.valueErrors.push({ ...span(tok), message: `${message}, found \`${tok.image}\`` });
    return undefined;
  }

  /** Ends `node` at the last token consumed so far. */
  private close(node: ast.Span): void {
    const last = this.LA(0);
    if (!isMissing(last)) node.end = Math.max(node.end, last.startOffset + last.image.length);
  }

  private braces(owner: string, body: () => void): ast.Braces {
    const open = this.CONSUME(t.LBrace, { ERR_MSG: `expected \`{\` to open ${owner}` });
    const braces: ast.Braces = { open: span(open) };
    body();
    const close = this.CONSUME(t.RBrace, { ERR_MSG: `expected \`}\` to close ${owner}` });
    this.ACTION(() => {
      if (!isMissing(close)) braces.close = span(close);
    });
    return braces;
  }

  public declaration = this.RULE('declaration', (out: ast.TopLevel[]) => {
    this.OR([
      { ALT: () => this.SUBRULE(this.team, { ARGS: [out] }) },
      { ALT: () => this.SUBRULE(this.system, { ARGS: [out] }) },
      { ALT: () => this.SUBRULE(this.service, { ARGS: [out] }) },
      { ALT: () => this.SUBRULE(this.rules, { ARGS: [out] }) },
    ]);
  });

  private team = this.RULE('team', (out: ast.TopLevel[]) => {
    const kw = this.CONSUME(t.Team);
    const node: ast.TeamDecl = { kind: 'team', keyword: span(kw), oncall: [], ...span(kw) };
    this.ACTION(() => out.push(node));
    const id = this.CONSUME(t.Name, { ERR_MSG: 'expected a team name after `team`' });
    this.ACTION(() => (node.name = name(id)));
    this.OPTION(() => {
      const title = this.CONSUME(t.StringTok);
      this.ACTION(() => (node.title = stringLit(title)));
    });
    this.OPTION2(() => {
      node.braces = this.braces('the team body', () => {
        this.MANY(() => {
          const okw = this.CONSUME(t.Oncall);
          const entry: ast.OncallEntry = { keyword: span(okw), ...span(okw) };
          this.ACTION(() => node.oncall.push(entry));
          const msg = 'expected a string after `oncall`, such as "#team-oncall"';
          const value = this.CONSUME(t.Value, { ERR_MSG: msg });
          this.ACTION(() => {
            const ok = this.valueOf(value, t.StringTok, msg);
            entry.value = ok && stringLit(ok);
            this.close(entry);
          });
        });
      });
    });
    this.ACTION(() => this.close(node));
  });

  private system = this.RULE('system', (out: ast.TopLevel[]) => {
    const kw = this.CONSUME(t.System);
    const node: ast.SystemDecl = { kind: 'system', keyword: span(kw), services: [], defaults: [], ...span(kw) };
    this.ACTION(() => out.push(node));
    const id = this.CONSUME(t.Name, { ERR_MSG: 'expected a system name after `system`' });
    this.ACTION(() => (node.name = name(id)));
    this.OPTION(() => {
      const title = this.CONSUME(t.StringTok);
      this.ACTION(() => (node.title = stringLit(title)));
    });
    node.braces = this.braces('the system body', () => {
      this.MANY(() => {
        this.OR([
          { ALT: () => this.SUBRULE(this.service, { ARGS: [node.services] }) },
          { ALT: () => this.SUBRULE(this.defaults, { ARGS: [node.defaults] }) },
        ]);
      });
    });
    this.ACTION(() => this.close(node));
  });

  private defaults = this.RULE('defaults', (out: ast.DefaultsDecl[]) => {
    const kw = this.CONSUME(t.Defaults);
    const node: ast.DefaultsDecl = { kind: 'defaults', keyword: span(kw), ...span(kw) };
    this.ACTION(() => out.push(node));
    this.SUBRULE(this.policy, { ARGS: [node, 'the defaults block'] });
    this.ACTION(() => this.close(node));
  });

  private service = this.RULE('service', (out: ast.ServiceDecl[] | ast.TopLevel[]) => {
    const kw = this.CONSUME(t.Service);
    const node: ast.ServiceDecl = { kind: 'service', keyword: span(kw), members: [], ...span(kw) };
    this.ACTION(() => (out as ast.TopLevel[]).push(node));
    const id = this.CONSUME(t.Name, { ERR_MSG: 'expected a service name after `service`' });
    this.ACTION(() => (node.name = name(id)));
    this.OPTION(() => {
      const title = this.CONSUME(t.StringTok);
      this.ACTION(() => (node.title = stringLit(title)));
    });
    node.braces = this.braces('the service body', () => {
      this.MANY(() => this.SUBRULE(this.member, { ARGS: [node.members] }));
    });
    this.ACTION(() => this.close(node));
  });

  private member = this.RULE('member', (out: ast.Member[]) => {
    this.OR({
      DEF: [
        { ALT: () => this.SUBRULE(this.owner, { ARGS: [out] }) },
        { ALT: () => this.SUBRULE(this.tier, { ARGS: [out] }) },
        { ALT: () => this.SUBRULE(this.cadence, { ARGS: [out] }) },
        { ALT: () => this.SUBRULE(this.scaling, { ARGS: [out] }) },
        { ALT: () => this.SUBRULE(this.compliance, { ARGS: [out] }) },
        { ALT: () => this.SUBRULE(this.store, { ARGS: [out] }) },
        { ALT: () => this.SUBRULE(this.api, { ARGS: [out] }) },
        { ALT: () => this.SUBRULE(this.event, { ARGS: [out] }) },
        { ALT: () => this.SUBRULE(this.slo, { ARGS: [out] }) },
        { ALT: () => this.SUBRULE(this.calls, { ARGS: [out] }) },
        { ALT: () => this.SUBRULE(this.subscribes, { ARGS: [out] }) },
      ],
    });
  });

  /** `owner X`, `tier X`, `cadence X`, `scaling X`: a keyword and one required name. */
  private keyValue<K extends 'owner' | 'tier' | 'cadence' | 'scaling'>(
    out: ast.Member[],
    kind: K,
    token: TokenType,
    what: string,
  ): void {
    const kw = this.CONSUME(token);
    const node = { kind, keyword: span(kw), ...span(kw) } as ast.Member & { kind: K };
    this.ACTION(() => out.push(node));
    const value = this.CONSUME(t.Name, { ERR_MSG: `expected ${what} after \`${kind}\`` });
    this.ACTION(() => {
      const n = name(value);
      if (kind === 'owner') (node as ast.OwnerMember).team = n;
      else (node as ast.TierMember | ast.CadenceMember | ast.ScalingMember).value = n;
      this.close(node);
    });
  }

  private owner = this.RULE('owner', (out: ast.Member[]) => this.keyValue(out, 'owner', t.Owner, 'a team name'));
  private tier = this.RULE('tier', (out: ast.Member[]) =>
    this.keyValue(out, 'tier', t.Tier, 'a tier (user-facing, internal or background)'),
  );
  private cadence = this.RULE('cadence', (out: ast.Member[]) =>
    this.keyValue(out, 'cadence', t.Cadence, 'a cadence (daily, weekly, monthly or quarterly)'),
  );
  private scaling = this.RULE('scaling', (out: ast.Member[]) =>
    this.keyValue(out, 'scaling', t.Scaling, 'a scaling profile such as read-heavy'),
  );

  private compliance = this.RULE('compliance', (out: ast.Member[]) => {
    const kw = this.CONSUME(t.Compliance);
    const node: ast.ComplianceMember = { kind: 'compliance', keyword: span(kw), tags: [], ...span(kw) };
    this.ACTION(() => out.push(node));
    const first = this.CONSUME(t.Name, { ERR_MSG: 'expected a compliance tag such as pci or gdpr after `compliance`' });
    this.ACTION(() => {
      const n = name(first);
      if (n) node.tags.push(n);
    });
    this.MANY(() => {
      const more = this.CONSUME(t.Identifier);
      this.ACTION(() => {
        const n = name(more);
        if (n) node.tags.push(n);
      });
    });
    this.ACTION(() => this.close(node));
  });

  private store = this.RULE('store', (out: ast.Member[]) => {
    const kw = this.CONSUME(t.Store);
    const node: ast.StoreMember = { kind: 'store', keyword: span(kw), ...span(kw) };
    this.ACTION(() => out.push(node));
    const id = this.CONSUME(t.Name, { ERR_MSG: 'expected a store name after `store`' });
    this.ACTION(() => (node.name = name(id)));
    this.OPTION(() => {
      const k = this.CONSUME(t.Identifier);
      this.ACTION(() => (node.storeKind = name(k)));
    });
    this.ACTION(() => this.close(node));
  });

  private api = this.RULE('api', (out: ast.Member[]) => {
    const kw = this.CONSUME(t.Api);
    const node: ast.ApiMember = { kind: 'api', keyword: span(kw), versions: [], ...span(kw) };
    this.ACTION(() => out.push(node));
    const id = this.CONSUME(t.Name, { ERR_MSG: 'expected an api name after `api`' });
    this.ACTION(() => (node.name = name(id)));
    this.MANY(() => {
      const v = this.CONSUME(t.Version);
      this.ACTION(() => {
        const lit = versionLit(v);
        if (lit) node.versions.push(lit);
      });
    });
    this.OPTION(() => {
      const p = this.CONSUME(t.Identifier);
      this.ACTION(() => (node.protocol = name(p)));
    });
    this.ACTION(() => this.close(node));
  });

  private event = this.RULE('event', (out: ast.Member[]) => {
    const kw = this.CONSUME(t.Event);
    const node: ast.EventMember = { kind: 'event', keyword: span(kw), versions: [], ...span(kw) };
    this.ACTION(() => out.push(node));
    const id = this.CONSUME(t.Name, { ERR_MSG: 'expected an event name after `event`' });
    this.ACTION(() => (node.name = name(id)));
    this.MANY(() => {
      const v = this.CONSUME(t.Version);
      this.ACTION(() => {
        const lit = versionLit(v);
        if (lit) node.versions.push(lit);
      });
    });
    this.ACTION(() => this.close(node));
  });

  private slo = this.RULE('slo', (out: ast.Member[]) => {
    const kw = this.CONSUME(t.Slo);
    const node: ast.SloMember = { kind: 'slo', keyword: span(kw), entries: [], ...span(kw) };
    this.ACTION(() => out.push(node));
    this.AT_LEAST_ONE({
      ERR_MSG: 'expected `latency` or `availability` after `slo`',
      DEF: () => {
        this.OR([
          {
            ALT: () => {
              const lkw = this.CONSUME(t.Latency);
              const entry: ast.LatencySlo = { kind: 'latency', keyword: span(lkw), ...span(lkw) };
              this.ACTION(() => node.entries.push(entry));
              const p = this.CONSUME2(t.Name, { ERR_MSG: 'expected a percentile (p50, p90, p95 or p99) after `latency`' });
              this.ACTION(() => (entry.percentile = name(p)));
              const msg = 'expected a duration such as 200ms after the percentile';
              const d = this.CONSUME(t.Value, { ERR_MSG: msg });
              this.ACTION(() => {
                const ok = this.valueOf(d, t.Duration, msg);
                entry.duration = ok && durationLit(ok);
                this.close(entry);
              });
            },
          },
          {
            ALT: () => {
              const akw = this.CONSUME(t.Availability);
              const entry: ast.AvailabilitySlo = { kind: 'availability', keyword: span(akw), ...span(akw) };
              this.ACTION(() => node.entries.push(entry));
              const msg = 'expected a percentage such as 99.9% after `availability`';
              const pct = this.CONSUME(t.Value, { ERR_MSG: msg });
              this.ACTION(() => {
                const ok = this.valueOf(pct, t.Percent, msg);
                entry.percent = ok && numberLit(ok);
                this.close(entry);
              });
            },
          },
        ]);
      },
    });
    this.ACTION(() => this.close(node));
  });

  private calls = this.RULE('calls', (out: ast.Member[]) => {
    const kw = this.CONSUME(t.Calls);
    const node: ast.CallsMember = { kind: 'calls', keyword: span(kw), ...span(kw) };
    this.ACTION(() => out.push(node));
    const target = this.CONSUME(t.Name, { ERR_MSG: 'expected a service name after `calls`' });
    this.ACTION(() => (node.target = name(target)));
    this.OPTION(() => {
      const dot = this.CONSUME(t.Dot);
      this.ACTION(() => (node.dot = span(dot)));
      const a = this.CONSUME2(t.Name, { ERR_MSG: 'expected an api name after `.`' });
      this.ACTION(() => (node.api = name(a)));
    });
    this.OPTION2(() => {
      const v = this.CONSUME(t.Version);
      this.ACTION(() => (node.version = versionLit(v)));
    });
    this.OPTION3(() => this.SUBRULE(this.policy, { ARGS: [node, 'the call policy'] }));
    this.ACTION(() => this.close(node));
  });

  private subscribes = this.RULE('subscribes', (out: ast.Member[]) => {
    const kw = this.CONSUME(t.Subscribes);
    const node: ast.SubscribesMember = { kind: 'subscribes', keyword: span(kw), ...span(kw) };
    this.ACTION(() => out.push(node));
    const target = this.CONSUME(t.Name, { ERR_MSG: 'expected a service name after `subscribes`' });
    this.ACTION(() => (node.target = name(target)));
    const dot = this.CONSUME(t.Dot, { ERR_MSG: 'expected `.` and an event name after the service in `subscribes`' });
    this.ACTION(() => {
      if (!isMissing(dot)) node.dot = span(dot);
    });
    const e = this.CONSUME2(t.Name, { ERR_MSG: 'expected an event name after `.`' });
    this.ACTION(() => (node.event = name(e)));
    this.OPTION(() => {
      const v = this.CONSUME(t.Version);
      this.ACTION(() => (node.version = versionLit(v)));
    });
    this.ACTION(() => this.close(node));
  });

  private policy = this.RULE('policy', (owner: { policy?: ast.Policy }, what: string) => {
    const node: ast.Policy = { braces: { open: { start: 0, end: 0 } }, entries: [], start: 0, end: 0 };
    this.ACTION(() => {
      const next = this.LA(1);
      node.start = node.end = next.startOffset;
      owner.policy = node;
    });
    node.braces = this.braces(what, () => {
      this.MANY(() => {
        this.OR([
          {
            ALT: () => {
              const kw = this.CONSUME(t.Timeout);
              const entry: ast.TimeoutSetting = { kind: 'timeout', keyword: span(kw), ...span(kw) };
              this.ACTION(() => node.entries.push(entry));
              const msg = 'expected a duration such as 300ms after `timeout`';
              const d = this.CONSUME(t.Value, { ERR_MSG: msg });
              this.ACTION(() => {
                const ok = this.valueOf(d, t.Duration, msg);
                entry.duration = ok && durationLit(ok);
                this.close(entry);
              });
            },
          },
          {
            ALT: () => {
              const kw = this.CONSUME(t.Retry);
              const entry: ast.RetrySetting = { kind: 'retry', keyword: span(kw), ...span(kw) };
              this.ACTION(() => node.entries.push(entry));
              const msg = 'expected a number of retries after `retry`';
              const n = this.CONSUME(t.Value, { ERR_MSG: msg });
              this.ACTION(() => {
                const ok = this.valueOf(n, t.NumberTok, msg);
                entry.count = ok && numberLit(ok);
              });
              this.OPTION(() => {
                const bkw = this.CONSUME(t.Backoff);
                this.ACTION(() => (entry.backoffKeyword = span(bkw)));
                const b = this.CONSUME2(t.Name, { ERR_MSG: 'expected exponential, fixed or none after `backoff`' });
                this.ACTION(() => (entry.backoff = name(b)));
              });
              this.ACTION(() => this.close(entry));
            },
          },
          {
            ALT: () => {
              const kw = this.CONSUME(t.CircuitBreaker);
              this.ACTION(() => node.entries.push({ kind: 'circuit-breaker', keyword: span(kw), ...span(kw) }));
            },
          },
        ]);
      });
    });
    this.ACTION(() => this.close(node));
  });

  private rules = this.RULE('rules', (out: ast.TopLevel[]) => {
    const kw = this.CONSUME(t.Rules);
    const node: ast.RulesBlock = { kind: 'rules', keyword: span(kw), settings: [], ...span(kw) };
    this.ACTION(() => out.push(node));
    node.braces = this.braces('the rules block', () => {
      this.MANY(() => {
        const rule = this.CONSUME(t.Name);
        const setting: ast.RuleSettingDecl = { rule: name(rule)!, ...span(rule) };
        this.ACTION(() => node.settings.push(setting));
        this.OPTION(() => {
          const value = this.CONSUME(t.Identifier);
          this.ACTION(() => (setting.severity = name(value)));
        });
        this.OPTION2(() => {
          const mkw = this.CONSUME(t.Max);
          this.ACTION(() => (setting.maxKeyword = span(mkw)));
          const msg = 'expected a number after `max`';
          const n = this.CONSUME(t.Value, { ERR_MSG: msg });
          this.ACTION(() => {
            const ok = this.valueOf(n, t.NumberTok, msg);
            setting.max = ok && numberLit(ok);
          });
        });
        this.ACTION(() => {
          if (setting.severity?.text === 'off') {
            setting.off = { start: setting.severity.start, end: setting.severity.end };
          }
          this.close(setting);
        });
      });
    });
    this.ACTION(() => this.close(node));
  });
}
