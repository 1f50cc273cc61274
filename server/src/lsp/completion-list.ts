/**
 * The completion answer as the editor receives it, bounded. At 10,000 services
 * `calls ` has 10,000 candidates: sending them all on every request cost more
 * than finding them (about 2 MB of JSON to encode, send and parse). Past
 * MAX_COMPLETION_ITEMS the list keeps only candidates that match what is typed
 * of the name so far (its letters in order, ignoring case: a superset of what
 * the editor's own fuzzy filter shows), those starting with it first, and says
 * `isIncomplete`, so the editor asks again as the name grows. Shorter lists go
 * whole, as before, and the editor filters them itself.
 *
 * When the client takes `itemDefaults.editRange` (VS Code does), the range
 * every item replaces is sent once instead of in every item.
 */
import { CompletionItemKind, type CompletionItem, type CompletionList } from 'vscode-languageserver/node.js';
import type { CandidateKind, CompletionCandidate, CompletionResult } from '../core/query/completion.js';
import type { LineIndex } from '../core/text/line-index.js';
import { toRange } from './convert.js';

export const MAX_COMPLETION_ITEMS = 500;

const COMPLETION_KIND: Record<CandidateKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  team: CompletionItemKind.Struct,
  service: CompletionItemKind.Class,
  library: CompletionItemKind.Module,
  api: CompletionItemKind.Interface,
  event: CompletionItemKind.Event,
  store: CompletionItemKind.Field,
  version: CompletionItemKind.Constant,
  duration: CompletionItemKind.Unit,
  value: CompletionItemKind.EnumMember,
  rule: CompletionItemKind.Property,
};

/**
 * `typed`: the part of the name before the cursor (the text from
 * `result.replaceStart` to the cursor); `editRangeDefault`: whether the client
 * takes `itemDefaults.editRange`.
 */
export function toCompletionList(
  result: CompletionResult,
  typed: string,
  lines: LineIndex,
  editRangeDefault: boolean,
  max = MAX_COMPLETION_ITEMS,
): CompletionList {
  const range = toRange(lines, result.replaceStart, result.replaceEnd);
  let candidates = result.candidates;
  const isIncomplete = candidates.length > max;
  if (isIncomplete) candidates = mostLikely(candidates, typed, max);
  const items = candidates.map((c) => {
    const item: CompletionItem = { label: c.label, kind: COMPLETION_KIND[c.kind] };
    if (!editRangeDefault) item.textEdit = { range, newText: c.label };
    if (c.detail) item.detail = c.detail;
    if (c.documentation) item.documentation = { kind: 'markdown', value: c.documentation };
    if (c.sortText) item.sortText = c.sortText;
    return item;
  });
  return editRangeDefault ? { isIncomplete, itemDefaults: { editRange: range }, items } : { isIncomplete, items };
}

/** At most `max` candidates matching `typed`: those that start with it, then the others, each in the order given. */
function mostLikely(candidates: readonly CompletionCandidate[], typed: string, max: number): CompletionCandidate[] {
  const pattern = typed.toLowerCase();
  const starting: CompletionCandidate[] = [];
  const inside: CompletionCandidate[] = [];
  for (const c of candidates) {
    const label = c.label.toLowerCase();
    if (label.startsWith(pattern)) {
      starting.push(c);
      // Nothing found later can displace these.
      if (starting.length === max) break;
    } else if (inside.length < max && inOrder(pattern, label)) inside.push(c);
  }
  return [...starting, ...inside].slice(0, max);
}

/** Whether the letters of `pattern` occur in `label` in order (both in lower case). */
function inOrder(pattern: string, label: string): boolean {
  let at = 0;
  for (let i = 0; i < pattern.length; i++) {
    at = label.indexOf(pattern[i], at) + 1;
    if (at === 0) return false;
  }
  return true;
}
