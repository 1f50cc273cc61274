/**
 * `parseSeams(text, file)`: text in, syntax tree and syntax diagnostics out.
 * Never throws; a mistake costs at most the rest of its own declaration.
 */
import type { IRecognitionException, IToken } from 'chevrotain';
import type { Diagnostic } from '../diagnostics.js';
import type * as ast from './ast.js';
import * as t from './tokens.js';
import { SeamsParser } from './seams-parser.js';
import { DECLARATION_WORDS, describeFound } from './error-messages.js';
import { readIgnoreDirectives } from './ignore-directives.js';
import { DeclarationSplitter } from './split-declarations.js';

export interface ParseResult {
  ast: ast.SeamsFile;
  /** `syntax` diagnostics, in text order. */
  diagnostics: Diagnostic[];
}

let sharedParser: SeamsParser | undefined;

/** One parser for the whole process: building it costs far more than a small parse. */
function parser(): SeamsParser {
  sharedParser ??= new SeamsParser();
  return sharedParser;
}

/**
 * A large file is lexed in pieces of about this many characters, each cut at the
 * start of a line, and each piece's declarations are parsed before the next piece
 * is lexed: the tokens of a piece then die young, instead of all of a file's
 * tokens (hundreds of thousands in a 4 MB file) surviving until the end.
 */
const PIECE = 1 << 16;

/** `pieceSize` is for the tests, which cut files at every line to show that cutting changes nothing. */
export function parseSeams(text: string, file: string, pieceSize = PIECE): ParseResult {
  // Kept apart by kind and joined in this order before sorting, so that of two
  // problems at one place the same one is kept (see dedupe) however the file was cut.
  const lexErrors: Diagnostic[] = [];
  const tokenErrors: Diagnostic[] = [];
  const commentErrors: Diagnostic[] = [];
  const parseErrors: Diagnostic[] = [];
  const syntaxError = (into: Diagnostic[], start: number, end: number, message: string) =>
    into.push({ code: 'syntax', severity: 'error', message, location: { file, start, end } });

  const comments: ast.Comment[] = [];
  const declarations: ast.TopLevel[] = [];
  const p = parser();
  const splitter = new DeclarationSplitter(text, (chunk) => {
    if (chunk.kind === 'junk') {
      syntaxError(
        parseErrors,
        chunk.tokens[0].startOffset,
        endOf(chunk.tokens[chunk.tokens.length - 1]),
        `unexpected ${describeFound(chunk.tokens[0])}: expected ${DECLARATION_WORDS}`,
      );
      return;
    }
    const first = declarations.length;
    p.parseDeclaration(chunk.tokens, declarations);
    // A rule cut short by a mistake never reached its end: stretch the nodes over what was parsed.
    if (p.errors.length > 0) for (let i = first; i < declarations.length; i++) coverChildren(declarations[i]);
    for (const e of p.errors) {
      const { start, end } = errorSpan(e, text, chunk.tokens);
      syntaxError(parseErrors, start, end, e.message);
    }
    for (const e of p.valueErrors) syntaxError(parseErrors, e.start, e.end, e.message);
    p.valueErrors = [];
  });
  // Where each token starts, for the `// seams-ignore` directives (the tokens themselves are gone by then).
  const starts = new TokenStarts();

  for (let base = 0; base < text.length;) {
    let cut = base + pieceSize >= text.length ? text.length : nextLineStart(text, base + pieceSize);
    let lexed = t.seamsLexer.tokenize(base === 0 && cut === text.length ? text : text.slice(base, cut));
    let pieceComments = (lexed.groups.comments ?? []) as IToken[];
    if (cut < text.length && pieceComments.length > 0 && pieceComments[pieceComments.length - 1].tokenType === t.UnterminatedComment) {
      // A block comment runs past the cut: lex the rest of the file in one go, as if uncut.
      cut = text.length;
      lexed = t.seamsLexer.tokenize(text.slice(base));
      pieceComments = (lexed.groups.comments ?? []) as IToken[];
    }
    for (const e of lexed.errors) {
      const at = base + e.offset;
      syntaxError(lexErrors, at, at + e.length, `unexpected character \`${text.slice(at, at + e.length)}\``);
    }
    for (const tok of lexed.tokens) {
      tok.startOffset += base;
      starts.push(tok.startOffset);
      if (tok.tokenType === t.StringTok || tok.tokenType === t.UnterminatedString) {
        // The contract knows two escapes, \" and \\; anything else is a mistake worth naming.
        for (const m of tok.image.matchAll(/\\(.)/g)) {
          if (m[1] !== '"' && m[1] !== '\\') {
            const at = tok.startOffset + m.index!;
            syntaxError(tokenErrors, at, at + 2, `unknown escape \`\\${m[1]}\` in a string; only \\" and \\\\ are allowed`);
          }
        }
      }
      if (tok.tokenType === t.UnterminatedString) {
        syntaxError(tokenErrors, tok.startOffset, tok.startOffset + tok.image.length, 'this string has no closing quote');
        // Parse on as if it were closed, so one missing quote does not cascade.
        tok.tokenType = t.StringTok;
        tok.tokenTypeIdx = t.StringTok.tokenTypeIdx!;
      }
    }
    for (const c of pieceComments) {
      const start = base + c.startOffset;
      const end = start + c.image.length;
      if (c.tokenType === t.UnterminatedComment) {
        syntaxError(commentErrors, start, Math.min(end, start + 2), 'this block comment has no closing `*/`');
      }
      comments.push({ kind: c.tokenType === t.LineComment ? 'line' : 'block', text: c.image, start, end });
    }
    // Parses every declaration that ended in this piece; the one still open waits for the next.
    for (const tok of lexed.tokens) splitter.push(tok);
    base = cut;
  }
  splitter.end();

  const diagnostics = [...lexErrors, ...tokenErrors, ...commentErrors, ...parseErrors];
  diagnostics.sort((a, b) => a.location.start - b.location.start);
  const ignores = readIgnoreDirectives(text, comments, starts.view());
  return { ast: { file, text, declarations, comments, ignores }, diagnostics: dedupe(diagnostics) };
}

/** The offset just after the first line break at or after `from`, or the end of the text. */
function nextLineStart(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl + 1;
}

/** A growing list of token offsets, packed (one number per token, no object). */
class TokenStarts {
  private buffer = new Int32Array(1024);
  private length = 0;

  push(offset: number): void {
    if (this.length === this.buffer.length) {
      const bigger = new Int32Array(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer[this.length++] = offset;
  }

  view(): Int32Array {
    return this.buffer.subarray(0, this.length);
  }
}

/**
 * Makes every node's span cover the spans of its parts. The parser ends a node
 * when its rule finishes; a rule cut short by a syntax error (`service orders`
 * with no `{` yet) leaves the node ending at its keyword although its name, and
 * the services of an enclosing system, come later. The outline, folding and
 * every "is the cursor inside" test rely on parents containing their children.
 */
function coverChildren(node: ast.Span): void {
  for (const value of Object.values(node) as unknown[]) {
    if (Array.isArray(value)) {
      for (const child of value) if (isSpan(child)) cover(node, child);
    } else if (isSpan(value)) {
      cover(node, value);
    } else if (typeof value === 'object' && value !== null) {
      // `braces`: a holder of spans that is no span itself.
      for (const part of Object.values(value) as unknown[]) if (isSpan(part)) cover(node, part);
    }
  }
}

function cover(parent: ast.Span, child: ast.Span): void {
  coverChildren(child);
  if (child.start < parent.start) parent.start = child.start;
  if (child.end > parent.end) parent.end = child.end;
}

function isSpan(value: unknown): value is ast.Span {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ast.Span).start === 'number' &&
    typeof (value as ast.Span).end === 'number'
  );
}

function endOf(tok: IToken): number {
  return tok.startOffset + tok.image.length;
}

/**
 * Where to point for a parse error: at the token found, unless that token is the
 * end of the input or stands on a later line than the one before it — then
 * "expected a name after `calls`" points at `calls`, where the fix goes.
 */
function errorSpan(e: IRecognitionException, text: string, chunk: IToken[]): { start: number; end: number } {
  const found = e.token;
  const prev = (e as IRecognitionException & { previousToken?: IToken }).previousToken;
  const foundReal = found && !Number.isNaN(found.startOffset) && found.tokenType.name !== 'EOF';
  const prevReal = prev && !Number.isNaN(prev.startOffset) && prev.tokenType?.name !== 'EOF';
  if (foundReal && !(prevReal && /[\r\n]/.test(text.slice(endOf(prev), found.startOffset)))) {
    return { start: found.startOffset, end: endOf(found) };
  }
  const before = prevReal ? prev : chunk[chunk.length - 1];
  return { start: before.startOffset, end: endOf(before) };
}

/** Recovery can report the same spot twice; keep the first message per start. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<number>();
  return diagnostics.filter((d) => {
    if (seen.has(d.location.start)) return false;
    seen.add(d.location.start);
    return true;
  });
}
