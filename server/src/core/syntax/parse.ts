/**
 * `parseSeams(text, file)`: text in, syntax tree and syntax diagnostics out.
 * Never throws; a mistake costs at most the rest of its own declaration.
 *
 * The scanner packs the whole file's tokens into typed arrays (a few bytes per
 * token, no object), the splitter cuts them into declarations and the parser
 * reads each declaration's tokens by index.
 */
import type { Diagnostic } from '../diagnostics.js';
import type * as ast from './ast.js';
import { scanSeams } from './tokens.js';
import { SeamsParser } from './seams-parser.js';
import { DECLARATION_WORDS, describeImage } from './error-messages.js';
import { readIgnoreDirectives } from './ignore-directives.js';
import { splitDeclarations } from './split-declarations.js';

export interface ParseResult {
  ast: ast.SeamsFile;
  /** `syntax` diagnostics, in text order. */
  diagnostics: Diagnostic[];
}

const parser = new SeamsParser();

export function parseSeams(text: string, file: string): ParseResult {
  // Kept apart by kind and joined in this order before sorting, so that of two
  // problems at one place the same one is kept (see dedupe).
  const lexErrors: Diagnostic[] = [];
  const tokenErrors: Diagnostic[] = [];
  const commentErrors: Diagnostic[] = [];
  const parseErrors: Diagnostic[] = [];
  const syntaxError = (into: Diagnostic[], start: number, end: number, message: string) =>
    into.push({ code: 'syntax', severity: 'error', message, location: { file, start, end } });

  const comments: ast.Comment[] = [];
  const tokens = scanSeams(
    text,
    (c) => {
      if (c.unterminated) syntaxError(commentErrors, c.start, Math.min(c.end, c.start + 2), 'this block comment has no closing `*/`');
      comments.push({ kind: c.kind, text: c.text, start: c.start, end: c.end });
    },
    (e) => syntaxError(lexErrors, e.start, e.end, e.message),
    (e) => syntaxError(tokenErrors, e.start, e.end, e.message),
  );

  const declarations: ast.TopLevel[] = [];
  parser.begin(text, tokens);
  splitDeclarations(text, tokens, (chunk) => {
    if (chunk.kind === 'junk') {
      const first = tokens.starts[chunk.from];
      const image = text.slice(first, tokens.ends[chunk.from]);
      syntaxError(parseErrors, first, tokens.ends[chunk.to - 1], `unexpected ${describeImage(image)}: expected ${DECLARATION_WORDS}`);
      return;
    }
    const before = declarations.length;
    parser.parseDeclaration(chunk.from, chunk.to, declarations);
    // A rule cut short by a mistake never reached its end: stretch the nodes over what was parsed.
    if (parser.errors.length > 0) for (let i = before; i < declarations.length; i++) coverChildren(declarations[i]);
    for (const e of parser.errors) syntaxError(parseErrors, e.start, e.end, e.message);
    for (const e of parser.valueErrors) syntaxError(parseErrors, e.start, e.end, e.message);
  });

  parser.finish();

  const diagnostics = [...lexErrors, ...tokenErrors, ...commentErrors, ...parseErrors];
  diagnostics.sort((a, b) => a.location.start - b.location.start);
  const ignores = readIgnoreDirectives(text, comments, tokens.starts.subarray(0, tokens.count));
  return { ast: { file, text, declarations, comments, ignores }, diagnostics: dedupe(diagnostics) };
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

/** Recovery can report the same spot twice; keep the first message per start. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<number>();
  return diagnostics.filter((d) => {
    if (seen.has(d.location.start)) return false;
    seen.add(d.location.start);
    return true;
  });
}
