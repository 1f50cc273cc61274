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
import { fitScale, formatViewSpec, type PaneSize } from '../core/views/view-spec.js';
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
  pane: PaneSize | undefined;
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

  /**
   * Lays `graph` out; with `pane`, for that pane (the arrangement that suits
   * it). The same shape for the same view and pane reuses the last geometry.
   */
  layout(graph: ServiceGraph, pane?: PaneSize): Promise<LaidOutGraph> {
    const key = `${graphShapeKey(graph)}|${graph.view ? formatViewSpec(graph.view) : ''}|${pane ? `${pane.width}x${pane.height}` : ''}`;
    if (this.last && this.last.key === key && !this.running && !this.waiting) {
      return Promise.resolve(reuse(this.last.graph, graph, pane));
    }
    return new Promise<LaidOutGraph>((resolve, reject) => {
      this.waiting?.reject(new LayoutSuperseded());
      this.waiting = { graph, pane, key, resolve, reject };
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
      job.resolve(reuse(this.last.graph, job.graph, job.pane));
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
    // (Only for the same view in the same direction: positions of another
    // picture, or of a turned one, would mislead.)
    const last = this.last?.graph;
    const sameView = (last?.view ? formatViewSpec(last.view) : '') === (job.graph.view ? formatViewSpec(job.graph.view) : '');
    const previous = last && sameView && last.options.direction === job.graph.options.direction ? last : undefined;
    worker.postMessage({ id, graph: job.graph, previous, pane: job.pane } satisfies LayoutRequest);
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
      const graph = withView(reply.graph, job.graph, job.pane);
      this.last = { key: job.key, graph };
      job.resolve(graph);
    } else {
      job.reject(new Error(`Layout failed: ${reply.error}`));
    }
    this.pump();
  }
}

/** The view, breadcrumb and fit scale travel with the graph whichever way it was laid out. */
function withView(laidOut: LaidOutGraph, graph: ServiceGraph, pane: PaneSize | undefined): LaidOutGraph {
  const out: LaidOutGraph = { ...laidOut };
  if (graph.view) out.view = graph.view;
  if (graph.breadcrumb) out.breadcrumb = graph.breadcrumb;
  // The worker's own fit counts the legend drawn below the picture (core/views layoutForPane): keep it.
  if (pane) out.fitScale = laidOut.fitScale ?? Math.round(fitScale(laidOut, pane) * 100) / 100;
  return out;
}

function reuse(last: LaidOutGraph, graph: ServiceGraph, pane: PaneSize | undefined): LaidOutGraph {
  return withView(withGraphData(last, graph), graph, pane);
}
