/**
 * Cuts a file's tokens into top-level declarations before parsing, so that each
 * declaration is parsed on its own and a mistake cannot spill into the next one.
 *
 * A declaration starts at `team`, `system`, `service`, `library` or `rules` outside any
 * braces. Because a missing `}` would otherwise make the rest of the file look
 * nested, `team`, `system`, `library` and `rules` at the very start of a line (column 0)
 * always start a new declaration: none of them can be nested; and a `}` at the
 * start of a line closes whatever top-level declaration is open. Tokens that
 * belong to no declaration (before the first one) are junk.
 */
import { keywordKind, LBRACE, RBRACE, type ScannedTokens } from './tokens.js';

/** A run of tokens `from`..`to` (exclusive): one declaration, or junk. */
export interface Chunk {
  kind: 'declaration' | 'junk';
  from: number;
  to: number;
}

const STARTS = new Set([keywordKind('team'), keywordKind('system'), keywordKind('service'), keywordKind('library'), keywordKind('rules')]);
const NEVER_NESTED = new Set([keywordKind('team'), keywordKind('system'), keywordKind('library'), keywordKind('rules')]);

function atLineStart(text: string, offset: number): boolean {
  if (offset === 0) return true;
  const c = text.charCodeAt(offset - 1);
  return c === 10 || c === 13 || (offset === 1 && c === 0xfeff);
}

/** Hands each chunk of `tokens` to `emit`, in order. */
export function splitDeclarations(text: string, tokens: ScannedTokens, emit: (chunk: Chunk) => void): void {
  const { kinds, starts, count } = tokens;
  let kind: Chunk['kind'] | undefined;
  let from = 0;
  let depth = 0;
  for (let i = 0; i < count; i++) {
    const type = kinds[i];
    if (STARTS.has(type)) {
      const lineStart = NEVER_NESTED.has(type) && atLineStart(text, starts[i]);
      // After `}` at depth 0 a keyword starts a declaration; right after a
      // keyword that expects a name (`team service`) it is a name, not a start,
      // unless it opens a line of its own (`library` typed above `library auth`).
      const expectsName = kind === 'declaration' && depth === 0 && i - from === 1;
      if (lineStart || (depth === 0 && !expectsName)) {
        if (kind) emit({ kind, from, to: i });
        kind = 'declaration';
        from = i;
        depth = 0;
        continue;
      }
    }
    if (type === LBRACE) depth++;
    // A `}` in column 0 closes a top-level declaration, however unbalanced its inside.
    else if (type === RBRACE) depth = atLineStart(text, starts[i]) ? 0 : Math.max(0, depth - 1);
    if (!kind) {
      kind = 'junk';
      from = i;
    }
  }
  if (kind) emit({ kind, from, to: count });
}
