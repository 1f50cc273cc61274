/**
 * Cuts a file's tokens into top-level declarations before parsing, so that each
 * declaration is parsed on its own and a mistake cannot spill into the next one.
 *
 * A declaration starts at `team`, `system`, `service`, `library` or `rules` outside any
 * braces. Because a missing `}` would otherwise make the rest of the file look
 * nested, `team`, `system`, `library` and `rules` at the very start of a line (column 0)
 * always start a new declaration: none of them can be nested; and a `}` at the
 * start of a line closes whatever top-level declaration is open. Tokens that
 * belong to no declaration are returned as junk, one run at a time.
 */
import type { IToken, TokenType } from 'chevrotain';
import * as t from './tokens.js';

export type Chunk = { kind: 'declaration' | 'junk'; tokens: IToken[] };

const STARTERS = new Set<TokenType>([t.Team, t.System, t.Service, t.Library, t.Rules]);
const NEVER_NESTED = new Set<TokenType>([t.Team, t.System, t.Library, t.Rules]);

function atLineStart(text: string, offset: number): boolean {
  if (offset === 0) return true;
  const c = text.charCodeAt(offset - 1);
  return c === 10 || c === 13 || (offset === 1 && c === 0xfeff);
}

export function splitDeclarations(text: string, tokens: IToken[]): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  let depth = 0;
  for (const tok of tokens) {
    const type = tok.tokenType;
    const lineStart = NEVER_NESTED.has(type) && atLineStart(text, tok.startOffset);
    const starts =
      STARTERS.has(type) &&
      (depth === 0 || lineStart) &&
      // After `}` at depth 0 a keyword starts a declaration; right after a
      // keyword that expects a name (`team service`) it is a name, not a start,
      // unless it opens a line of its own (`library` typed above `library auth`).
      (lineStart || !(current?.kind === 'declaration' && depth === 0 && expectsName(current.tokens)));
    if (starts) {
      depth = 0;
      current = { kind: 'declaration', tokens: [tok] };
      chunks.push(current);
      continue;
    }
    if (type === t.LBrace) depth++;
    // A `}` in column 0 closes a top-level declaration, however unbalanced its inside.
    else if (type === t.RBrace) depth = atLineStart(text, tok.startOffset) ? 0 : Math.max(0, depth - 1);
    if (!current) {
      current = { kind: 'junk', tokens: [] };
      chunks.push(current);
    }
    current.tokens.push(tok);
  }
  return chunks;
}

/** True when the declaration so far is just its keyword, so the next token is its name. */
function expectsName(tokens: IToken[]): boolean {
  return tokens.length === 1;
}
