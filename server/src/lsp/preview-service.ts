/**
 * The language server's side of the preview: answers `seams/graph` and
 * `seams/nodeAt` and announces `seams/graphChanged` (preview-protocol.ts).
 *
 * Wiring, in server.ts (once, after the connection exists):
 *
 *   import { registerPreview } from './preview-service.js';
 *   registerPreview(connection, {
 *     current: () => lastCheck,                 // newest CheckResult (open editors' unsaved text included), or undefined
 *     onDidChange: (listener) => onChecked.push(listener), // call listener() after every re-check
 *   });
 *
 * - The graph is built from the newest check (so unsaved text shows), laid out
 *   in the layout worker by `LayoutClient`, which re-lays out only when
 *   `graphShapeKey` changed: fixing a warning or editing a description reuses
 *   the positions with the new problems and summaries.
 * - Stale work is dropped: requests run one at a time, each from the newest
 *   model when its turn comes; a request the client cancelled meanwhile (a
 *   preview asks again after every change) does no work and answers "cancelled".
 */
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { CheckResult } from '../core/check.js';
import { DEFAULT_GRAPH_OPTIONS, type LaidOutGraph, type GraphOptions, type ServiceGraph } from '../core/layout/graph.js';
import { buildServiceGraph } from '../core/layout/graph-from-model.js';
import type { Model } from '../core/model/model.js';
import { AUTO_COLLAPSE_SERVICES, collapsedGroups } from '../core/views/auto-collapse.js';
import {
  GRAPH_CHANGED_NOTIFICATION,
  GRAPH_REQUEST,
  NODE_AT_REQUEST,
  isGraphOptions,
  type GraphChangedParams,
  type GraphRequestParams,
  type GraphResponse,
  type NodeAtParams,
  type NodeAtResponse,
} from '../protocol/preview-protocol.js';
import { LayoutClient, LayoutSuperseded } from './layout-client.js';
import { groupId, serviceId, storeId } from '../core/ids.js';
import { fileKey } from './workspace-scan.js';

/** What registerPreview needs from the LSP connection (a `Connection` has it). */
export interface PreviewConnection {
  onRequest(method: string, handler: (params: never, token: CancellationTokenLike) => unknown): unknown;
  sendNotification(method: string, params?: unknown): unknown;
}

export interface CancellationTokenLike {
  readonly isCancellationRequested: boolean;
}

export interface Layouter {
  layout(graph: ServiceGraph): Promise<LaidOutGraph>;
}

export interface PreviewDeps {
  /** The newest check of the whole workspace, or undefined before the first one. */
  current(): CheckResult | undefined;
  /** Registers a listener called after every re-check. */
  onDidChange(listener: () => void): unknown;
  /** Defaults to a LayoutClient on dist/layout-worker.cjs beside the bundled server. */
  layouter?: Layouter;
  /** Start the layouter after the first check (default: only for the default layouter). */
  warmUp?: boolean;
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The preview request was cancelled.');
}

export function registerPreview(connection: PreviewConnection, deps: PreviewDeps): PreviewService {
  const service = new PreviewService(deps, (params) => void connection.sendNotification(GRAPH_CHANGED_NOTIFICATION, params));
  connection.onRequest(GRAPH_REQUEST, (params: GraphRequestParams, token) => service.graph(params, token));
  connection.onRequest(NODE_AT_REQUEST, (params: NodeAtParams) => service.nodeAt(params));
  return service;
}

function defaultLayouter(): Layouter {
  // In the bundle (dist/server.cjs) __dirname is dist/, where the worker sits.
  const dir = typeof __dirname === 'string' ? __dirname : process.cwd();
  return new LayoutClient({ workerFile: `${dir}/layout-worker.cjs` });
}

export class PreviewService {
  private version = 0;
  private readonly layouter: Layouter;
  /** The newest graph answered, for `nodeAt` (edges are found by their source ranges). */
  private lastGraph: LaidOutGraph | undefined;

  constructor(
    private readonly deps: PreviewDeps,
    private readonly notify: (params: GraphChangedParams) => void,
  ) {
    this.layouter = deps.layouter ?? defaultLayouter();
    // The first layout pays for starting the worker and loading ELK (about a
    // second here). With the default worker, pay it after the first check,
    // before anyone opens the preview, so opening it costs only the layout.
    let warm = deps.warmUp ?? deps.layouter === undefined;
    deps.onDidChange(() => {
      this.versionOf(deps.current());
      this.notify({ version: this.version });
      if (warm) {
        warm = false;
        this.layouter.layout({ nodes: [], edges: [], options: DEFAULT_GRAPH_OPTIONS }).catch(() => undefined);
      }
    });
  }

  /**
   * The version of a check result: it goes up whenever a new result is seen,
   * whether the change event or a request saw it first (the workspace may
   * re-check on demand before its event fires), so a newer picture never
   * carries an older version.
   */
  private versionOf(check: CheckResult | undefined): number {
    if (check !== undefined && check !== this.lastCheck) {
      this.lastCheck = check;
      this.version++;
    }
    return this.version;
  }

  private lastCheck: CheckResult | undefined;

  /**
   * Requests run one after another: a request waiting behind a layout starts
   * from the newest model when its turn comes, and one cancelled meanwhile (the
   * host cancels its previous request when the model changes again) does no work.
   */
  graph(params: GraphRequestParams, token?: CancellationTokenLike): Promise<GraphResponse> {
    const run = this.queue.then(() => this.graphNow(params, token));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private queue: Promise<unknown> = Promise.resolve();

  private async graphNow(params: GraphRequestParams, token?: CancellationTokenLike): Promise<GraphResponse> {
    if (!params || !isGraphOptions(params.options)) throw new ResponseError(ErrorCodes.InvalidParams, 'seams/graph: invalid options.');
    for (let attempt = 0; ; attempt++) {
      if (token?.isCancellationRequested) throw cancelled();
      const check = this.deps.current();
      const version = this.versionOf(check);
      if (!check) return { graph: emptyGraph(params.options), version, activeNodeIds: [] };
      const options = effectiveOptions(params, check.model);
      const graph = buildServiceGraph(check.model, check.diagnostics, options);
      let laidOut: LaidOutGraph;
      try {
        laidOut = await this.layouter.layout(graph);
      } catch (err) {
        // Another user of the same layout client replaced this layout: try again
        // (a few times; then give up rather than spin).
        if (err instanceof LayoutSuperseded && attempt < 3) continue;
        throw err;
      }
      if (token?.isCancellationRequested) throw cancelled();
      this.lastGraph = laidOut;
      return { graph: laidOut, version, activeNodeIds: params.activeFile ? nodesInFile(laidOut, params.activeFile) : [] };
    }
  }

  /** Declarations at a cursor, innermost first: an edge or store line, then the service, then its group. */
  nodeAt(params: NodeAtParams): NodeAtResponse {
    const check = this.deps.current();
    if (!check || typeof params?.file !== 'string' || typeof params.offset !== 'number') return { ids: [] };
    const file = normaliseUri(params.file);
    const at = params.offset;
    const inside = (span: { start: number; end: number }): boolean => span.start <= at && at <= span.end;
    const ids: string[] = [];
    for (const edge of this.lastGraph?.edges ?? []) {
      if (edge.sourceRef && normaliseUri(edge.sourceRef.file) === file && inside(edge.sourceRef)) ids.push(edge.id);
    }
    for (const service of check.model.services.values()) {
      if (normaliseUri(service.file) !== file || !inside(service.decl)) continue;
      for (const store of service.stores) if (inside(store.decl)) ids.push(storeId(store.name));
      ids.push(serviceId(service.name));
      if (service.system) ids.push(groupId('system', service.system.name));
      if (service.owner?.target) ids.push(groupId('team', service.owner.target.name));
    }
    if (ids.length === 0) {
      for (const system of check.model.systems.values()) {
        if (normaliseUri(system.location.file) === file && inside(system.decl)) ids.push(groupId('system', system.name));
      }
      for (const team of check.model.teams.values()) {
        if (normaliseUri(team.location.file) === file && inside(team.decl)) ids.push(groupId('team', team.name));
      }
    }
    return { ids };
  }
}

/**
 * The options to lay out with: with `autoCollapse` on a model above
 * AUTO_COLLAPSE_SERVICES services, every group of the chosen grouping starts collapsed.
 */
export function effectiveOptions(params: GraphRequestParams, model: Model): GraphOptions {
  const options = params.options;
  if (!params.autoCollapse || model.services.size <= AUTO_COLLAPSE_SERVICES) return options;
  return { ...options, collapsed: collapsedGroups(model, options.grouping, 'auto') };
}

function emptyGraph(options: GraphOptions): LaidOutGraph {
  return { width: 0, height: 0, options, nodes: [], edges: [] };
}

/**
 * The same file can reach us spelled two ways (VS Code escapes `:` and `@` in
 * URIs, a path turned into a URI by Node does not): compare the workspace key
 * (workspace-scan.ts), decoded.
 */
export function normaliseUri(uri: string): string {
  const key = fileKey(uri);
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

function nodesInFile(graph: LaidOutGraph, file: string): string[] {
  const wanted = normaliseUri(file);
  return graph.nodes
    .filter((n) => n.kind !== 'group' && n.source !== undefined && normaliseUri(n.source.file) === wanted)
    .map((n) => n.id);
}
