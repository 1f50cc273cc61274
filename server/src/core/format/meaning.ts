/**
 * What a file means, with positions left out: the syntax tree without offsets,
 * the comments' text in order, and — because `// seams-ignore` works by lines —
 * for every node, which codes a directive silences on the line where it starts.
 * Two texts with equal projections check identically; the formatter uses this
 * to prove that it changed only layout.
 */
import type * as ast from '../syntax/ast.js';
import { LineIndex } from '../text/line-index.js';

export function projectMeaning(file: ast.SeamsFile): string {
  const lines = new LineIndex(file.text);
  const silencedByLine = new Map<number, string[]>();
  for (const d of file.ignores) {
    const codes = silencedByLine.get(d.appliesToLine) ?? [];
    codes.push(...d.codes.map((c) => c.text));
    silencedByLine.set(d.appliesToLine, codes);
  }
  const silencedAt = (offset: number) => [...new Set(silencedByLine.get(lines.positionAt(offset).line) ?? [])].sort();

  const strip = (value: unknown, key: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => strip(v, key));
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    const node = value as Record<string, unknown>;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'start' || k === 'end') continue;
      out[k] = strip(v, k);
    }
    // Braces and dots carry no diagnostics, so which line they land on does not matter.
    if (typeof node.start === 'number' && key !== 'braces' && key !== 'open' && key !== 'close' && key !== 'dot') {
      const silenced = silencedAt(node.start);
      if (silenced.length > 0) out.silenced = silenced;
    }
    return out;
  };

  return JSON.stringify({
    declarations: strip(file.declarations, 'declarations'),
    comments: file.comments.map((c) => [c.kind, c.text]),
    ignores: file.ignores.map((d) => [d.codes.map((c) => c.text), d.reason ?? null, d.trailing]),
  });
}
