/**
 * The check worker (bundled as dist/check-worker.cjs): runs the full check
 * (parse, model, every rule) off the thread that answers the editor, so a
 * completion or hover never waits behind a check of a large workspace. It
 * keeps its own parse cache: each request carries only the files that changed.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { Workspace } from '../core/check.js';
import type { CheckReply, CheckRequest } from './check-messages.js';
import { Lines } from '../core/text/lines.js';
import { diagnosticSignatures } from './diagnostic-signatures.js';

const port = parentPort;
if (!port) throw new Error('check-worker.ts must run as a worker thread.');

const workspace = new Workspace();
const lines = new Lines((file) => workspace.text(file));
lowerThreadPriority();

/**
 * Checking is background work: on Linux a thread is a task with its own nice
 * value, so this thread yields the CPU to the thread answering the editor when
 * both want it (a 2-core machine under load). Elsewhere, or if not allowed, it
 * stays as it is.
 */
function lowerThreadPriority(): void {
  try {
    const tid = Number(/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))?.[1]);
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, Math.min(19, getPriority(tid) + 10));
  } catch {
    // no /proc (macOS, Windows) or not permitted: keep the default priority
  }
}

port.on('message', (request: CheckRequest) => {
  let reply: CheckReply;
  try {
    for (const file of request.deleted) {
      workspace.delete(file);
      lines.forget(file);
    }
    for (const [file, text] of request.set) workspace.set(file, text);
    const diagnostics = workspace.check().diagnostics;
    reply = { id: request.id, diagnostics, signatures: diagnosticSignatures(diagnostics, lines) };
  } catch (err) {
    reply = { id: request.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  port.postMessage(reply);
});
