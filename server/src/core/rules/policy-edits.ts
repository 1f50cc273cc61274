/**
 * Text edits that add one setting to a call's policy block, keeping the user's
 * layout: a one-line block stays on one line, a multi-line block gets a new
 * line indented like its other entries, and a call without a block gets
 * ` { setting }` after its target.
 */
import type { TextEdit } from '../diagnostics.js';
import type { Call } from '../model/model.js';
import { deeper, indentAt, isReal, lineBreakOf, lineEndAt, lineStartAt, sameLine } from './text-layout.js';

/** The edit adding `entry` (e.g. `timeout 1s`) to `call`'s policy; undefined when the block is broken. */
export function addToPolicy(call: Call, text: string, entry: string): TextEdit | undefined {
  const file = call.file;
  const policy = call.decl.policy;
  if (!policy) return { file, start: call.location.end, end: call.location.end, newText: ` { ${entry} }` };
  const { open, close } = policy.braces;
  if (!isReal(open) || !isReal(close)) return undefined;
  const last = policy.entries.at(-1);
  if (sameLine(text, open.start, close.start)) {
    if (last) return { file, start: last.end, end: last.end, newText: ` ${entry}` };
    return { file, start: open.end, end: close.start, newText: ` ${entry} ` };
  }
  const anchor = last?.end ?? open.end;
  const firstOnLine = last !== undefined && text.slice(lineStartAt(text, last.start), last.start).trim() === '';
  const indent = firstOnLine ? indentAt(text, last.start) : deeper(indentAt(text, open.start));
  // After the anchor's whole line (so a trailing comment stays where it is),
  // unless the closing brace shares that line.
  const at = sameLine(text, anchor, close.start) ? anchor : lineEndAt(text, anchor);
  return { file, start: at, end: at, newText: `${lineBreakOf(text)}${indent}${entry}` };
}
