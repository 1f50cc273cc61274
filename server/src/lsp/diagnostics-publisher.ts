/**
 * Sends `textDocument/publishDiagnostics` after each check, only for files
 * whose diagnostics changed: a change in one file that touches another (a
 * store now shared, a service renamed away) re-publishes both, and a file that
 * became clean (or left the workspace) gets an empty list once. A file's list
 * is bounded (publish-bound.ts): past 1,000, the most severe and a summary.
 * A check is published file by file, pausing between files for requests.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection, Diagnostic as LspDiagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node.js';
import type { CheckResult } from '../core/check.js';
import { FIXED_CODES, type Diagnostic } from '../core/diagnostics.js';
import type { Lines } from '../core/text/lines.js';
import { toLspDiagnostic } from './convert.js';
import { DiagnosticSigner, groupByFile } from './diagnostic-signatures.js';
import { boundForPublish } from './publish-bound.js';

/** How long the publisher works before it lets pending requests in (when it sends nothing meanwhile). */
const SLICE_MS = 8;

export class DiagnosticsPublisher {
  /** A signature of what was last sent per file, to tell whether anything changed. */
  private readonly sent = new Map<string, string>();
  /** The text each file had when its diagnostics were last sent. */
  private readonly sentText = new Map<string, string | undefined>();
  /** Core diagnostics of the last check by file (code actions read their fixes). */
  private byFile = new Map<string, Diagnostic[]>();
  private readonly signer: DiagnosticSigner;

  constructor(
    private readonly connection: Connection,
    private readonly lines: Lines,
    private readonly uriOf: (file: string) => string,
    private readonly docsLink: (code: string) => string | undefined,
    private readonly versionOf: (file: string) => number | undefined,
  ) {
    this.signer = new DiagnosticSigner(lines);
  }

  diagnosticsOf(file: string): readonly Diagnostic[] {
    return this.byFile.get(file) ?? [];
  }

  toLsp(d: Diagnostic): LspDiagnostic {
    return toLspDiagnostic(d, this.lines, this.uriOf, this.docsLink);
  }

  /**
   * Publishes a check file by file: open documents first (the one being typed
   * in is among them), then the rest. Each message is written before the next
   * is made, and between them `pause` lets pending requests in, so a request
   * waits for at most one file's message, not for the whole publish (the
   * connection writes messages, answers included, one after another). When
   * `pause` answers false (a text changed) it stops: files not reached keep
   * what they showed, and the next check publishes them if they still differ.
   *
   * Resolves true when every file was published.
   */
  async publish(result: CheckResult, files: readonly string[], pause: () => Promise<boolean>): Promise<boolean> {
    const byFile = groupByFile(result.diagnostics);
    for (const f of files) if (!byFile.has(f)) byFile.set(f, []);
    this.byFile = byFile;
    const order = [...byFile.keys()];
    const open = order.filter((f) => this.versionOf(f) !== undefined);
    const rest = order.filter((f) => this.versionOf(f) === undefined);
    let sliceStart = performance.now();
    for (const file of [...open, ...rest]) {
      if (performance.now() - sliceStart > SLICE_MS) {
        if (!(await pause())) return false;
        sliceStart = performance.now();
      }
      const message = this.messageFor(file, byFile.get(file)!);
      if (!message) continue;
      await this.connection.sendDiagnostics(message);
      if (!(await pause())) return false;
      sliceStart = performance.now();
    }
    // Files gone from the workspace: clear what the editor still shows for them.
    for (const file of [...this.sent.keys()]) {
      if (byFile.has(file)) continue;
      this.sent.delete(file);
      this.sentText.delete(file);
      this.lines.forget(file);
      this.signer.signFile(file, []);
      void this.connection.sendDiagnostics({ uri: this.uriOf(file), diagnostics: [] });
    }
    return true;
  }

  /** The message that brings `file` up to date in the editor, or undefined when it already is. */
  private messageFor(file: string, list: readonly Diagnostic[]): PublishDiagnosticsParams | undefined {
    // Compare core data (cheap), convert only files whose diagnostics changed.
    const signature = this.signer.signFile(file, list);
    // An edited file is always re-sent: an edit may move line breaks but keep offsets.
    const text = this.lines.textOf(file);
    // A clean file never published before needs no message, unless it is open (the editor waits for one).
    const unseenClean = list.length === 0 && !this.sent.has(file) && this.versionOf(file) === undefined;
    if ((this.sent.get(file) === signature && this.sentText.get(file) === text) || unseenClean) return undefined;
    this.sent.set(file, signature);
    this.sentText.set(file, text);
    const { shown, summary } = boundForPublish(list);
    const lsp = shown.map((d) => this.toLsp(d));
    if (summary) lsp.unshift(this.toLsp(summary));
    return { uri: this.uriOf(file), version: this.versionOf(file), diagnostics: lsp };
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
