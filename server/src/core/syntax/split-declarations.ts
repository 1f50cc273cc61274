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
 *
 * The splitter is fed one token at a time and hands each chunk on as soon as the
 * next one starts, so parse.ts can lex a large file piece by piece and let each
 * piece's tokens die as soon as their declarations are parsed.
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

export class DeclarationSplitter {
  private current: Chunk | undefined;
  private depth = 0;

  /** `text` is the whole file (token offsets are into it); `emit` receives each chunk, in order. */
  constructor(
    private readonly text: string,
    private readonly emit: (chunk: Chunk) => void,
  ) {}

  push(tok: IToken): void {
    const type = tok.tokenType;
    const current = this.current;
    const lineStart = NEVER_NESTED.has(type) && atLineStart(this.text, tok.startOffset);
    const starts =
      STARTERS.has(type) &&
      (this.depth === 0 || lineStart) &&
      // After `}` at depth 0 a keyword starts a declaration; right after a
      // keyword that expects a name (`team service`) it is a name, not a start,
      // unless it opens a line of its own (`library` typed above `library auth`).
      (lineStart || !(current?.kind === 'declaration' && this.depth === 0 && expectsName(current.tokens)));
    if (starts) {
      this.depth = 0;
      if (current) this.emit(current);
      this.current = { kind: 'declaration', tokens: [tok] };
      return;
    }
    if (type === t.LBrace) this.depth++;
    // A `}` in column 0 closes a top-level declaration, however unbalanced its inside.
    else if (type === t.RBrace) this.depth = atLineStart(this.text, tok.startOffset) ? 0 : Math.max(0, this.depth - 1);
    if (current) current.tokens.push(tok);
    else this.current = { kind: 'junk', tokens: [tok] };
  }

  /** Hands on the last chunk: call it after the last token. */
  end(): void {
    if (this.current) this.emit(this.current);
    this.current = undefined;
  }
}

/** The chunks of a whole file's tokens at once. */
export function splitDeclarations(text: string, tokens: readonly IToken[]): Chunk[] {
  const chunks: Chunk[] = [];
  const splitter = new DeclarationSplitter(text, (c) => chunks.push(c));
  for (const tok of tokens) splitter.push(tok);
  splitter.end();
  return chunks;
}

/** True when the declaration so far is just its keyword, so the next token is its name. */
function expectsName(tokens: IToken[]): boolean {
  return tokens.length === 1;
}
