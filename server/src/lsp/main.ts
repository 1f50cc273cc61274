/**
 * Entry of dist/server.cjs. The transport comes from the command line, as
 * vscode-languageserver reads it: `--node-ipc` when VS Code starts the server,
 * `--stdio` for other editors (and the protocol tests), `--socket=N`.
 * Nothing may write to stdout here: on stdio it is the protocol channel.
 * On stdio messages are read by GuardedMessageReader (stdio-reader.ts).
 */
import { dirname, join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { startServer } from './server.js';
import { createStdioConnection } from './start-stdio.js';

// On stdio the framing is read strictly (stdio-reader.ts); IPC carries whole messages.
const connection = process.argv.includes('--stdio') ? createStdioConnection() : createConnection(ProposedFeatures.all);
startServer(connection, { docsRoot: bundleRoot() });

/** The folder above dist/: the checkout, or the installed extension. */
function bundleRoot(): string | undefined {
  return typeof __dirname === 'string' ? join(__dirname, '..') : dirname(process.argv[1] ?? '.');
}
