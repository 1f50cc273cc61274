/**
 * Decides, from the syntax tree, where the formatter starts new lines: every
 * declaration, member (a service's `defaults` included), on-call entry, library
 * `owner` and rules setting begins a line, and so
 * does every entry of a policy that is printed broken. A policy (`{ timeout 300ms }`
 * after `calls` or `defaults`) stays on its owner's line when it has at most one
 * entry, holds no comment and the line fits in MAX_INLINE_WIDTH columns.
 */
import type * as ast from '../syntax/ast.js';
import type { Token } from '../syntax/tokens.js';
import { joinInline } from './token-spacing.js';

/** Beyond this many columns a one-entry policy is broken over lines. */
export const MAX_INLINE_WIDTH = 100;

export interface LayoutPlan {
  /** Offsets of tokens that begin a line. */
  breakBefore: Set<number>;
  /** Offsets of the `{` and `}` of policies printed on one line. */
  inlineBraces: Set<number>;
  /** Offsets of the last token of each top-level declaration. */
  declarationEnds: Set<number>;
}

export interface PlanInput {
  file: ast.SeamsFile;
  /** Code tokens (no comments), in order. */
  tokens: Token[];
  /** Zero-based lines that a `// seams-ignore` directive applies to. */
  ignoredLines: Set<number>;
  lineOf(offset: number): number;
}

export function planLayout(input: PlanInput): LayoutPlan {
  const plan: LayoutPlan = { breakBefore: new Set(), inlineBraces: new Set(), declarationEnds: new Set() };
  const policy = (owner: ast.Span, p: ast.Policy | undefined, depth: number) => {
    if (!p) return;
    if (printInline(input, owner, p, depth)) {
      plan.inlineBraces.add(p.braces.open.start);
      if (p.braces.close) plan.inlineBraces.add(p.braces.close.start);
    } else {
      for (const e of p.entries) plan.breakBefore.add(e.start);
    }
  };

  for (const decl of input.file.declarations) {
    plan.breakBefore.add(decl.start);
    const last = lastTokenIn(input.tokens, decl);
    if (last) plan.declarationEnds.add(last.start);
    switch (decl.kind) {
      case 'team':
        for (const o of decl.oncall) plan.breakBefore.add(o.start);
        break;
      case 'library':
        for (const o of decl.owner) plan.breakBefore.add(o.start);
        break;
      case 'rules':
        for (const s of decl.settings) plan.breakBefore.add(s.start);
        break;
      case 'service':
        addMembers(decl, 1);
        break;
      case 'system':
        for (const d of decl.defaults) {
          plan.breakBefore.add(d.start);
          policy(d, d.policy, 1);
        }
        for (const s of decl.services) {
          plan.breakBefore.add(s.start);
          addMembers(s, 2);
        }
        break;
    }
  }
  return plan;

  function addMembers(service: ast.ServiceDecl, depth: number) {
    for (const m of service.members) {
      plan.breakBefore.add(m.start);
      if (m.kind === 'calls') policy(m, m.policy, depth);
    }
    // A service's `defaults` is laid out like a member, its policy like a call's.
    for (const d of service.defaults) {
      plan.breakBefore.add(d.start);
      policy(d, d.policy, depth);
    }
  }
}

function printInline(input: PlanInput, owner: ast.Span, p: ast.Policy, depth: number): boolean {
  // A `// seams-ignore` aimed at this line silences what starts on it: joining or
  // breaking the policy would move entries into or out of its reach, so keep the
  // shape the author chose.
  if (input.ignoredLines.has(input.lineOf(owner.start))) {
    return input.lineOf(owner.start) === input.lineOf(p.end);
  }
  if (p.entries.length > 1) return false;
  const comments = input.file.comments;
  const firstComment = comments[firstAtOrAfter(comments, owner.start, (c) => c.start)];
  if (firstComment && firstComment.start < p.end) return false;
  const from = firstAtOrAfter(input.tokens, owner.start, (t) => t.start);
  const to = firstAtOrAfter(input.tokens, p.end, (t) => t.start);
  const images = input.tokens.slice(from, to).map((t) => t.image);
  return depth * 2 + joinInline(images).length <= MAX_INLINE_WIDTH;
}

function lastTokenIn(tokens: Token[], span: ast.Span): Token | undefined {
  const i = firstAtOrAfter(tokens, span.end, (t) => t.start) - 1;
  return i >= 0 && tokens[i].start >= span.start ? tokens[i] : undefined;
}

/** Index of the first item whose offset is >= `offset` (items sorted by offset). */
function firstAtOrAfter<T>(items: readonly T[], offset: number, at: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(items[mid]) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
