/**
 * Semantic classification of a file for editor colouring beyond the TextMate
 * grammar: names by what they denote and whether they are declared or used
 * here, keywords where the parser took them as keywords (not keywords used as
 * names), enumerated values, versions and durations. Spans are single-line
 * tokens in text order.
 */
import type * as ast from '../syntax/ast.js';
import { forEachOccurrence, type SymbolKind } from './occurrences.js';

export type SemanticType = SymbolKind | 'keyword' | 'value' | 'version' | 'duration' | 'number';

export interface SemanticToken {
  start: number;
  end: number;
  type: SemanticType;
  declaration: boolean;
}

export function semanticTokens(file: ast.SeamsFile): SemanticToken[] {
  const out: SemanticToken[] = [];
  const push = (span: ast.Span | undefined, type: SemanticType, declaration = false) => {
    if (span && span.end > span.start) out.push({ start: span.start, end: span.end, type, declaration });
  };

  forEachOccurrence(file, (o) => push(o, o.kind, o.role === 'definition' && o.kind !== 'rule'));

  const policy = (p: ast.Policy | undefined) => {
    for (const e of p?.entries ?? []) {
      push(e.keyword, 'keyword');
      if (e.kind === 'timeout') push(e.duration, 'duration');
      else if (e.kind === 'retry') {
        push(e.count, 'number');
        push(e.backoffKeyword, 'keyword');
        push(e.backoff, 'value');
      }
    }
  };
  const service = (s: ast.ServiceDecl) => {
    push(s.keyword, 'keyword');
    for (const x of s.defaults) {
      push(x.keyword, 'keyword');
      policy(x.policy);
    }
    for (const m of s.members) {
      push(m.keyword, 'keyword');
      switch (m.kind) {
        case 'tier':
        case 'cadence':
        case 'scaling':
          push(m.value, 'value');
          break;
        case 'compliance':
          for (const tag of m.tags) push(tag, 'value');
          break;
        case 'store':
          push(m.storeKind, 'value');
          push(m.readonly, 'keyword');
          break;
        case 'runtime':
          push(m.value, 'value');
          break;
        case 'api':
        case 'event':
          for (const v of m.versions) push(v, 'version');
          if (m.kind === 'api') push(m.protocol, 'value');
          break;
        case 'slo':
          for (const e of m.entries) {
            push(e.keyword, 'keyword');
            if (e.kind === 'latency') {
              push(e.percentile, 'value');
              push(e.duration, 'duration');
            } else push(e.percent, 'number');
          }
          break;
        case 'calls':
          push(m.version, 'version');
          policy(m.policy);
          break;
        case 'subscribes':
          push(m.version, 'version');
          break;
        default:
          break;
      }
    }
  };
  for (const d of file.declarations) {
    push(d.keyword, 'keyword');
    if (d.kind === 'team') for (const o of d.oncall) push(o.keyword, 'keyword');
    else if (d.kind === 'system') {
      for (const x of d.defaults) {
        push(x.keyword, 'keyword');
        policy(x.policy);
      }
      for (const s of d.services) service(s);
    } else if (d.kind === 'service') service(d);
    else if (d.kind === 'library') for (const o of d.owner) push(o.keyword, 'keyword');
    else {
      for (const r of d.settings) {
        push(r.off, 'value');
        push(r.severity, 'value');
        push(r.maxKeyword, 'keyword');
        push(r.max, 'number');
      }
    }
  }
  // A service declared at top level pushed its keyword twice (as declaration and as service).
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out.filter((x, i) => i === 0 || x.start >= out[i - 1].end);
}
