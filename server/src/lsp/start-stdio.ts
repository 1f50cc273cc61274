/**
 * `seams lsp --stdio`: the same language server on stdin/stdout, for editors
 * other than VS Code. The CLI calls `startStdioServer()`; nothing else may
 * write to stdout afterwards.
 */
import { dirname, join } from 'node:path';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node.js';
import { startServer, type RunningServer } from './server.js';

export function startStdioServer(docsRoot?: string): RunningServer {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  return startServer(connection, { docsRoot: docsRoot ?? defaultRoot(), checkWorkerFile: checkWorker() });
}

/** The folder above dist/ when bundled (dist/cli.cjs). */
function defaultRoot(): string | undefined {
  return typeof __dirname === 'string' ? join(__dirname, '..') : dirname(process.argv[1] ?? '.');
}

/** dist/check-worker.cjs beside this bundle; missing when running from sources. */
function checkWorker(): string | undefined {
  return typeof __dirname === 'string' ? join(__dirname, 'check-worker.cjs') : undefined;
}
