/**
 * `seams lsp --stdio`: the same language server on stdin/stdout, for editors
 * other than VS Code. The CLI calls `startStdioServer()`; nothing else may
 * write to stdout afterwards. Messages are read by GuardedMessageReader
 * (stdio-reader.ts): broken framing ends the process, so the editor restarts it.
 */
import { dirname, join } from 'node:path';
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection } from 'vscode-languageserver/node.js';
import { startServer, type RunningServer } from './server.js';
import { GuardedMessageReader } from './stdio-reader.js';

export function startStdioServer(docsRoot?: string): RunningServer {
  return startServer(createStdioConnection(), { docsRoot: docsRoot ?? defaultRoot() });
}

/** A connection on stdin/stdout whose reader answers protocol mistakes and exits on broken framing. */
export function createStdioConnection(): Connection {
  const writer = new StreamMessageWriter(process.stdout);
  const reader = new GuardedMessageReader(process.stdin, {
    reply: (message) => void writer.write(message).catch(() => undefined),
    fatal: (reason) => {
      process.stderr.write(`seams lsp: ${reason}; exiting so that the editor starts the server again\n`);
      process.exit(1);
    },
  });
  return createConnection(ProposedFeatures.all, reader, writer);
}

/** The folder above dist/ when bundled (dist/cli.cjs). */
function defaultRoot(): string | undefined {
  return typeof __dirname === 'string' ? join(__dirname, '..') : dirname(process.argv[1] ?? '.');
}
