/**
 * Every name written in a file, classified: what kind of thing it names, and
 * whether this spot defines it or refers to it. One walk of the syntax tree
 * feeds "what is at this offset", references, rename and semantic tokens, so
 * they can never disagree about what a name means.
 *
 * Works on the tree alone (no model): unresolved and duplicate names are
 * classified too, which is what an editor wants while the text is broken.
 */
import type * as ast from '../syntax/ast.js';

export type SymbolKind = 'team' | 'system' | 'service' | 'library' | 'api' | 'event' | 'store' | 'rule';

/** Identifies one named thing model-wide. Contracts are named within their service. */
export interface SymbolKey {
  kind: SymbolKind;
  name: string;
  /** For `api` and `event`: the service that offers the contract. */
  service?: string;
}

export interface Occurrence extends SymbolKey {
  start: number;
  end: number;
  /**
   * `definition` for a declaration's own name; `reference` for a use. Every
   * declaration of a store is a definition (the same store in two services is
   * sharing, not a use). Rule codes are always references.
   */
  role: 'definition' | 'reference';
}

/** Calls `visit` for every classified name of `file`, in text order within each declaration. */
export function forEachOccurrence(file: ast.SeamsFile, visit: (o: Occurrence) => void): void {
  const at = (key: SymbolKey, span: ast.Span, role: Occurrence['role']) => visit({ ...key, start: span.start, end: span.end, role });

  const service = (s: ast.ServiceDecl) => {
    if (s.name) at({ kind: 'service', name: s.name.text }, s.name, 'definition');
    const own = s.name?.text;
    for (const m of s.members) {
      switch (m.kind) {
        case 'owner':
          if (m.team) at({ kind: 'team', name: m.team.text }, m.team, 'reference');
          break;
        case 'store':
          if (m.name) at({ kind: 'store', name: m.name.text }, m.name, 'definition');
          break;
        case 'api':
        case 'event':
          if (m.name && own !== undefined) at({ kind: m.kind, name: m.name.text, service: own }, m.name, 'definition');
          break;
        case 'calls':
          if (m.target) at({ kind: 'service', name: m.target.text }, m.target, 'reference');
          if (m.target && m.api) at({ kind: 'api', name: m.api.text, service: m.target.text }, m.api, 'reference');
          break;
        case 'subscribes':
          if (m.target) at({ kind: 'service', name: m.target.text }, m.target, 'reference');
          if (m.target && m.event) at({ kind: 'event', name: m.event.text, service: m.target.text }, m.event, 'reference');
          break;
        case 'uses':
          if (m.library) at({ kind: 'library', name: m.library.text }, m.library, 'reference');
          break;
        default:
          break;
      }
    }
  };

  for (const d of file.declarations) {
    switch (d.kind) {
      case 'team':
        if (d.name) at({ kind: 'team', name: d.name.text }, d.name, 'definition');
        break;
      case 'system':
        if (d.name) at({ kind: 'system', name: d.name.text }, d.name, 'definition');
        for (const s of d.services) service(s);
        break;
      case 'service':
        service(d);
        break;
      case 'library':
        if (d.name) at({ kind: 'library', name: d.name.text }, d.name, 'definition');
        for (const o of d.owner) if (o.team) at({ kind: 'team', name: o.team.text }, o.team, 'reference');
        break;
      case 'rules':
        for (const r of d.settings) at({ kind: 'rule', name: r.rule.text }, r.rule, 'reference');
        break;
    }
  }
  for (const ignore of file.ignores) {
    for (const c of ignore.codes) at({ kind: 'rule', name: c.text }, c, 'reference');
  }
}

/** The classified name under `offset` (a cursor just after a name counts as on it). */
export function occurrenceAt(file: ast.SeamsFile, offset: number): Occurrence | undefined {
  let found: Occurrence | undefined;
  forEachOccurrence(file, (o) => {
    // Prefer a name that starts at the cursor over one that ends there (`a|.b`).
    if (o.start <= offset && offset <= o.end && (!found || o.start === offset)) found = o;
  });
  return found;
}

export function sameSymbol(a: SymbolKey, b: SymbolKey): boolean {
  return a.kind === b.kind && a.name === b.name && (a.service ?? '') === (b.service ?? '');
}

/** Every occurrence of `key` across `files` (definitions first within each file's text order). */
export function occurrencesOf(files: Iterable<ast.SeamsFile>, key: SymbolKey): (Occurrence & { file: string })[] {
  const out: (Occurrence & { file: string })[] = [];
  for (const f of files) {
    forEachOccurrence(f, (o) => {
      if (sameSymbol(o, key)) out.push({ ...o, file: f.file });
    });
  }
  return out;
}
