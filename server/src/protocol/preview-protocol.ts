/**
 * The preview's protocol, declared once for every side that speaks it:
 *
 *   language server  <— LSP (custom `seams/…` methods) —>  extension host
 *   extension host   <— postMessage (two discriminated unions) —>  webview
 *
 * The server lays the graph out and answers with a ready-to-draw `LaidOutGraph`;
 * the host forwards it; the webview draws it and reports what the user did. No
 * other module may invent a message shape: add it here, with its direction.
 *
 * Every message that crosses into the host or the webview is checked with the
 * guards below before use (a webview is untrusted content; a message that does
 * not match is ignored, never half-handled). This module is pure: no `vscode`,
 * no `vscode-languageserver`, so the webview bundle can import it too.
 */
import type { GraphOptions, LaidOutGraph, LaidOutNode, LaidOutEdge, Problem } from '../core/layout/graph.js';
import { isViewSpec, type PaneSize, type ViewSpec } from '../core/views/view-spec.js';

// ---------------------------------------------------------------------------
// LSP: extension host -> language server

/**
 * Request `seams/graph`: the laid-out graph of the whole workspace model
 * (unsaved editor text included) for the given options.
 */
export const GRAPH_REQUEST = 'seams/graph';

export interface GraphRequestParams {
  options: GraphOptions;
  /**
   * When true and the model has more than `AUTO_COLLAPSE_SERVICES` services, the
   * server collapses every system group (the answer's `graph.options.collapsed`
   * says which). The host sends it for a preview that the user has not yet
   * expanded or collapsed anything in.
   */
  autoCollapse?: boolean;
  /** The URI of the active `.seams` editor, if any: its services are reported in `activeNodeIds`. */
  activeFile?: string;
  /**
   * The view to draw (core/views). Absent: the whole model with `options` as
   * given (and `autoCollapse`), as before views existed. `auto` picks the most
   * detailed view readable in `pane`; the answer's `graph.view` says which.
   */
  view?: ViewSpec;
  /** The space the picture must fit (the webview's drawing area); default DEFAULT_PANE. */
  pane?: PaneSize;
}

export interface GraphResponse {
  graph: LaidOutGraph;
  /** Increases with every change of the model; the host drops answers older than what it shows. */
  version: number;
  /** Ids of the nodes declared in `activeFile`. */
  activeNodeIds: string[];
}

/** Request `seams/nodeAt`: which node or edge is declared at a cursor position. */
export const NODE_AT_REQUEST = 'seams/nodeAt';

export interface NodeAtParams {
  file: string;
  /** UTF-16 offset of the cursor in the file's current text. */
  offset: number;
}

export interface NodeAtResponse {
  /** Node or edge ids (innermost first); empty when the cursor is in no declaration the graph shows. */
  ids: string[];
}

/**
 * Request `seams/find`: services whose name contains `text` (any view), each
 * with the view that holds it, so search can open a view the service is not
 * drawn in. Exact names first, then prefixes, then the rest; at most `FIND_LIMIT`.
 */
export const FIND_REQUEST = 'seams/find';
export const FIND_LIMIT = 20;

export interface FindParams {
  text: string;
}

export interface FoundService {
  /** The node id (`service:NAME`). */
  id: string;
  label: string;
  /** The view that shows it among its neighbours: its system's or team's, else its own service view. */
  view: ViewSpec;
}

export interface FindResponse {
  matches: FoundService[];
}

/**
 * Request `seams/compare`: the diff picture of the workspace model (unsaved
 * editor text included) against the model at a git revision — the picture
 * `seams diff BASE -o` draws, laid out for the pane. Fails with a one-line
 * message (not a git repository, unknown revision, git missing).
 */
export const COMPARE_REQUEST = 'seams/compare';

export interface CompareParams {
  /** A git revision as `seams diff` takes it: `HEAD`, a branch, a tag, a commit, `REV...`. */
  base: string;
  /** Only `showStores` and `grouping` matter: the diff shows the whole model, nothing collapsed. */
  options?: GraphOptions;
  pane?: PaneSize;
  /** As in GraphRequestParams: its nodes are reported in `activeNodeIds`. */
  activeFile?: string;
}

/** What the picture compares and how much changed: the preview's banner. */
export interface CompareSummary {
  /** The revision as asked for. */
  base: string;
  /** The commit it named when the picture was made (full id). */
  commit: string;
  added: number;
  removed: number;
  changed: number;
  newFindings: number;
  fixedFindings: number;
  /** `changes`: the model was too large to read whole, so only the changed neighbourhood is drawn. */
  scope: 'whole' | 'changes';
}

export interface CompareResponse extends GraphResponse {
  compare: CompareSummary;
}

/** Request `seams/revisions`: what "Compare with…" offers. Fails outside a git repository. */
export const REVISIONS_REQUEST = 'seams/revisions';

export interface RevisionRef {
  /** What to give git: a branch or tag name, or a full commit id. */
  name: string;
  commit: string;
  subject: string;
}

export interface RevisionsResponse {
  head: { commit?: string; branch?: string; subject?: string };
  /** Local branches, most recently committed first. */
  branches: RevisionRef[];
  /** Tags, newest first. */
  tags: RevisionRef[];
  /** The newest commits reachable from HEAD. */
  commits: RevisionRef[];
}

// LSP: language server -> extension host

/** Notification `seams/graphChanged`: the model changed; previews should ask again. */
export const GRAPH_CHANGED_NOTIFICATION = 'seams/graphChanged';

export interface GraphChangedParams {
  version: number;
}

/** The auto-collapse policy lives in the core (core/views/auto-collapse.ts). */
export { AUTO_COLLAPSE_SERVICES } from '../core/views/auto-collapse.js';
/** The options a fresh preview starts from (the client takes them from here, not from the core). */
export { DEFAULT_GRAPH_OPTIONS } from '../core/layout/graph.js';

// ---------------------------------------------------------------------------
// postMessage: extension host -> webview

export type HostToWebviewMessage =
  /**
   * A new picture. `activeNodeIds` are drawn as belonging to the active editor.
   * With `compare` it is a diff picture ("Compare with…") and the banner says against what.
   */
  | { type: 'graph'; graph: LaidOutGraph; version: number; activeNodeIds: string[]; compare?: CompareSummary }
  /** The editor's cursor sits in these declarations (empty: none). */
  | { type: 'highlight'; ids: string[] }
  /** A status line for when there is no picture to show (server starting, no files, an error). */
  | { type: 'status'; text: string }
  /** The host asks the webview to export what it shows (from a command outside the webview). */
  | { type: 'exportRequest'; format: ExportFormat }
  /** Services matching a search the webview could not answer from what it draws. */
  | { type: 'found'; text: string; matches: FoundService[] };

// postMessage: webview -> extension host

export type ExportFormat = 'svg' | 'png';

export type WebviewToHostMessage =
  /**
   * The webview's script runs and listens; the host may send the picture now.
   * `pane` is the drawing area's size, for `auto`.
   */
  | { type: 'ready'; pane?: PaneSize }
  /** The drawing area changed size (debounced). The host picks `auto` again after a large change. */
  | { type: 'resize'; pane: PaneSize }
  /** Show another view: double-click on a system, a compact outside box, the breadcrumb, search, Focus. */
  | { type: 'openView'; view: ViewSpec }
  /** Search beyond the picture: the host answers with `found`. */
  | { type: 'find'; text: string }
  /** Open the declaration in an editor and select it. */
  | { type: 'reveal'; file: string; start: number; end: number }
  /**
   * The user changed a toggle. `autoCollapse` false means the user took charge of
   * collapsing (see GraphRequestParams.autoCollapse).
   */
  | { type: 'setOptions'; options: GraphOptions; autoCollapse: boolean }
  /**
   * Save the picture. `data` is the SVG text for `svg`, a base64 PNG
   * (no `data:` prefix) for `png`.
   */
  | { type: 'export'; format: ExportFormat; data: string }
  /** "Compare with…" from the preview's menu or banner: the host asks which revision. */
  | { type: 'compare' }
  /** Back from the diff picture to the live view. */
  | { type: 'stopCompare' };

/** What the webview keeps in `vscode.setState` and the serializer hands back after a reload. */
export interface PreviewState {
  options: GraphOptions;
  autoCollapse: boolean;
  /** The view the user asked for (`auto` until they navigate); absent in state saved before views. */
  picture?: ViewSpec;
  /** Pan and zoom: screen = graph * scale + (x, y). */
  view?: { x: number; y: number; scale: number };
}

// ---------------------------------------------------------------------------
// Guards. They check shapes, not meaning: enough that code reading a message
// never meets a value of the wrong type.

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isStr(v: unknown): v is string {
  return typeof v === 'string';
}
function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
function isOptStr(v: unknown): boolean {
  return v === undefined || isStr(v);
}
function isStrArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every(isStr);
}
const SEVERITY_NAMES = ['error', 'warning', 'info', 'hint'];
function isOptSeverity(v: unknown): boolean {
  return v === undefined || (isStr(v) && SEVERITY_NAMES.includes(v));
}

export function isGraphOptions(v: unknown): v is GraphOptions {
  return (
    isObj(v) &&
    (v.direction === 'right' || v.direction === 'down') &&
    (v.grouping === 'system' || v.grouping === 'team' || v.grouping === 'none') &&
    typeof v.showStores === 'boolean' &&
    isStrArray(v.collapsed) &&
    typeof v.problemsOnly === 'boolean' &&
    isOptStr(v.focus) &&
    (v.focusHops === undefined || (isNum(v.focusHops) && v.focusHops >= 0))
  );
}

function isOptChange(v: unknown): boolean {
  return v === undefined || v === 'added' || v === 'removed' || v === 'changed';
}

/** A pane size: positive, finite, below 100,000 px. */
export function isPaneSize(v: unknown): v is PaneSize {
  return isObj(v) && isNum(v.width) && isNum(v.height) && v.width > 0 && v.height > 0 && v.width < 100_000 && v.height < 100_000;
}

function isBreadcrumb(v: unknown): boolean {
  return Array.isArray(v) && v.every((step) => isObj(step) && isStr(step.label) && isViewSpec(step.view));
}

function isFoundService(v: unknown): v is FoundService {
  return isObj(v) && isStr(v.id) && isStr(v.label) && isViewSpec(v.view);
}

function isSourceRef(v: unknown): boolean {
  return isObj(v) && isStr(v.file) && isNum(v.start) && isNum(v.end);
}

function isProblem(v: unknown): v is Problem {
  return isObj(v) && isOptSeverity(v.severity) && v.severity !== undefined && isStr(v.code) && isStr(v.message);
}

function isSummary(v: unknown): boolean {
  return (
    isObj(v) &&
    isOptStr(v.owner) &&
    isOptStr(v.tier) &&
    isOptStr(v.system) &&
    isStrArray(v.contracts) &&
    isStrArray(v.stores) &&
    (v.libraries === undefined || isStrArray(v.libraries)) &&
    isOptStr(v.runtime)
  );
}

function isLaidOutNode(v: unknown): v is LaidOutNode {
  return (
    isObj(v) &&
    isStr(v.id) &&
    (v.kind === 'service' || v.kind === 'store' || v.kind === 'group' || v.kind === 'external') &&
    isStr(v.label) &&
    isOptStr(v.sublabel) &&
    isOptStr(v.parent) &&
    (v.source === undefined || isSourceRef(v.source)) &&
    Array.isArray(v.problems) &&
    v.problems.every(isProblem) &&
    (v.problemCount === undefined || isNum(v.problemCount)) &&
    isOptSeverity(v.severity) &&
    (v.summary === undefined || isSummary(v.summary)) &&
    (v.memberCount === undefined || isNum(v.memberCount)) &&
    (v.folded === undefined || isNum(v.folded)) &&
    (v.collapsed === undefined || typeof v.collapsed === 'boolean') &&
    isOptStr(v.memberNoun) &&
    isOptStr(v.tier) &&
    isOptChange(v.change) &&
    isBox(v)
  );
}

function isPoint(v: unknown): boolean {
  return isObj(v) && isNum(v.x) && isNum(v.y);
}

function isBox(v: unknown): boolean {
  return isObj(v) && isNum(v.x) && isNum(v.y) && isNum(v.width) && isNum(v.height);
}

function isLaidOutEdge(v: unknown): v is LaidOutEdge {
  return (
    isObj(v) &&
    isStr(v.id) &&
    (v.kind === 'call' || v.kind === 'subscription' || v.kind === 'store') &&
    isStr(v.source) &&
    isStr(v.target) &&
    isOptStr(v.label) &&
    (v.sourceRef === undefined || isSourceRef(v.sourceRef)) &&
    Array.isArray(v.problems) &&
    v.problems.every(isProblem) &&
    (v.problemCount === undefined || isNum(v.problemCount)) &&
    isOptSeverity(v.severity) &&
    Array.isArray(v.points) &&
    v.points.length >= 2 &&
    v.points.every(isPoint) &&
    (v.labelBox === undefined || isBox(v.labelBox)) &&
    (v.count === undefined || isNum(v.count)) &&
    isOptChange(v.change)
  );
}

export function isLaidOutGraph(v: unknown): v is LaidOutGraph {
  return (
    isObj(v) &&
    isNum(v.width) &&
    isNum(v.height) &&
    isGraphOptions(v.options) &&
    Array.isArray(v.nodes) &&
    v.nodes.every(isLaidOutNode) &&
    Array.isArray(v.edges) &&
    v.edges.every(isLaidOutEdge) &&
    (v.view === undefined || isViewSpec(v.view)) &&
    (v.breadcrumb === undefined || isBreadcrumb(v.breadcrumb)) &&
    (v.fitScale === undefined || isNum(v.fitScale))
  );
}

function isCount(v: unknown): boolean {
  return isNum(v) && v >= 0 && Number.isInteger(v);
}

export function isCompareSummary(v: unknown): v is CompareSummary {
  return (
    isObj(v) &&
    isStr(v.base) &&
    isStr(v.commit) &&
    isCount(v.added) &&
    isCount(v.removed) &&
    isCount(v.changed) &&
    isCount(v.newFindings) &&
    isCount(v.fixedFindings) &&
    (v.scope === 'whole' || v.scope === 'changes')
  );
}

/** `seams/compare`'s params: a revision (non-empty, one line, at most 500 characters) and optional options and pane. */
export function isCompareParams(v: unknown): v is CompareParams {
  return (
    isObj(v) &&
    isStr(v.base) &&
    v.base.trim().length > 0 &&
    v.base.length <= 500 &&
    !/[\0-\x1f]/.test(v.base) &&
    (v.options === undefined || isGraphOptions(v.options)) &&
    (v.pane === undefined || isPaneSize(v.pane)) &&
    isOptStr(v.activeFile)
  );
}

function isRevisionRef(v: unknown): v is RevisionRef {
  return isObj(v) && isStr(v.name) && isStr(v.commit) && isStr(v.subject);
}

export function isRevisionsResponse(v: unknown): v is RevisionsResponse {
  const refs = (list: unknown): boolean => Array.isArray(list) && list.every(isRevisionRef);
  return (
    isObj(v) &&
    isObj(v.head) &&
    isOptStr(v.head.commit) &&
    isOptStr(v.head.branch) &&
    isOptStr(v.head.subject) &&
    refs(v.branches) &&
    refs(v.tags) &&
    refs(v.commits)
  );
}

export function isCompareResponse(v: unknown): v is CompareResponse {
  return isObj(v) && isLaidOutGraph(v.graph) && isNum(v.version) && isStrArray(v.activeNodeIds) && isCompareSummary(v.compare);
}

export function isHostToWebviewMessage(v: unknown): v is HostToWebviewMessage {
  if (!isObj(v)) return false;
  switch (v.type) {
    case 'graph':
      return (
        isLaidOutGraph(v.graph) &&
        isNum(v.version) &&
        isStrArray(v.activeNodeIds) &&
        (v.compare === undefined || isCompareSummary(v.compare))
      );
    case 'highlight':
      return isStrArray(v.ids);
    case 'status':
      return isStr(v.text);
    case 'exportRequest':
      return v.format === 'svg' || v.format === 'png';
    case 'found':
      return isStr(v.text) && Array.isArray(v.matches) && v.matches.every(isFoundService);
    default:
      return false;
  }
}

export function isWebviewToHostMessage(v: unknown): v is WebviewToHostMessage {
  if (!isObj(v)) return false;
  switch (v.type) {
    case 'ready':
      return v.pane === undefined || isPaneSize(v.pane);
    case 'resize':
      return isPaneSize(v.pane);
    case 'openView':
      return isViewSpec(v.view);
    case 'find':
      return isStr(v.text) && v.text.length <= 200;
    case 'reveal':
      return isStr(v.file) && isNum(v.start) && isNum(v.end) && v.start >= 0 && v.end >= v.start;
    case 'setOptions':
      return isGraphOptions(v.options) && typeof v.autoCollapse === 'boolean';
    case 'export':
      return (v.format === 'svg' || v.format === 'png') && isStr(v.data);
    case 'compare':
    case 'stopCompare':
      return true;
    default:
      return false;
  }
}

export function isPreviewState(v: unknown): v is PreviewState {
  return (
    isObj(v) &&
    isGraphOptions(v.options) &&
    typeof v.autoCollapse === 'boolean' &&
    (v.picture === undefined || isViewSpec(v.picture)) &&
    (v.view === undefined || (isObj(v.view) && isNum(v.view.x) && isNum(v.view.y) && isNum(v.view.scale)))
  );
}
