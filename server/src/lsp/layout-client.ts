/**
 * The language server's side of the layout worker.
 *
 * - Lays out in a worker thread (dist/layout-worker.cjs), so a long layout never
 *   delays diagnostics or completion.
 * - Skips the worker when the graph's shape did not change (`graphShapeKey`):
 *   the previous geometry is reused with the new problems and summaries.
 * - One layout at a time; while one runs, only the newest waiting request is
 *   kept. Older waiting ones reject with `LayoutSuperseded` (their answer would
 *   be stale anyway; the caller ignores that error).
 * - A worker that dies is replaced on the next request.
 */
import { Worker } from 'node:worker_threads';
import type { LaidOutGraph, ServiceGraph } from '../core/layout/graph.js';
import { graphShapeKey, withGraphData } from '../core/layout/graph-shape-key.js';
import type { LayoutReply, LayoutRequest } from './layout-messages.js';

export class LayoutSuperseded extends Error {
  constructor() {
    super('A newer layout request replaced this one.');
    this.name = 'LayoutSuperseded';
  }
}

export interface LayoutClientOptions {
  /** Path of the worker script (dist/layout-worker.cjs next to dist/server.cjs). */
  workerFile: string;
  /** Extra Node flags for the worker (tests run the TypeScript source with `--import tsx`). */
  execArgv?: string[];
}

interface Pending {
  graph: ServiceGraph;
  key: string;
  resolve: (g: LaidOutGraph) => void;
  reject: (e: Error) => void;
}

export class LayoutClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private running: (Pending & { id: number }) | undefined;
  private waiting: Pending | undefined;
  private last: { key: string; graph: LaidOutGraph } | undefined;
  /** How many layouts actually went to the worker (for tests and logs). */
  layoutsRun = 0;

  constructor(private readonly options: LayoutClientOptions) {}

  layout(graph: ServiceGraph): Promise<LaidOutGraph> {
    const key = graphShapeKey(graph);
    if (this.last && this.last.key === key && !this.running && !this.waiting) {
      return Promise.resolve(withGraphData(this.last.graph, graph));
    }
    return new Promise<LaidOutGraph>((resolve, reject) => {
      this.waiting?.reject(new LayoutSuperseded());
      this.waiting = { graph, key, resolve, reject };
      this.pump();
    });
  }

  /** Stops the worker; pending requests reject. */
  async dispose(): Promise<void> {
    this.waiting?.reject(new Error('The layout client was disposed.'));
    this.waiting = undefined;
    this.running?.reject(new Error('The layout client was disposed.'));
    this.running = undefined;
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }

  private pump(): void {
    if (this.running || !this.waiting) return;
    const job = this.waiting;
    this.waiting = undefined;
    if (this.last && this.last.key === job.key) {
      job.resolve(withGraphData(this.last.graph, job.graph));
      this.pump();
      return;
    }
    const id = this.nextId++;
    this.running = { ...job, id };
    this.layoutsRun++;
    const worker = this.ensureWorker();
    // Referenced only while it works: an idle worker must not keep the process alive.
    worker.ref();
    // The last layout is the stability hint: boxes keep their order where they can.
    // (Only in the same direction: positions of a turned picture would mislead.)
    const previous = this.last?.graph.options.direction === job.graph.options.direction ? this.last.graph : undefined;
    worker.postMessage({ id, graph: job.graph, previous } satisfies LayoutRequest);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.options.workerFile, { execArgv: this.options.execArgv });
    worker.on('message', (reply: LayoutReply) => this.onReply(reply));
    const fail = (err: Error): void => {
      if (this.worker === worker) this.worker = undefined;
      const job = this.running;
      this.running = undefined;
      job?.reject(err);
      this.pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.worker === worker) fail(new Error(`The layout worker stopped (exit code ${code}).`));
    });
    this.worker = worker;
    return worker;
  }

  private onReply(reply: LayoutReply): void {
    const job = this.running;
    if (!job || job.id !== reply.id) return;
    this.running = undefined;
    if (!this.waiting) this.worker?.unref();
    if (reply.graph) {
      this.last = { key: job.key, graph: reply.graph };
      job.resolve(reply.graph);
    } else {
      job.reject(new Error(`Layout failed: ${reply.error}`));
    }
    this.pump();
  }
}
