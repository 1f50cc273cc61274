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
 * - With a `view` (core/views) the graph is that view's, laid out for the
 *   request's pane; `auto` is core/views `chooseView` with the worker as its
 *   layout. Graphs are built here (pure, linear work); every layout runs in
 *   the worker.
 * - `seams/find` lists services matching a search, each with the view that holds it.
 * - `seams/compare` answers "Compare with…": the diff picture of the newest
 *   check against the model at a git revision (compare-base.ts reads it from
 *   git's object store), laid out in the worker like every other picture;
 *   `seams/revisions` lists what the picker offers. Git problems answer with
 *   RequestFailed and a one-line message.
 * - Stale work is dropped: requests run one at a time, each from the newest
 *   model when its turn comes; a request the client cancelled meanwhile (a
 *   preview asks again after every change) does no work and answers "cancelled".
 */
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { CheckResult } from '../core/check.js';
import { DEFAULT_GRAPH_OPTIONS, type LaidOutGraph, type GraphOptions, type ServiceGraph } from '../core/layout/graph.js';
import { buildServiceGraph } from '../core/layout/graph-from-model.js';
import type { Model, Service } from '../core/model/model.js';
import { layoutView } from '../core/views/render-view.js';
import type { ViewGraphOptions } from '../core/views/view-graph.js';
import { DEFAULT_PANE, isViewSpec, type PaneSize, type ViewSpec } from '../core/views/view-spec.js';
import { AUTO_COLLAPSE_SERVICES, collapsedGroups } from '../core/views/auto-collapse.js';
import { buildDiffGraph, layoutDiffPicture } from '../core/diff/diff-graph.js';
import { diffModels } from '../core/diff/diff-models.js';
import { GitError } from '../git/git-history.js';
import {
  COMPARE_REQUEST,
  REVISIONS_REQUEST,
  isCompareParams,
  type CompareParams,
  type CompareResponse,
  type RevisionsResponse,
  FIND_LIMIT,
  FIND_REQUEST,
  GRAPH_CHANGED_NOTIFICATION,
  GRAPH_REQUEST,
  NODE_AT_REQUEST,
  isGraphOptions,
  isPaneSize,
  type FindParams,
  type FindResponse,
  type GraphChangedParams,
  type GraphRequestParams,
  type GraphResponse,
  type NodeAtParams,
  type NodeAtResponse,
} from '../protocol/preview-protocol.js';
import { CompareBase } from './compare-base.js';
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
  /** With `pane`: laid out for that pane, `fitScale` set (LayoutClient does this in its worker). */
  layout(graph: ServiceGraph, pane?: PaneSize): Promise<LaidOutGraph>;
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
  /** The workspace folders as file-system paths, for "Compare with…" (none: it says so). */
  folders?: () => readonly string[];
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The preview request was cancelled.');
}

export function registerPreview(connection: PreviewConnection, deps: PreviewDeps): PreviewService {
  const service = new PreviewService(deps, (params) => void connection.sendNotification(GRAPH_CHANGED_NOTIFICATION, params));
  connection.onRequest(GRAPH_REQUEST, (params: GraphRequestParams, token) => service.graph(params, token));
  connection.onRequest(NODE_AT_REQUEST, (params: NodeAtParams) => service.nodeAt(params));
  connection.onRequest(FIND_REQUEST, (params: FindParams) => service.find(params));
  connection.onRequest(COMPARE_REQUEST, (params: CompareParams, token) => service.compare(params, token));
  connection.onRequest(REVISIONS_REQUEST, () => service.revisions());
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
  private readonly compareBase: CompareBase;

  constructor(
    private readonly deps: PreviewDeps,
    private readonly notify: (params: GraphChangedParams) => void,
  ) {
    this.layouter = deps.layouter ?? defaultLayouter();
    this.compareBase = new CompareBase(deps.folders ?? (() => []));
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
      let laidOut: LaidOutGraph;
      try {
        if (params.view !== undefined) {
          if (!isViewSpec(params.view)) throw new ResponseError(ErrorCodes.InvalidParams, 'seams/graph: invalid view.');
          if (params.pane !== undefined && !isPaneSize(params.pane))
            throw new ResponseError(ErrorCodes.InvalidParams, 'seams/graph: invalid pane.');
          laidOut = await this.layoutView(check, params.view, params.pane ?? DEFAULT_PANE, params.options, token);
        } else {
          const options = effectiveOptions(params, check.model);
          laidOut = await this.layouter.layout(buildServiceGraph(check.model, check.diagnostics, options));
        }
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

  /** "Compare with…": queued with the graph requests, so it too starts from the newest model. */
  compare(params: CompareParams, token?: CancellationTokenLike): Promise<CompareResponse> {
    const run = this.queue.then(() => this.compareNow(params, token));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async compareNow(params: CompareParams, token?: CancellationTokenLike): Promise<CompareResponse> {
    if (!isCompareParams(params)) throw new ResponseError(ErrorCodes.InvalidParams, 'seams/compare: invalid params.');
    const pane = params.pane ?? DEFAULT_PANE;
    for (let attempt = 0; ; attempt++) {
      if (token?.isCancellationRequested) throw cancelled();
      const check = this.deps.current();
      if (!check) throw new ResponseError(LSPErrorCodes.RequestFailed, 'The workspace is still being read; try again in a moment.');
      const version = this.versionOf(check);
      let base;
      try {
        base = await this.compareBase.read(params.base.trim());
      } catch (err) {
        if (err instanceof GitError) throw new ResponseError(LSPErrorCodes.RequestFailed, err.message);
        throw err;
      }
      if (token?.isCancellationRequested) throw cancelled();
      const diff = diffModels(base.check, check);
      const graph = buildDiffGraph(base.check, check, diff, params.options ?? DEFAULT_GRAPH_OPTIONS);
      let picture;
      try {
        picture = await layoutDiffPicture(graph, (g) => this.layouter.layout(g, pane), pane);
      } catch (err) {
        if (err instanceof LayoutSuperseded && attempt < 3) continue;
        throw err;
      }
      if (token?.isCancellationRequested) throw cancelled();
      this.lastGraph = picture.graph;
      const count = (kind: string): number => diff.changes.filter((c) => c.change === kind).length;
      return {
        graph: picture.graph,
        version,
        activeNodeIds: params.activeFile ? nodesInFile(picture.graph, params.activeFile) : [],
        compare: {
          base: params.base.trim(),
          commit: base.commit,
          added: count('added'),
          removed: count('removed'),
          changed: count('changed'),
          newFindings: diff.findings.new.length,
          fixedFindings: diff.findings.fixed.length,
          scope: picture.scope,
        },
      };
    }
  }

  /** The branches, tags and recent commits "Compare with…" offers. */
  async revisions(): Promise<RevisionsResponse> {
    try {
      return await this.compareBase.revisions();
    } catch (err) {
      if (err instanceof GitError) throw new ResponseError(LSPErrorCodes.RequestFailed, err.message);
      throw err;
    }
  }

  /**
   * A view laid out for a pane: the core's `layoutView` (which owns `auto` and
   * the choice of outside boxes), given the worker as its layout.
   */
  private async layoutView(
    check: CheckResult,
    view: ViewSpec,
    pane: PaneSize,
    options: GraphOptions,
    token?: CancellationTokenLike,
  ): Promise<LaidOutGraph> {
    const { model, diagnostics } = check;
    // No direction: layoutForPane picks the arrangement that suits the pane.
    const viewOptions: ViewGraphOptions = { showStores: options.showStores, problemsOnly: options.problemsOnly, pane };
    const inWorker = (graph: ServiceGraph, size: PaneSize): Promise<LaidOutGraph> => {
      // A request cancelled between two candidates lays out no more.
      if (token?.isCancellationRequested) return Promise.reject(cancelled());
      return this.layouter.layout(graph, size);
    };
    return layoutView(model, diagnostics, view, viewOptions, inWorker);
  }

  /** Services whose name contains the text: exact names, then prefixes, then the rest; each with the view that holds it. */
  find(params: FindParams): FindResponse {
    const check = this.deps.current();
    const text = typeof params?.text === 'string' ? params.text.trim().toLowerCase() : '';
    if (!check || !text) return { matches: [] };
    const hits: { service: Service; rank: number }[] = [];
    for (const service of check.model.services.values()) {
      const name = service.name.toLowerCase();
      const at = name.indexOf(text);
      if (at < 0) continue;
      hits.push({ service, rank: name === text ? 0 : at === 0 ? 1 : 2 });
    }
    hits.sort((a, b) => a.rank - b.rank || (a.service.name < b.service.name ? -1 : a.service.name > b.service.name ? 1 : 0));
    return {
      matches: hits.slice(0, FIND_LIMIT).map(({ service }) => ({
        id: serviceId(service.name),
        label: service.name,
        view: holdingView(check.model, service),
      })),
    };
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

/**
 * The view that shows a service among its neighbours, as the breadcrumb of its
 * service view leads: its system's, else (in a landscape of teams) its team's,
 * else its own.
 */
export function holdingView(model: Model, service: Service): ViewSpec {
  if (service.system) return { kind: 'system', name: service.system.name };
  const team = service.owner?.target;
  if (model.systems.size < 2 && team) return { kind: 'team', name: team.name };
  return { kind: 'service', name: service.name, hops: 1 };
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
  return graph.nodes.filter((n) => n.kind !== 'group' && n.source !== undefined && normaliseUri(n.source.file) === wanted).map((n) => n.id);
}
