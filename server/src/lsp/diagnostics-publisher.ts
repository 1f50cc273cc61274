/**
 * Sends `textDocument/publishDiagnostics` after each check, only for files
 * whose diagnostics changed: a change in one file that touches another (a
 * store now shared, a service renamed away) re-publishes both, and a file that
 * became clean (or left the workspace) gets an empty list once. A file's list
 * is bounded (publish-bound.ts): past 1,000, the most severe and a summary.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection, Diagnostic as LspDiagnostic } from 'vscode-languageserver/node.js';
import type { CheckResult } from '../core/check.js';
import { FIXED_CODES, type Diagnostic } from '../core/diagnostics.js';
import type { Lines } from '../core/text/lines.js';
import { toLspDiagnostic } from './convert.js';
import { boundForPublish } from './publish-bound.js';

export class DiagnosticsPublisher {
  /** A signature of what was last sent per file, to tell whether anything changed. */
  private readonly sent = new Map<string, string>();
  /** The text each file had when its diagnostics were last sent. */
  private readonly sentText = new Map<string, string | undefined>();
  /** Core diagnostics of the last check by file (code actions read their fixes). */
  private byFile = new Map<string, Diagnostic[]>();

  constructor(
    private readonly connection: Connection,
    private readonly lines: Lines,
    private readonly uriOf: (file: string) => string,
    private readonly docsLink: (code: string) => string | undefined,
    private readonly versionOf: (file: string) => number | undefined,
  ) {}

  diagnosticsOf(file: string): readonly Diagnostic[] {
    return this.byFile.get(file) ?? [];
  }

  toLsp(d: Diagnostic): LspDiagnostic {
    return toLspDiagnostic(d, this.lines, this.uriOf, this.docsLink);
  }

  /** `signatures`: per file, from diagnostic-signatures.ts (a file missing there has none). */
  publish(result: CheckResult, files: readonly string[], signatures: ReadonlyMap<string, string>): void {
    const byFile = new Map<string, Diagnostic[]>();
    for (const f of files) byFile.set(f, []);
    for (const d of result.diagnostics) {
      const list = byFile.get(d.location.file);
      if (list) list.push(d);
      else byFile.set(d.location.file, [d]);
    }
    this.byFile = byFile;
    for (const [file, list] of byFile) {
      // Compare core data (cheap), convert only files whose diagnostics changed.
      const signature = signatures.get(file) ?? '[]';
      // An edited file is always re-sent: an edit may move line breaks but keep offsets.
      const text = this.lines.textOf(file);
      // A clean file never published before needs no message, unless it is open (the editor waits for one).
      const unseenClean = list.length === 0 && !this.sent.has(file) && this.versionOf(file) === undefined;
      if ((this.sent.get(file) === signature && this.sentText.get(file) === text) || unseenClean) continue;
      this.sent.set(file, signature);
      this.sentText.set(file, text);
      const { shown, summary } = boundForPublish(list);
      const lsp = shown.map((d) => this.toLsp(d));
      if (summary) lsp.unshift(this.toLsp(summary));
      void this.connection.sendDiagnostics({ uri: this.uriOf(file), version: this.versionOf(file), diagnostics: lsp });
    }
    // Files gone from the workspace: clear what the editor still shows for them.
    for (const file of [...this.sent.keys()]) {
      if (byFile.has(file)) continue;
      this.sent.delete(file);
      this.sentText.delete(file);
      this.lines.forget(file);
      void this.connection.sendDiagnostics({ uri: this.uriOf(file), diagnostics: [] });
    }
  }
}

/**
 * Links each code to its documentation: `docs/rules/<code>.md` for a rule, the
 * "Fixed errors" section of `docs/rules/README.md` for the fixed errors, as `file:`
 * URLs under `docsRoot` (the checkout, or the installed extension when it ships
 * `docs/`). A code whose page does not exist gets no link rather than a dead one.
 */
export function docsLinker(docsRoot: string | undefined): (code: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (code) => {
    if (!docsRoot) return undefined;
    if (cache.has(code)) return cache.get(code);
    let href: string | undefined;
    const page = join(docsRoot, 'docs', 'rules', `${code}.md`);
    if (existsSync(page)) href = pathToFileURL(page).href;
    else if ((FIXED_CODES as readonly string[]).includes(code)) {
      // The fixed errors share one section: the rules index, else the language guide.
      const index = [join(docsRoot, 'docs', 'rules', 'README.md'), join(docsRoot, 'docs', 'language.md')].find((p) => existsSync(p));
      if (index) href = `${pathToFileURL(index).href}#fixed-errors`;
    }
    cache.set(code, href);
    return href;
  };
}
