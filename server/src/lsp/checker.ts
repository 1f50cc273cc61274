/**
 * Where the full check runs: in the check worker (dist/check-worker.cjs) when
 * it is there, else on the server's own thread (running the TypeScript sources
 * directly, e.g. under tsx). Both keep their own parse cache and are fed only
 * the files that changed; a worker that dies is replaced on the next check and
 * sent every file again.
 */
import { Worker } from 'node:worker_threads';
import { Workspace } from '../core/check.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { CheckReply, CheckRequest } from './check-messages.js';
import { Lines } from '../core/text/lines.js';
import { diagnosticSignatures } from './diagnostic-signatures.js';

export interface Changes {
  set: [string, string][];
  deleted: string[];
}

export interface Checked {
  diagnostics: Diagnostic[];
  /** Per-file signatures (diagnostic-signatures.ts), computed beside the check. */
  signatures: Map<string, string>;
}

export interface Checker {
  /** Applies `changes` (or, for a fresh checker, every file from `all()`) and checks. */
  check(changes: Changes, all: () => [string, string][]): Promise<Checked>;
  dispose(): void;
}

export class InlineChecker implements Checker {
  private readonly workspace = new Workspace();
  private readonly lines = new Lines((file) => this.workspace.text(file));

  check(changes: Changes): Promise<Checked> {
    for (const f of changes.deleted) {
      this.workspace.delete(f);
      this.lines.forget(f);
    }
    for (const [f, text] of changes.set) this.workspace.set(f, text);
    const diagnostics = this.workspace.check().diagnostics;
    return Promise.resolve({ diagnostics, signatures: diagnosticSignatures(diagnostics, this.lines) });
  }

  dispose(): void {}
}

export class WorkerChecker implements Checker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { worker: Worker; resolve: (c: Checked) => void; reject: (e: Error) => void }>();

  constructor(private readonly workerFile: string) {}

  check(changes: Changes, all: () => [string, string][]): Promise<Checked> {
    let request: Omit<CheckRequest, 'id'> = changes;
    if (!this.worker) {
      this.worker = this.start();
      request = { set: all(), deleted: [] };
    }
    const worker = this.worker;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject });
      worker.postMessage({ id, ...request } satisfies CheckRequest);
    });
  }

  dispose(): void {
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
  }

  private start(): Worker {
    const worker = new Worker(this.workerFile);
    // The worker must not keep the server alive after the client has gone.
    worker.unref();
    worker.on('message', (reply: CheckReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.error !== undefined) p.reject(new Error(reply.error));
      else p.resolve({ diagnostics: reply.diagnostics, signatures: reply.signatures });
    });
    const lost = (err: Error) => {
      if (this.worker === worker) this.worker = undefined;
      // Only this worker's checks are lost; a replacement's are still coming.
      for (const [id, p] of this.pending) {
        if (p.worker !== worker) continue;
        this.pending.delete(id);
        p.reject(err);
      }
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the check worker stopped (exit ${code})`)));
    return worker;
  }
}
