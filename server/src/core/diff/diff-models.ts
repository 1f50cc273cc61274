/**
 * `diffModels(old, new)`: what changed between two checked models, for a
 * reviewer. Pure: two check results in, plain data out.
 *
 * - Elements are matched by identity (elements.ts), never by position, so
 *   moving or reformatting text is no change. A changed element lists each fact
 *   that differs as `label: old → new`.
 * - Findings are matched by code and the elements they are about (the element
 *   whose declaration holds the finding's range, and those of its related
 *   locations), never by line or message wording: `new` are findings of the new
 *   model with no partner in the old one, `fixed` the reverse. Identical keys
 *   pair up one to one, in order; what is left then pairs by code and primary
 *   element alone, so a finding whose related places changed is not new.
 */
import type { Diagnostic, Location } from '../diagnostics.js';
import type { Model } from '../model/model.js';
import { collectElements, ELEMENT_KINDS, type Anchor, type ElementKind, type ModelElements } from './elements.js';

export type ChangeType = 'added' | 'removed' | 'changed';

export interface Change {
  change: ChangeType;
  kind: ElementKind;
  /** The identity as the contract spells it (`orders->catalog.catalog-api`). */
  id: string;
  /** Which of several calls with this id (0 for the first as written). */
  ordinal: number;
  /** Where it is declared: in the new model, or the old one for a removed element. */
  location: Location;
  /** For a changed element, each difference as `label: old → new` (`none` for unset). */
  details: string[];
  /** The services this element belongs to or connects (caller and callee for a call). */
  services: string[];
}

export interface ModelDiff {
  /** Sorted by kind (teams first, rule settings last), then id, then ordinal. */
  changes: Change[];
  findings: {
    /** In the new model and not the old; new-model locations. */
    new: Diagnostic[];
    /** In the old model and not the new; old-model locations. */
    fixed: Diagnostic[];
  };
}

/** A checked model: `CheckResult` from core/check.ts fits. */
export interface CheckedModel {
  model: Model;
  diagnostics: readonly Diagnostic[];
}

export function diffModels(oldCheck: CheckedModel, newCheck: CheckedModel): ModelDiff {
  const before = collectElements(oldCheck.model);
  const after = collectElements(newCheck.model);
  const changes: Change[] = [];

  for (const [key, now] of after.elements) {
    const was = before.elements.get(key);
    const base = { kind: now.kind, id: now.id, ordinal: now.ordinal, services: now.services };
    if (!was) {
      changes.push({ change: 'added', ...base, location: now.location, details: [] });
      continue;
    }
    const details: string[] = [];
    const old = new Map(was.facts);
    for (const [label, value] of now.facts) {
      const previous = old.get(label) ?? '';
      if (previous !== value) details.push(`${label}: ${previous || 'none'} → ${value || 'none'}`);
    }
    if (details.length > 0) {
      changes.push({ change: 'changed', ...base, services: union(was.services, now.services), location: now.location, details });
    }
  }
  for (const [key, was] of before.elements) {
    if (after.elements.has(key)) continue;
    changes.push({
      change: 'removed',
      kind: was.kind,
      id: was.id,
      ordinal: was.ordinal,
      services: was.services,
      location: was.location,
      details: [],
    });
  }
  changes.sort(compareChanges);

  return { changes, findings: matchFindings(oldCheck, before, newCheck, after) };
}

const KIND_ORDER = new Map<ElementKind, number>(ELEMENT_KINDS.map((k, i) => [k, i]));

function compareChanges(a: Change, b: Change): number {
  return KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || a.ordinal - b.ordinal;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

function matchFindings(oldCheck: CheckedModel, before: ModelElements, newCheck: CheckedModel, after: ModelElements): ModelDiff['findings'] {
  const oldKeys = findingKeys(oldCheck.diagnostics, before.anchors);
  const newKeys = findingKeys(newCheck.diagnostics, after.anchors);
  const oldLeft = new Set(oldKeys.keys());
  const newLeft = new Set(newKeys.keys());
  // First the findings about exactly the same elements, then those with the
  // same code on the same element whose related elements changed (a team that
  // owns one more service is still the same overloaded team).
  for (const part of ['full', 'primary'] as const) {
    const waiting = new Map<string, number[]>();
    for (const i of oldLeft) {
      const list = waiting.get(oldKeys[i]![part]) ?? [];
      list.push(i);
      waiting.set(oldKeys[i]![part], list);
    }
    for (const i of newLeft) {
      const partner = waiting.get(newKeys[i]![part])?.shift();
      if (partner === undefined) continue;
      oldLeft.delete(partner);
      newLeft.delete(i);
    }
  }
  return {
    new: [...newLeft].sort((a, b) => a - b).map((i) => newCheck.diagnostics[i]!),
    fixed: [...oldLeft].sort((a, b) => a - b).map((i) => oldCheck.diagnostics[i]!),
  };
}

/**
 * Two keys per diagnostic: `primary` is its code and the element its range
 * lies in; `full` adds the elements of its related locations (sorted: their
 * order is the rule's business). A range outside every element (a syntax error
 * between declarations) is tied to its file and message instead.
 */
export function findingKeys(diagnostics: readonly Diagnostic[], anchors: readonly Anchor[]): { primary: string; full: string }[] {
  const finder = anchorFinder(anchors);
  return diagnostics.map((d) => {
    const primary = `${d.code}\u0000${finder(d.location) ?? `file ${d.location.file}: ${d.message}`}`;
    const related = (d.related ?? []).map((r) => finder(r.location) ?? `file ${r.location.file}`).sort();
    return { primary, full: [primary, ...related].join('\u0000') };
  });
}

/** Finds the innermost anchor holding a location's start. */
function anchorFinder(anchors: readonly Anchor[]): (location: Location) => string | undefined {
  const byFile = new Map<string, Anchor[]>();
  for (const a of anchors) {
    const list = byFile.get(a.file) ?? [];
    list.push(a);
    byFile.set(a.file, list);
  }
  // Sorted by start, longest first: the last anchor starting at or before a
  // position that still covers it is the innermost one.
  for (const list of byFile.values()) list.sort((a, b) => a.start - b.start || b.end - a.end);
  return (location) => {
    const list = byFile.get(location.file);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start <= location.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0; i--) {
      const a = list[i]!;
      if (a.end > location.start || (a.end === location.start && a.start === location.start)) return a.key;
    }
    return undefined;
  };
}
