/**
 * The check worker (bundled as dist/check-worker.cjs): runs the full check
 * (parse, model, every rule) off the thread that answers the editor, so a
 * completion or hover never waits behind a check of a large workspace. It
 * keeps its own parse cache: each request carries only the files that changed.
 */
import { parentPort } from 'node:worker_threads';
import { Workspace } from '../core/check.js';
import type { CheckReply, CheckRequest } from './check-messages.js';
import { diagnosticSignatures } from './diagnostic-signatures.js';

const port = parentPort;
if (!port) throw new Error('check-worker.ts must run as a worker thread.');

const workspace = new Workspace();

port.on('message', (request: CheckRequest) => {
  let reply: CheckReply;
  try {
    for (const file of request.deleted) workspace.delete(file);
    for (const [file, text] of request.set) workspace.set(file, text);
    const diagnostics = workspace.check().diagnostics;
    reply = { id: request.id, diagnostics, signatures: diagnosticSignatures(diagnostics) };
  } catch (err) {
    reply = { id: request.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  port.postMessage(reply);
});
