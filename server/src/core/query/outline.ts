/**
 * The outline of a file (systems ▸ services ▸ members, teams, rules blocks) and
 * the flat list of named things across the workspace for symbol search.
 */
import type { Model } from '../model/model.js';
import type * as ast from '../syntax/ast.js';

export type OutlineKind = 'team' | 'system' | 'service' | 'library' | 'rules' | 'api' | 'event' | 'store' | 'calls' | 'subscribes';

export interface OutlineItem {
  name: string;
  kind: OutlineKind;
  detail?: string;
  /** The whole declaration. */
  start: number;
  end: number;
  /** The name (or keyword, when the name is missing): what the editor selects. */
  selectStart: number;
  selectEnd: number;
  children: OutlineItem[];
}

export function outline(file: ast.SeamsFile): OutlineItem[] {
  const out: OutlineItem[] = [];
  for (const d of file.declarations) {
    if (d.kind === 'team') out.push(item(d.name?.text ?? 'team', 'team', d, d.name ?? d.keyword, d.title?.value));
    else if (d.kind === 'system') {
      const sys = item(d.name?.text ?? 'system', 'system', d, d.name ?? d.keyword, d.title?.value);
      sys.children = d.services.map(service);
      out.push(sys);
    } else if (d.kind === 'service') out.push(service(d));
    else if (d.kind === 'library') out.push(item(d.name?.text ?? 'library', 'library', d, d.name ?? d.keyword, d.title?.value));
    else out.push(item('rules', 'rules', d, d.keyword, `${d.settings.length} settings`));
  }
  return out;
}

function service(s: ast.ServiceDecl): OutlineItem {
  const node = item(s.name?.text ?? 'service', 'service', s, s.name ?? s.keyword, s.title?.value);
  for (const m of s.members) {
    if ((m.kind === 'api' || m.kind === 'event') && m.name) {
      node.children.push(item(m.name.text, m.kind, m, m.name, m.versions.map((v) => v.text).join(' ') || undefined));
    } else if (m.kind === 'store' && m.name) {
      node.children.push(item(m.name.text, 'store', m, m.name, m.storeKind?.text));
    } else if ((m.kind === 'calls' || m.kind === 'subscribes') && m.target) {
      const contract = m.kind === 'calls' ? m.api : m.event;
      const label = `${m.kind} ${m.target.text}${contract ? '.' + contract.text : ''}`;
      node.children.push(item(label, m.kind, m, m.target, m.version?.text));
    }
  }
  return node;
}

function item(name: string, kind: OutlineKind, whole: ast.Span, select: ast.Span, detail?: string): OutlineItem {
  return { name, kind, detail, start: whole.start, end: whole.end, selectStart: select.start, selectEnd: select.end, children: [] };
}

export interface NamedThing {
  name: string;
  kind: 'team' | 'system' | 'service' | 'library' | 'api' | 'event';
  /** The service or system it belongs to, if any. */
  container?: string;
  file: string;
  start: number;
  end: number;
}

/**
 * Named things whose name matches `query`: every character of the query in
 * order, ignoring case (the fuzzy match editors use for symbol search).
 */
export function searchSymbols(model: Model, query: string, limit = 500): NamedThing[] {
  const q = query.toLowerCase();
  const matches = (name: string) => {
    let i = 0;
    const n = name.toLowerCase();
    for (let j = 0; j < n.length && i < q.length; j++) if (n[j] === q[i]) i++;
    return i === q.length;
  };
  const out: NamedThing[] = [];
  const add = (x: NamedThing) => {
    if (out.length < limit && matches(x.name)) out.push(x);
  };
  for (const tm of model.teams.values()) add({ name: tm.name, kind: 'team', ...tm.location });
  for (const sys of model.systems.values()) add({ name: sys.name, kind: 'system', ...sys.location });
  for (const lib of model.libraries.values()) add({ name: lib.name, kind: 'library', ...lib.location });
  for (const s of model.services.values()) {
    add({ name: s.name, kind: 'service', container: s.system?.name, ...s.location });
    for (const c of [...s.apis.values(), ...s.events.values()]) add({ name: c.name, kind: c.kind, container: s.name, ...c.location });
  }
  return out;
}
