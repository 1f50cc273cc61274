/**
 * Completion candidates at a cursor. Works from the tokens before the cursor,
 * not from the syntax tree, because the text is usually half-typed when a
 * completion is asked for: it finds the block the cursor is in (by braces and
 * the keyword that opened each) and the statement typed so far in that block,
 * and offers what the grammar allows next, with names taken from the model
 * (which may be a keystroke old — names elsewhere rarely change while typing).
 */
import type { Model, Service } from '../model/model.js';
import type { Rule } from '../rules/rule.js';
import { compareVersionTexts } from '../syntax/literals.js';
import * as t from '../syntax/tokens.js';
import type { Token } from '../syntax/tokens.js';
import {
  BACKOFFS,
  CADENCES,
  DECLARATION_KEYWORDS,
  POLICY_KEYWORDS,
  RULE_OFF,
  SEAMS_IGNORE,
  SERVICE_MEMBER_KEYWORDS,
  SEVERITIES,
  SLO_PERCENTILES,
  TIERS,
} from '../vocabulary.js';

export type CandidateKind =
  'keyword' | 'team' | 'service' | 'library' | 'api' | 'event' | 'store' | 'version' | 'duration' | 'value' | 'rule';

export interface CompletionCandidate {
  label: string;
  kind: CandidateKind;
  /** A short line shown next to the label. */
  detail?: string;
  /** Markdown shown in the details pane. */
  documentation?: string;
  /** Keeps the order the server means (newest version first, …). */
  sortText?: string;
}

export interface CompletionResult {
  candidates: CompletionCandidate[];
  /** The span the chosen candidate replaces: the part of a name typed so far. */
  replaceStart: number;
  replaceEnd: number;
}

type BlockKind = 'top' | 'team' | 'system' | 'service' | 'library' | 'policy' | 'rules' | 'unknown';

/** Keywords that start a statement in each kind of block. */
const STARTERS: Record<BlockKind, readonly string[]> = {
  top: DECLARATION_KEYWORDS,
  team: ['oncall'],
  system: ['service', 'defaults'],
  service: SERVICE_MEMBER_KEYWORDS,
  library: ['owner'],
  policy: POLICY_KEYWORDS,
  rules: [],
  unknown: [],
};

const PERCENTILES: readonly string[] = SLO_PERCENTILES;
/** Most severe first, then `off`. */
const RULE_SEVERITY_WORDS: readonly string[] = [...[...SEVERITIES].reverse(), RULE_OFF];
/** Offered after `runtime` besides the runtimes the model already names. */
const COMMON_RUNTIMES = ['java', 'go', 'node', 'python', 'dotnet'];
const DURATIONS = ['100ms', '250ms', '500ms', '1s', '2s', '5s'];
const PERCENTS = ['99%', '99.9%', '99.95%', '99.99%'];
const RULE_VALUES = new Set([...RULE_SEVERITY_WORDS, 'max']);

interface Block {
  kind: BlockKind;
  /** The tokens of the statement typed so far in this block. */
  stmt: Token[];
  /** For a service block: its name, so a service is not offered as its own callee. */
  name?: string;
}

const WORD_CHAR = /[A-Za-z0-9_-]/;

export function completeAt(text: string, offset: number, model: Model | undefined, rules: readonly Rule[]): CompletionResult {
  const lexed = t.lexTokens(text);
  let wordStart = offset;
  while (wordStart > 0 && WORD_CHAR.test(text[wordStart - 1])) wordStart--;
  const none: CompletionResult = { candidates: [], replaceStart: wordStart, replaceEnd: offset };

  for (const c of lexed.comments) {
    const end = c.end;
    if (offset <= c.start || offset > end) continue;
    if (c.kind === 'block' && !c.unterminated && offset === end) continue;
    // Inside a comment only a seams-ignore directive's codes are completed.
    const head = SEAMS_IGNORE.exec(c.text);
    if (head && offset >= c.start + head[0].length) return { ...none, candidates: ruleCodes(rules) };
    return none;
  }

  const tokens = lexed.tokens;
  for (const tok of tokens) {
    const end = tok.end;
    if (tok.kind === t.STRING || tok.kind === t.UNTERMINATED_STRING) {
      if (tok.start < offset && (offset < end || tok.kind === t.UNTERMINATED_STRING || !tok.image.endsWith('"'))) return none;
    }
    // A version or duration being typed is replaced whole (`v1.2` holds a dot).
    if (end === offset && tok.start < wordStart && isLiteral(tok)) wordStart = tok.start;
  }
  const result = { ...none, replaceStart: wordStart };
  const before = tokens.filter((tok) => tok.end <= wordStart);
  const block = enclosingBlock(before);
  return { ...result, candidates: candidatesFor(block, model, rules) };
}

function isLiteral(tok: Token): boolean {
  return tok.kind === t.VERSION || tok.kind === t.DURATION || tok.kind === t.NUMBER || tok.kind === t.PERCENT;
}

/** Replays the tokens before the cursor to find the innermost open block and its statement so far. */
function enclosingBlock(tokens: readonly Token[]): Block {
  const stack: Block[] = [{ kind: 'top', stmt: [] }];
  for (const tok of tokens) {
    const top = stack[stack.length - 1];
    if (tok.kind === t.LBRACE) {
      const kind = blockKindFor(top.kind, top.stmt);
      const name = kind === 'service' ? top.stmt[1]?.image : undefined;
      top.stmt = [];
      stack.push({ kind, stmt: [], name });
    } else if (tok.kind === t.RBRACE) {
      if (stack.length > 1) stack.pop();
      stack[stack.length - 1].stmt = [];
    } else if (startsStatement(top, tok)) {
      top.stmt = [tok];
    } else {
      top.stmt.push(tok);
    }
  }
  const inner = stack[stack.length - 1];
  // Policies know their service through the enclosing block.
  if (inner.kind === 'policy') inner.name = stack[stack.length - 2]?.name;
  return inner;
}

function startsStatement(block: Block, tok: Token): boolean {
  if (block.kind === 'rules') {
    // `code [severity|off] [max N]`: a name that is none of those values starts the next setting.
    const prev = block.stmt[block.stmt.length - 1];
    return block.stmt.length === 0 || (!RULE_VALUES.has(tok.image) && prev?.image !== 'max');
  }
  return STARTERS[block.kind].includes(tok.image) && tok.kind !== t.IDENTIFIER;
}

function blockKindFor(parent: BlockKind, stmt: readonly Token[]): BlockKind {
  const head = stmt[0]?.image;
  if (parent === 'top' && (head === 'team' || head === 'system' || head === 'service' || head === 'library' || head === 'rules')) {
    return head;
  }
  if (parent === 'system' && head === 'service') return 'service';
  if ((parent === 'system' || parent === 'service') && head === 'defaults') return 'policy';
  if (parent === 'service' && head === 'calls') return 'policy';
  return 'unknown';
}

function candidatesFor(block: Block, model: Model | undefined, rules: readonly Rule[]): CompletionCandidate[] {
  const stmt = block.stmt;
  const keywords = () => STARTERS[block.kind].map((k) => ({ label: k, kind: 'keyword' as const }));
  if (block.kind === 'rules') return ruleCandidates(stmt, rules);
  if (stmt.length === 0) return keywords();
  const head = stmt[0].image;
  const rest = stmt.slice(1).map((x) => x.image);

  if (block.kind === 'service') {
    switch (head) {
      case 'owner':
        return rest.length === 0 ? teams(model) : keywords();
      case 'tier':
        return rest.length === 0 ? values(TIERS) : keywords();
      case 'cadence':
        return rest.length === 0 ? values(CADENCES) : keywords();
      case 'scaling':
        return rest.length === 0 ? values(collect(model, (s) => (s.scaling ? [s.scaling] : []))) : keywords();
      case 'compliance':
        return [...values(collect(model, (s) => s.compliance)), ...(rest.length ? keywords() : [])];
      case 'store': {
        // `store NAME [KIND] [readonly]`: readonly is offered after the name and after the kind.
        const readonly = { label: 'readonly', kind: 'keyword' as const, detail: 'this service only reads the store' };
        if (rest.length === 0) return stores(model);
        if (rest.length === 1) {
          return [...values(collect(model, (s) => s.stores.flatMap((u) => (u.kind ? [u.kind] : [])))), readonly, ...keywords()];
        }
        if (rest.length === 2 && rest[1] !== 'readonly') return [readonly, ...keywords()];
        return keywords();
      }
      case 'runtime':
        return rest.length === 0
          ? values([...new Set([...collect(model, (s) => (s.runtime ? [s.runtime.name] : [])), ...COMMON_RUNTIMES])])
          : keywords();
      case 'uses':
        return rest.length === 0 ? libraries(model, block.name) : keywords();
      case 'defaults':
        return [];
      case 'api':
        if (rest.length === 0) return [];
        return [...values(collect(model, (s) => [...s.apis.values()].flatMap((a) => (a.protocol ? [a.protocol] : [])))), ...keywords()];
      case 'event':
        return rest.length === 0 ? [] : keywords();
      case 'slo':
        return sloCandidates(rest, keywords);
      case 'calls':
      case 'subscribes':
        return dependencyCandidates(head, rest, block.name, model, keywords);
      default:
        return keywords();
    }
  }
  if (block.kind === 'policy') {
    if (head === 'timeout') return rest.length === 0 ? durations() : keywords();
    if (head === 'retry') {
      if (rest.length === 1) return [{ label: 'backoff', kind: 'keyword' }, ...keywords()];
      if (rest.length === 2 && rest[1] === 'backoff') return values(BACKOFFS);
      return rest.length === 0 ? [] : keywords();
    }
    return keywords();
  }
  if (block.kind === 'team') return head === 'oncall' && rest.length === 0 ? [] : keywords();
  if (block.kind === 'library') return head === 'owner' && rest.length === 0 ? teams(model) : keywords();
  // top and system: after `team`, `system`, `service`, `rules`, `defaults` comes a new name or a brace.
  if (block.kind === 'top' || block.kind === 'system') return rest.length === 0 ? [] : keywords();
  return [];
}

function sloCandidates(rest: string[], keywords: () => CompletionCandidate[]): CompletionCandidate[] {
  const last = rest[rest.length - 1];
  const entries = values(['latency', 'availability']).map((c) => ({ ...c, kind: 'keyword' as const }));
  if (last === 'latency') return values(PERCENTILES);
  if (last && PERCENTILES.includes(last) && rest[rest.length - 2] === 'latency') return durations();
  if (last === 'availability') return values(PERCENTS);
  return rest.length === 0 ? entries : [...entries, ...keywords()];
}

function dependencyCandidates(
  head: string,
  rest: string[],
  self: string | undefined,
  model: Model | undefined,
  keywords: () => CompletionCandidate[],
): CompletionCandidate[] {
  const kind = head === 'calls' ? 'api' : 'event';
  if (rest.length === 0) {
    const all = model ? [...model.services.values()] : [];
    return all
      .filter((s) => s.name !== self && (kind === 'api' || s.events.size > 0))
      .map((s) => ({
        label: s.name,
        kind: 'service',
        detail: [s.title, s.system && `system ${s.system.name}`].filter(Boolean).join(' · ') || undefined,
      }));
  }
  const target = model?.services.get(rest[0]);
  if (rest.length === 2 && rest[1] === '.') {
    const contracts = target ? [...(kind === 'api' ? target.apis : target.events).values()] : [];
    return contracts.map((c) => ({
      label: c.name,
      kind,
      detail: `${kind} of ${c.service.name}${c.versions.length ? ': ' + c.versions.map((v) => v.text).join(' ') : ''}`,
    }));
  }
  if (rest.length === 3 && rest[1] === '.') {
    const contract = target && (kind === 'api' ? target.apis : target.events).get(rest[2]);
    const versions = contract ? [...contract.versions].sort((a, b) => compareVersionTexts(b.text, a.text)) : [];
    return [
      ...versions.map((v, i) => ({
        label: v.text,
        kind: 'version' as const,
        detail: `offered by ${rest[0]}.${rest[2]}`,
        sortText: `0${String(i).padStart(4, '0')}`,
      })),
      ...keywords().map((k) => ({ ...k, sortText: `1${k.label}` })),
    ];
  }
  return keywords();
}

function ruleCandidates(stmt: readonly Token[], rules: readonly Rule[]): CompletionCandidate[] {
  if (stmt.length === 0) return ruleCodes(rules);
  const rule = rules.find((r) => r.code === stmt[0].image);
  const last = stmt[stmt.length - 1].image;
  if (stmt.length === 1) {
    const out = values(RULE_SEVERITY_WORDS);
    if (rule?.defaultMax !== undefined) out.push({ label: 'max', kind: 'keyword', detail: `default ${rule.defaultMax}` });
    return out;
  }
  if (last === 'max') return [];
  if (stmt.length === 2 && RULE_SEVERITY_WORDS.includes(last) && last !== RULE_OFF && rule?.defaultMax !== undefined) {
    return [{ label: 'max', kind: 'keyword', detail: `default ${rule.defaultMax}` }];
  }
  return ruleCodes(rules);
}

function ruleCodes(rules: readonly Rule[]): CompletionCandidate[] {
  return rules.map((r) => ({
    label: r.code,
    kind: 'rule',
    detail: `${r.defaultSeverity}${r.defaultMax !== undefined ? `, max ${r.defaultMax}` : ''}`,
    documentation: `${r.summary}\n\n${r.rationale}`,
  }));
}

function teams(model: Model | undefined): CompletionCandidate[] {
  return model
    ? [...model.teams.values()].map((tm) => ({ label: tm.name, kind: 'team', detail: tm.title ?? `${tm.services.length} services` }))
    : [];
}

/** Libraries, those the service already uses last (a second `uses` of one is a duplicate). */
function libraries(model: Model | undefined, service: string | undefined): CompletionCandidate[] {
  if (!model) return [];
  const used = new Set(service ? model.services.get(service)?.uses.map((u) => u.name) : []);
  return [...model.libraries.values()].map((lib, i) => ({
    label: lib.name,
    kind: 'library' as const,
    detail:
      [lib.title, lib.owner && `owner ${lib.owner.name}`, used.has(lib.name) ? 'already used here' : undefined]
        .filter(Boolean)
        .join(' · ') || undefined,
    sortText: `${used.has(lib.name) ? 1 : 0}${String(i).padStart(5, '0')}`,
  }));
}

function stores(model: Model | undefined): CompletionCandidate[] {
  if (!model) return [];
  return [...model.stores.entries()].map(([name, uses]) => ({
    label: name,
    kind: 'store',
    detail: `used by ${uses.map((u) => u.service.name).join(', ')} — naming it again shares it`,
  }));
}

function durations(): CompletionCandidate[] {
  return DURATIONS.map((d, i) => ({ label: d, kind: 'duration', sortText: String(i).padStart(2, '0') }));
}

function values(xs: readonly string[]): CompletionCandidate[] {
  return xs.map((x) => ({ label: x, kind: 'value' }));
}

function collect(model: Model | undefined, pick: (s: Service) => string[]): string[] {
  const out = new Set<string>();
  if (model) for (const s of model.services.values()) for (const x of pick(s)) out.add(x);
  return [...out].sort();
}
