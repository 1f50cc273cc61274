/**
 * A real JSON-RPC session with the bundled language server (dist/server.cjs
 * started with `--stdio` as a child process), for the protocol tests and the
 * bench. Diagnostics are collected as they arrive; `waitForDiagnostics` waits
 * for the next publish that satisfies a condition (event-driven, no sleeps).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ResponseError,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type FileEvent,
  type InitializeResult,
  type ProtocolConnection,
  type Registration,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SERVER = join(ROOT, 'dist', 'server.cjs');

export interface Waiter {
  test: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export class LspSession {
  readonly connection: ProtocolConnection;
  /** The latest diagnostics per URI. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** Every publish in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  private waiters: Waiter[] = [];
  private readonly versions = new Map<string, number>();
  readonly stderr: string[] = [];
  initializeResult: InitializeResult | undefined;
  /** The first `client/registerCapability` request's registrations. */
  readonly registrations: Promise<Registration[]>;

  private constructor(
    readonly child: ChildProcess,
    readonly folder: string,
    refuseRegistration = false,
  ) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr!.on('data', (b: Buffer) => this.stderr.push(b.toString()));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.published.push(p);
      const still: Waiter[] = [];
      for (const w of this.waiters) {
        if (w.test(p)) w.resolve(p);
        else still.push(w);
      }
      this.waiters = still;
    });
    // The server registers file watchers when the client allows it; accept and remember.
    this.registrations = new Promise((resolve) => {
      this.connection.onRequest('client/registerCapability', (params: { registrations: Registration[] }) => {
        resolve(params.registrations);
        // Some clients (Neovim without a file watcher, for one) answer with an error.
        if (refuseRegistration) return new ResponseError(-32601, 'dynamic registration is not supported here');
        return null;
      });
    });
    this.connection.onRequest('workspace/configuration', () => []);
    this.connection.listen();
  }

  /** Starts the server on a folder (a fresh temp folder with `files` when `files` is given). */
  static async start(
    folder: string,
    options: {
      dynamicWatch?: boolean;
      documentChanges?: boolean;
      refuseRegistration?: boolean;
      /** Take `itemDefaults.editRange` in completion lists, as VS Code does. */
      completionItemDefaults?: boolean;
    } = {},
  ): Promise<LspSession> {
    // SEAMS_SERVER_CPU_PROF=<folder> writes V8 CPU profiles of the server (and its layout worker) there
    // (`npm run bench` included): how the server's own time was found, and how to look again.
    const profile = process.env.SEAMS_SERVER_CPU_PROF;
    const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
    // SEAMS_SERVER=<dist/server.cjs of another build>: the bench measures that build instead (before/after).
    const server = process.env.SEAMS_SERVER ?? SERVER;
    const child = spawn(process.execPath, [...flags, server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const session = new LspSession(child, folder, options.refuseRegistration ?? false);
    const uri = pathToFileURL(folder).href;
    session.initializeResult = await session.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'ws' }],
      capabilities: {
        workspace: {
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: options.dynamicWatch ?? false },
          workspaceEdit: { documentChanges: options.documentChanges ?? false },
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true },
          rename: { prepareSupport: true },
          ...(options.completionItemDefaults ? { completion: { completionList: { itemDefaults: ['editRange'] } } } : {}),
        },
      },
    });
    await session.connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  uri(name: string): string {
    return pathToFileURL(join(this.folder, name)).href;
  }

  /** Resolves with the next publish (from now on) for which `test` holds. */
  next(test: (p: PublishDiagnosticsParams) => boolean, what = 'diagnostics', timeoutMs = 20_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr.join('')}`)), timeoutMs);
      this.waiters.push({
        test,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  /** Waits until the latest diagnostics of `uri` satisfy `test` (now or after a later publish). */
  async until(uri: string, test: (d: Diagnostic[]) => boolean, what = `diagnostics of ${uri}`): Promise<Diagnostic[]> {
    const now = this.diagnostics.get(uri);
    if (now && test(now)) return now;
    const p = await this.next((x) => x.uri === uri && test(x.diagnostics), what);
    return p.diagnostics;
  }

  async open(name: string, text?: string): Promise<string> {
    const uri = this.uri(name);
    const body = text ?? readFileSync(join(this.folder, name), 'utf8');
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'seams', version: 1, text: body },
    });
    return uri;
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async watched(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.child.exitCode === null) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          this.child.kill();
          resolve();
        }, 2000);
        this.child.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }
}

/** A temp copy of examples/ (or an empty temp folder); removed by the returned function. */
export function tempWorkspace(copyExamples: boolean): { folder: string; remove: () => void } {
  const folder = mkdtempSync(join(tmpdir(), 'seams-lsp-'));
  if (copyExamples) cpSync(join(ROOT, 'examples'), folder, { recursive: true });
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** Zero-based position of the `n`th (0-based) occurrence of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, n = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} not found (occurrence ${n})`);
  }
  const offset = at + delta;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Applies LSP text edits to a text (as the editor would). */
export function applyEdits(text: string, edits: import('vscode-languageserver-protocol/node.js').TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.seams', 'seams', 1, text), edits);
}
