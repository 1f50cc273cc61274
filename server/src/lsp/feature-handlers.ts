/**
 * The language features as thin handlers: find the file, turn the LSP position
 * into an offset, ask the core (server/src/core/query/), turn the answer back
 * into LSP data. Nothing here knows Seams beyond which core function to call.
 *
 * Handlers that point into text (hover, definition, rename, …) work on
 * `workspace.model()`, built from the current text, so offsets always match;
 * code actions wait for the check of the current text (fixes come from the
 * rules); completion takes the last model as it is (names from a keystroke ago
 * are right) and reads the cursor's context from the current text itself.
 */
import {
  CodeActionKind,
  DocumentHighlightKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixesOf } from '../core/check.js';
import { formatSeams } from '../core/format/format.js';
import { completeAt } from '../core/query/completion.js';
import { foldingRegions } from '../core/query/folding.js';
import { hoverAt } from '../core/query/hover.js';
import { occurrenceAt, occurrencesOf } from '../core/query/occurrences.js';
import { outline, searchSymbols } from '../core/query/outline.js';
import { planRename, renameTarget } from '../core/query/rename.js';
import { semanticTokens } from '../core/query/semantic-tokens.js';
import { RULES } from '../core/rules/registry.js';
import type { Lines } from '../core/text/lines.js';
import {
  rangesTouch,
  SEMANTIC_LEGEND,
  toDocumentSymbols,
  toFoldingRanges,
  toLocation,
  toOffset,
  toRange,
  toSemanticTokens,
  toSpan,
  toSymbolInformation,
  toTextEdit,
  toWorkspaceEdit,
} from './convert.js';
import { toCompletionList } from './completion-list.js';
import type { DiagnosticsPublisher } from './diagnostics-publisher.js';
import type { LiveWorkspace } from './live-workspace.js';
import { fileKey } from './workspace-scan.js';

export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace: LiveWorkspace;
  lines: Lines;
  publisher: DiagnosticsPublisher;
  uriOf(file: string): string;
  /** The documentation URL of a diagnostic or rule code, if it has a page. */
  docsLink(code: string): string | undefined;
  /** Reads every closed file of the workspace from disk again (before edits to them are computed). */
  refreshClosedFiles(): Promise<void>;
  /** The version of an open document (null for a closed file). */
  versionOf(file: string): number | null;
  /** Whether the client takes versioned `documentChanges` in workspace edits. */
  documentChanges(): boolean;
  /** Whether the client takes `itemDefaults.editRange` in completion lists. */
  completionEditRangeDefault(): boolean;
}

export const SERVER_CAPABILITIES: ServerCapabilities = {
  textDocumentSync: TextDocumentSyncKind.Incremental,
  completionProvider: { triggerCharacters: ['.'] },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  documentHighlightProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: true,
  workspaceSymbolProvider: true,
  foldingRangeProvider: true,
  semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
  documentFormattingProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};

export function registerFeatures(ctx: FeatureContext): void {
  const { connection, workspace, lines, uriOf } = ctx;
  const languages = connection.languages;

  /** The workspace key and fresh model for a request's document, if Seams knows it. */
  const at = (uri: string) => {
    const file = fileKey(uri);
    if (!workspace.has(file)) return undefined;
    const model = workspace.model();
    const ast = model.files.get(file);
    return ast ? { file, model, ast, index: lines.of(file) } : undefined;
  };

  connection.onCompletion((params) => {
    need(params, 'textDocument/completion', 'uri', 'position');
    const file = fileKey(params.textDocument.uri);
    const text = ctx.documents.get(params.textDocument.uri)?.getText() ?? workspace.text(file);
    if (text === undefined) return [];
    // The document's own text, which may be newer than the last check.
    const index = lines.of(file);
    const offset = toOffset(index, params.position);
    const result = completeAt(text, offset, workspace.lastModel(), RULES);
    // Bounded (completion-list.ts): past the bound, what matches the name typed so far.
    return toCompletionList(result, text.slice(result.replaceStart, offset), index, ctx.completionEditRangeDefault());
  });

  connection.onHover((params) => {
    need(params, 'textDocument/hover', 'uri', 'position');
    const f = at(params.textDocument.uri);
    if (!f) return null;
    const h = hoverAt(f.model, RULES, f.file, toOffset(f.index, params.position));
    return h ? { contents: { kind: 'markdown', value: h.markdown }, range: toRange(f.index, h.start, h.end) } : null;
  });

  connection.onDefinition((params) => {
    need(params, 'textDocument/definition', 'uri', 'position');
    const f = at(params.textDocument.uri);
    const o = f && occurrenceAt(f.ast, toOffset(f.index, params.position));
    if (!f || !o) return null;
    if (o.kind === 'rule') {
      // A rule is defined by its documentation page, where there is one.
      const href = ctx.docsLink(o.name);
      return href ? [{ uri: href.replace(/#.*$/, ''), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] : null;
    }
    const defs = occurrencesOf(f.model.files.values(), o).filter((x) => x.role === 'definition');
    return defs.map((d) => toLocation(lines, d, uriOf));
  });

  connection.onReferences((params, token) => {
    need(params, 'textDocument/references', 'uri', 'position');
    const f = at(params.textDocument.uri);
    const o = f && occurrenceAt(f.ast, toOffset(f.index, params.position));
    if (!f || !o || token.isCancellationRequested) return null;
    return occurrencesOf(f.model.files.values(), o)
      .filter((x) => params.context.includeDeclaration || x.role !== 'definition' || x.kind === 'store')
      .map((x) => toLocation(lines, x, uriOf));
  });

  connection.onDocumentHighlight((params) => {
    need(params, 'textDocument/documentHighlight', 'uri', 'position');
    const f = at(params.textDocument.uri);
    const o = f && occurrenceAt(f.ast, toOffset(f.index, params.position));
    if (!f || !o) return null;
    return occurrencesOf([f.ast], o).map((x) => ({
      range: toRange(f.index, x.start, x.end),
      kind: x.role === 'definition' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
    }));
  });

  connection.onPrepareRename((params) => {
    need(params, 'textDocument/prepareRename', 'uri', 'position');
    const f = at(params.textDocument.uri);
    const o = f && renameTarget(f.ast, toOffset(f.index, params.position));
    if (!f || !o) return null;
    return { range: toRange(f.index, o.start, o.end), placeholder: o.name };
  });

  connection.onRenameRequest(async (params) => {
    need(params, 'textDocument/rename', 'uri', 'position');
    if (typeof params.newName !== 'string') {
      throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument/rename needs params.newName, a string');
    }
    // Closed files are edited from the server's copy: make sure it is what is on disk now.
    await ctx.refreshClosedFiles();
    const f = at(params.textDocument.uri);
    if (!f) return null;
    const plan = planRename(f.model, f.file, toOffset(f.index, params.position), params.newName);
    if ('error' in plan) throw new ResponseError(LSPErrorCodes.RequestFailed, `Cannot rename: ${plan.error}.`);
    return toWorkspaceEdit(plan.edits, lines, uriOf, ctx.documentChanges() ? ctx.versionOf : undefined);
  });

  connection.onDocumentSymbol((params) => {
    need(params, 'textDocument/documentSymbol', 'uri');
    const f = at(params.textDocument.uri);
    return f ? toDocumentSymbols(outline(f.ast), f.index) : null;
  });

  connection.onWorkspaceSymbol((params) => {
    if (typeof (params as { query?: unknown } | null)?.query !== 'string') {
      throw new ResponseError(ErrorCodes.InvalidParams, 'workspace/symbol needs params.query (a string)');
    }
    return toSymbolInformation(searchSymbols(workspace.model(), params.query), lines, uriOf);
  });

  connection.onFoldingRanges((params) => {
    need(params, 'textDocument/foldingRange', 'uri');
    const f = at(params.textDocument.uri);
    return f ? toFoldingRanges(foldingRegions(f.ast), f.index) : null;
  });

  languages.semanticTokens.on((params) => {
    need(params, 'textDocument/semanticTokens/full', 'uri');
    const f = at(params.textDocument.uri);
    return f ? toSemanticTokens(semanticTokens(f.ast), f.index) : { data: [] };
  });

  connection.onDocumentFormatting((params) => {
    need(params, 'textDocument/formatting', 'uri');
    const file = fileKey(params.textDocument.uri);
    const text = workspace.text(file);
    if (text === undefined) return null;
    // `formatSeams` refuses (undefined) a file with syntax errors: its meaning is not settled.
    const formatted = formatSeams(text);
    if (formatted === undefined || formatted === text) return [];
    return [toTextEdit(lines.of(file), minimalEdit(text, formatted))];
  });

  connection.onCodeAction(async (params, token) => {
    need(params, 'textDocument/codeAction', 'uri', 'range');
    const only = params.context?.only;
    if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
    // Fixes come from the rules: wait for the check of the current text.
    await workspace.upToDate();
    if (token.isCancellationRequested) return null;
    const f = at(params.textDocument.uri);
    if (!f) return null;
    const actions: CodeAction[] = [];
    const span = toSpan(f.index, params.range);
    const range = toRange(f.index, span.start, span.end);
    for (const d of ctx.publisher.diagnosticsOf(f.file)) {
      const lsp = ctx.publisher.toLsp(d);
      if (!rangesTouch(lsp.range, range)) continue;
      // Built now, for this request only: checks never build fixes.
      for (const fix of fixesOf(d, f.model)) {
        const action: CodeAction = {
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [lsp],
          edit: toWorkspaceEdit(fix.edits, lines, uriOf, ctx.documentChanges() ? ctx.versionOf : undefined),
        };
        if (fix.preferred) action.isPreferred = true;
        actions.push(action);
      }
    }
    return actions;
  });
}

type Need = 'uri' | 'position' | 'range';

/**
 * Refuses a request whose params lack what the handler reads, with -32602 and a
 * sentence naming the missing field (rather than a TypeError from deep inside).
 */
export function need(params: unknown, method: string, ...fields: Need[]): void {
  const p = params as
    { textDocument?: { uri?: unknown }; position?: unknown; range?: { start?: unknown; end?: unknown } } | null | undefined;
  const missing: string[] = [];
  if (typeof p !== 'object' || p === null) missing.push('params');
  else {
    if (fields.includes('uri') && typeof p.textDocument?.uri !== 'string') missing.push('params.textDocument.uri (a string)');
    if (fields.includes('position') && !isPosition(p.position)) missing.push('params.position ({line, character})');
    if (fields.includes('range') && !(isPosition(p.range?.start) && isPosition(p.range?.end))) {
      missing.push('params.range ({start, end})');
    }
  }
  if (missing.length) throw new ResponseError(ErrorCodes.InvalidParams, `${method} needs ${missing.join(' and ')}`);
}

function isPosition(p: unknown): boolean {
  const q = p as { line?: unknown; character?: unknown } | null | undefined;
  return (
    typeof q === 'object' &&
    q !== null &&
    Number.isInteger(q.line) &&
    Number.isInteger(q.character) &&
    (q.line as number) >= 0 &&
    (q.character as number) >= 0
  );
}

/** One edit that turns `before` into `after`, covering only the part between their common prefix and suffix. */
export function minimalEdit(before: string, after: string): { start: number; end: number; newText: string } {
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) {
    suffix++;
  }
  // Never split a surrogate pair or a CRLF between the kept and replaced parts.
  while (prefix > 0 && isSplitPoint(before, prefix)) prefix--;
  while (suffix > 0 && isSplitPoint(before, before.length - suffix)) suffix--;
  return { start: prefix, end: before.length - suffix, newText: after.slice(prefix, after.length - suffix) };
}

function isSplitPoint(text: string, i: number): boolean {
  const prev = text.charCodeAt(i - 1);
  const next = text.charCodeAt(i);
  return (prev >= 0xd800 && prev <= 0xdbff) || (prev === 13 && next === 10);
}
