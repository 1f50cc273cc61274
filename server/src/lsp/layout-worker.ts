/**
 * The layout worker (bundled as dist/layout-worker.cjs): ELK's bundled build
 * runs synchronously and cannot be interrupted, so the language server lays
 * out here, off the thread that answers typing. One request at a time: a
 * `LayoutRequest` in, a `LayoutReply` out, matched by `id`.
 */
import { parentPort } from 'node:worker_threads';
import { layoutGraph } from '../core/layout/layout.js';
import { layoutForPane } from '../core/views/render-view.js';
import type { LayoutReply, LayoutRequest } from './layout-messages.js';

const port = parentPort;
if (!port) throw new Error('layout-worker.ts must run as a worker thread.');

port.on('message', (request: LayoutRequest) => {
  const run = request.pane
    ? layoutForPane(request.graph, request.pane, { previous: request.previous })
    : layoutGraph(request.graph, undefined, { previous: request.previous });
  run.then(
    (graph) => port.postMessage({ id: request.id, graph } satisfies LayoutReply),
    (err: unknown) => port.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) } satisfies LayoutReply),
  );
});
