/**
 * The one place where core data (UTF-16 offsets into a file's text) becomes LSP
 * data (zero-based line/character positions and ranges) and back. Every
 * handler goes through here, so an off-by-one or a CRLF mistake has one home.
 *
 * Ranges are converted with a `LineIndex` per file, cached by `Lines`
 * (core/text/lines.ts) for the text the workspace currently holds.
 */
import {
  DiagnosticSeverity,
  DiagnosticTag,
  FoldingRangeKind,
  SemanticTokensBuilder,
  SymbolKind,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Location as LspLocation,
  type Position,
  type Range,
  type SemanticTokens,
  type SemanticTokensLegend,
  type SymbolInformation,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node.js';
import type { Diagnostic, Location, Severity, TextEdit } from '../core/diagnostics.js';
import type { FoldRegion } from '../core/query/folding.js';
import type { NamedThing, OutlineItem, OutlineKind } from '../core/query/outline.js';
import type { SemanticToken, SemanticType } from '../core/query/semantic-tokens.js';
import type { LineIndex } from '../core/text/line-index.js';
import type { Lines } from '../core/text/lines.js';

export function toPosition(lines: LineIndex, offset: number): Position {
  return lines.positionAt(offset);
}

export function toOffset(lines: LineIndex, position: Position): number {
  return lines.offsetAt(position);
}

export function toRange(lines: LineIndex, start: number, end: number): Range {
  return { start: lines.positionAt(start), end: lines.positionAt(end) };
}

/** The offsets of an LSP range. */
export function toSpan(lines: LineIndex, range: Range): { start: number; end: number } {
  return { start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) };
}

export function toLocation(lines: Lines, loc: Location, uriOf: (file: string) => string): LspLocation {
  return { uri: uriOf(loc.file), range: toRange(lines.of(loc.file), loc.start, loc.end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(
  d: Diagnostic,
  lines: Lines,
  uriOf: (file: string) => string,
  docsLink: (code: string) => string | undefined,
): LspDiagnostic {
  const out: LspDiagnostic = {
    range: toRange(lines.of(d.location.file), d.location.start, d.location.end),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'seams',
    message: d.message,
  };
  const href = docsLink(d.code);
  if (href) out.codeDescription = { href };
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r) => ({ location: toLocation(lines, r.location, uriOf), message: r.message }));
  }
  if (d.tags?.length) {
    out.tags = d.tags.map((tag) => (tag === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  }
  return out;
}

/**
 * Core edits (possibly across files) as one LSP workspace edit: plain `changes`,
 * or, given `versionOf`, versioned `documentChanges` (null for a closed file), so
 * the client refuses the edit when a document moved on since it was computed.
 */
export function toWorkspaceEdit(
  edits: readonly TextEdit[],
  lines: Lines,
  uriOf: (file: string) => string,
  versionOf?: (file: string) => number | null,
): WorkspaceEdit {
  const byFile = new Map<string, LspTextEdit[]>();
  for (const e of edits) {
    let list = byFile.get(e.file);
    if (!list) byFile.set(e.file, (list = []));
    list.push({ range: toRange(lines.of(e.file), e.start, e.end), newText: e.newText });
  }
  if (versionOf) {
    return {
      documentChanges: [...byFile].map(([file, list]) => ({ textDocument: { uri: uriOf(file), version: versionOf(file) }, edits: list })),
    };
  }
  const changes: Record<string, LspTextEdit[]> = {};
  for (const [file, list] of byFile) changes[uriOf(file)] = list;
  return { changes };
}

export function toTextEdit(lines: LineIndex, edit: { start: number; end: number; newText: string }): LspTextEdit {
  return { range: toRange(lines, edit.start, edit.end), newText: edit.newText };
}

/**
 * Blocks fold from the line of `{` to the line before `}` so the closing brace
 * stays visible; comment runs fold whole. One-line regions are dropped.
 */
export function toFoldingRanges(regions: readonly FoldRegion[], lines: LineIndex): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const r of regions) {
    const startLine = lines.positionAt(r.start).line;
    const endLine = lines.positionAt(r.end).line - (r.kind === 'block' ? 1 : 0);
    if (endLine <= startLine) continue;
    out.push(r.kind === 'comment' ? { startLine, endLine, kind: FoldingRangeKind.Comment } : { startLine, endLine });
  }
  return out;
}

const OUTLINE_KIND: Record<OutlineKind, SymbolKind> = {
  team: SymbolKind.Object,
  system: SymbolKind.Namespace,
  service: SymbolKind.Class,
  library: SymbolKind.Package,
  rules: SymbolKind.Module,
  api: SymbolKind.Interface,
  event: SymbolKind.Event,
  store: SymbolKind.Field,
  calls: SymbolKind.Function,
  subscribes: SymbolKind.Function,
};

export function toDocumentSymbols(items: readonly OutlineItem[], lines: LineIndex): DocumentSymbol[] {
  return items.map((i) => {
    const range = toRange(lines, i.start, i.end);
    const selectionRange = toRange(lines, i.selectStart, i.selectEnd);
    const sym: DocumentSymbol = {
      name: i.name,
      kind: OUTLINE_KIND[i.kind],
      range,
      selectionRange,
      children: toDocumentSymbols(i.children, lines),
    };
    if (i.detail) sym.detail = i.detail;
    return sym;
  });
}

export function toSymbolInformation(things: readonly NamedThing[], lines: Lines, uriOf: (file: string) => string): SymbolInformation[] {
  return things.map((x) => {
    const info: SymbolInformation = { name: x.name, kind: OUTLINE_KIND[x.kind], location: toLocation(lines, x, uriOf) };
    if (x.container) info.containerName = x.container;
    return info;
  });
}

/** Token types and modifiers the server announces; the order is the encoding. */
export const SEMANTIC_LEGEND: SemanticTokensLegend = {
  tokenTypes: ['namespace', 'class', 'type', 'interface', 'event', 'variable', 'macro', 'keyword', 'enumMember', 'number'],
  tokenModifiers: ['declaration', 'version', 'duration'],
};

const TYPE_OF: Record<SemanticType, { type: string; modifier?: string }> = {
  system: { type: 'namespace' },
  service: { type: 'class' },
  library: { type: 'namespace' },
  team: { type: 'type' },
  api: { type: 'interface' },
  event: { type: 'event' },
  store: { type: 'variable' },
  rule: { type: 'macro' },
  keyword: { type: 'keyword' },
  value: { type: 'enumMember' },
  version: { type: 'number', modifier: 'version' },
  duration: { type: 'number', modifier: 'duration' },
  number: { type: 'number' },
};

export function toSemanticTokens(tokens: readonly SemanticToken[], lines: LineIndex): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  for (const tok of tokens) {
    const start = lines.positionAt(tok.start);
    const end = lines.positionAt(tok.end);
    if (end.line !== start.line) continue; // names and literals never span lines
    const { type, modifier } = TYPE_OF[tok.type];
    let modifiers = 0;
    if (tok.declaration) modifiers |= 1 << SEMANTIC_LEGEND.tokenModifiers.indexOf('declaration');
    if (modifier) modifiers |= 1 << SEMANTIC_LEGEND.tokenModifiers.indexOf(modifier);
    builder.push(start.line, start.character, end.character - start.character, SEMANTIC_LEGEND.tokenTypes.indexOf(type), modifiers);
  }
  return builder.build();
}

/** Whether two LSP ranges share at least a point (a cursor touching a diagnostic counts). */
export function rangesTouch(a: Range, b: Range): boolean {
  const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
