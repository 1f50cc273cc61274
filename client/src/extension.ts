// The VS Code side of Seams: it starts the bundled language server and hands it the
// `.seams` documents. Every language feature lives in the server, so this file stays a
// thin launcher that other editors never need.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node.js';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node.js';
import { registerPreview } from './preview/preview-panel.js';
import { registerRuleDocs } from './rule-docs/rule-docs.js';

/** What `activate` returns; integration tests reach the running client through it. */
export interface SeamsExtensionApi {
  readonly client: LanguageClient;
  /** VS Code's Markdown preview calls this (package.json `markdown.markdownItPlugins`). */
  extendMarkdownIt(md: unknown): unknown;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<SeamsExtensionApi> {
  // One channel for the server's log and, with `seams.trace.server`, the protocol trace.
  const output = vscode.window.createOutputChannel('Seams');
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    // Only used when the extension host itself runs under a debugger.
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };

  const watcher = vscode.workspace.createFileSystemWatcher('**/*.seams');
  context.subscriptions.push(watcher);

  const clientOptions: LanguageClientOptions = {
    // `file` for the workspace, `untitled` for a new buffer set to Seams. Other schemes
    // (virtual workspaces) are left out: the server reads the rest of the model from disk.
    documentSelector: [
      { scheme: 'file', language: 'seams' },
      { scheme: 'untitled', language: 'seams' },
    ],
    // The server owns the workspace model, so it must hear about files that change on disk
    // without being open (a `git pull`, a file created from the explorer).
    synchronize: { fileEvents: watcher },
    outputChannel: output,
  };

  // The id `seams` makes the client read the `seams.trace.server` setting by itself.
  const languageClient = new LanguageClient('seams', 'Seams Language Server', serverOptions, clientOptions);
  client = languageClient;

  // Features built on the client register here, before start, so their notification
  // handlers are in place when the server's first messages arrive.
  registerPreview(context, languageClient);

  // Rule pages open rendered, and ```seams blocks in the Markdown preview are coloured.
  const ruleDocs = registerRuleDocs(context);

  await languageClient.start();
  return { client: languageClient, extendMarkdownIt: (md) => ruleDocs.extendMarkdownIt(md as never) };
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.isRunning()) await running.stop();
}
