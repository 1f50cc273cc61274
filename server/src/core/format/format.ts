/**
 * `formatSeams(text)`: the one canonical layout of a `.seams` file, or
 * `undefined` when the text has syntax errors (a formatter must never change
 * meaning, and a broken file has no settled meaning to keep).
 *
 * The style (docs/formatting.md): two spaces per brace level; one declaration,
 * member, on-call entry or rules setting per line; one space between tokens and
 * none around the `.` of `x.api`; `{` on its owner's line and `}` on its own; a
 * policy stays inline when it has at most one entry, no comment and fits in 100
 * columns (`calls x.a v1 { timeout 300ms }`), else one entry per line; one blank
 * line between top-level declarations and at most one kept between members;
 * comments stay where they are (own-line or trailing), written as they were;
 * the BOM and the line-ending style are kept and the file ends with one.
 */
import { parseSeams } from '../syntax/parse.js';
import { lexTokens, type Token } from '../syntax/tokens.js';
import { LineIndex } from '../text/line-index.js';
import { planLayout } from './layout-plan.js';
import { projectMeaning } from './meaning.js';
import { printItems, type PrintItem } from './print-tokens.js';

const BOM = '\uFEFF';
const FORMAT_FILE = '<format>';

export function formatSeams(text: string): string | undefined {
  const parsed = parseSeams(text, FORMAT_FILE);
  if (parsed.diagnostics.length > 0) return undefined;

  const tokens = lexTokens(text).tokens;
  const lines = new LineIndex(text);
  const ignoredLines = new Set(parsed.ast.ignores.map((d) => d.appliesToLine));
  const plan = planLayout({
    file: parsed.ast,
    tokens,
    ignoredLines,
    lineOf: (offset) => lines.positionAt(offset).line,
  });

  const items = mergeItems(tokens, parsed.ast.comments);
  const bom = text.startsWith(BOM) ? BOM : '';
  const formatted = bom + printItems(text, items, plan, lineEnding(text));

  // The printer only moves whitespace, but `// seams-ignore` works by lines: make
  // sure no directive gained or lost a target before handing the text back.
  const reparsed = parseSeams(formatted, FORMAT_FILE);
  if (reparsed.diagnostics.length > 0 || projectMeaning(reparsed.ast) !== projectMeaning(parsed.ast)) return undefined;
  return formatted;
}

/** The file's own line ending (its first one), `\n` for a one-line file. */
function lineEnding(text: string): string {
  return /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
}

function mergeItems(
  tokens: Token[],
  comments: readonly { kind: 'line' | 'block'; start: number; end: number; text: string }[],
): PrintItem[] {
  const items: PrintItem[] = tokens.map((t) => ({
    kind: 'token',
    start: t.start,
    end: t.end,
    text: t.image,
  }));
  for (const c of comments) {
    items.push({ kind: c.kind === 'line' ? 'line-comment' : 'block-comment', start: c.start, end: c.end, text: c.text });
  }
  return items.sort((a, b) => a.start - b.start);
}
