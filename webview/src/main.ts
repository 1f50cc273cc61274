/**
 * The preview webview: draws the laid-out graph the host sends, lets the user
 * pan, zoom, search, move between views and toggle options, and reports clicks
 * and choices back. It never sees `.seams` text; it handles only the messages
 * of preview-protocol.ts that pass their guard, and ignores anything else.
 *
 * Views: the host asks the server for a view (core/views) and the graph says
 * which one it drew (`graph.view`) and the way back up (`graph.breadcrumb`).
 * Double-click a system or team box opens its view, a click on a compact
 * outside box opens that service's system, the breadcrumb leads back, search
 * opens the view holding a service it cannot see. The drawing area's size goes
 * to the host (for `auto`), debounced; a new view is fitted, an update of the
 * same view (typing) keeps pan and zoom.
 */
import './styles.css';
import { DEFAULT_GRAPH_OPTIONS, type GraphOptions, type LaidOutGraph, type SourceRef } from '../../server/src/core/layout/graph.js';
import { formatViewSpec, type PaneSize, type ViewSpec } from '../../server/src/core/views/view-spec.js';
import {
  isHostToWebviewMessage,
  isPreviewState,
  type CompareSummary,
  type ExportFormat,
  type FoundService,
  type HostToWebviewMessage,
  type PreviewState,
  type WebviewToHostMessage,
} from '../../server/src/protocol/preview-protocol.js';
import { parseNodeId } from '../../server/src/core/ids.js';
import { htmlEl, svgEl } from './dom.js';
import { svgStyle } from '../../server/src/core/render/svg-theme.js';
import { drawGraph, type DrawnGraph } from './draw-graph.js';
import { exportSvg, svgToPngBase64, themeOfBody } from './export-image.js';
import { isArrowKey, nextInDirection } from './keyboard-nav.js';
import { renderBreadcrumb, viewOfExternal, viewOfGroup } from './breadcrumb.js';
import { buildCompareBar } from './compare-bar.js';
import { buildToolbar } from './toolbar.js';
import { Tooltip } from './tooltip.js';
import { Viewport } from './viewport.js';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (m: WebviewToHostMessage): void => vscode.postMessage(m);

// ---- state ---------------------------------------------------------------
const saved = vscode.getState();
const restored: PreviewState | undefined = isPreviewState(saved) ? saved : undefined;
let options: GraphOptions = restored?.options ?? { ...DEFAULT_GRAPH_OPTIONS };
let autoCollapse = restored?.autoCollapse ?? true;
let graph: LaidOutGraph | undefined;
let drawn: DrawnGraph | undefined;
let selected: string | undefined;
let highlighted: string[] = [];
/** Whether the view has been placed (restored or fitted); later graphs keep it. */
let placed = restored?.view !== undefined;
let search = { text: '', matches: [] as string[], index: -1 };
/** The view asked for (`auto` until the user navigates). The host keeps the same. */
let picture: ViewSpec = restored?.picture ?? { kind: 'auto' };
/** A node to select and centre once the view that holds it arrives (search, Focus). */
let pendingSelect: string | undefined;
/** Services found beyond the picture for the current search text. */
let found: { text: string; matches: FoundService[] } | undefined;
/** Whether the picture is as Fit left it (then a resize fits it again). */
let fitted = false;
/** The comparison the picture shows ("Compare with…"), undefined for the live picture. */
let comparing: CompareSummary | undefined;

// ---- DOM -------------------------------------------------------------------
const app = document.getElementById('app') ?? document.body;
const toolbar = buildToolbar({
  changeOptions: (patch) => setOptions({ ...options, ...patch }),
  search: (text, next) => runSearch(text, next),
  focusSelected: (hops) => {
    const node = selected ? drawn?.nodes.get(selected) : undefined;
    if (!node || (node.kind !== 'service' && node.kind !== 'external') || parseNodeId(node.id)?.kind !== 'service')
      return showStatus('Select a service first, then press Focus.', true);
    pendingSelect = node.id;
    openView({ kind: 'service', name: serviceName(node.id), hops });
  },
  clearFocus: () => {
    // Up one step from a service view; elsewhere back to the view that fits the pane.
    const steps = graph?.breadcrumb ?? [];
    if (graph?.view?.kind === 'service' && steps.length >= 2) openView(steps[steps.length - 2]!.view);
    else if (options.focus !== undefined) setOptions({ ...options, focus: undefined, focusHops: undefined });
    else openView({ kind: 'auto' });
  },
  openTopView: (view) => openView({ kind: view }),
  fit: () => fitPicture(),
  actualSize: () => viewport.actualSize(),
  zoom: (factor) => {
    const rect = svg.getBoundingClientRect();
    viewport.zoomAt(factor, rect.width / 2, rect.height / 2);
  },
  exportAs: (format) => void exportAs(format),
  compare: () => post({ type: 'compare' }),
});
const compareBar = buildCompareBar({
  change: () => post({ type: 'compare' }),
  stop: () => post({ type: 'stopCompare' }),
});

// The picture's own style sheet (the one renderSvg embeds), installed under the
// page's nonce: the CSP admits no other inline style.
const style = document.createElement('style');
style.nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? '';
// With the diff picture's rules: they style only elements a diff picture marks.
style.textContent = svgStyle('vscode', { diff: true });
document.head.append(style);

const svg = svgEl('svg', { class: 'canvas seams-graph theme-vscode', role: 'application', 'aria-label': 'Service graph' });
const layer = svgEl('g', { class: 'viewport' });
svg.append(layer);
const status = htmlEl('div', { class: 'status', role: 'status' }, 'Waiting for the Seams language server…');
const tooltip = new Tooltip();
const stage = htmlEl('div', { class: 'stage' });
stage.append(svg, status);
const crumbs = htmlEl('nav', { class: 'crumbs', 'aria-label': 'Views', hidden: '' });
app.append(toolbar.el, toolbar.menu, compareBar.el, crumbs, stage, toolbar.legend, tooltip.el);
toolbar.showOptions(options);

const viewport = new Viewport(svg, layer, () => {
  fitted = false;
  saveState();
});
if (restored?.view) viewport.set(restored.view);

function saveState(): void {
  const state: PreviewState = { options, autoCollapse, picture, view: placed ? viewport.view : undefined };
  vscode.setState(state);
}

function fitPicture(): void {
  if (!graph) return;
  viewport.fit(graph.width, graph.height, FIT_MARGIN);
  fitted = true;
}

/** Ask for another view. The next graph is fitted (it is a different picture). */
function openView(view: ViewSpec): void {
  toolbar.closeMenu();
  picture = view;
  saveState();
  post({ type: 'openView', view });
}

// ---- the drawing area's size ------------------------------------------------
/** Fit leaves this much room around the picture; the pane reported is what is left inside. */
const FIT_MARGIN = 16;

function paneSize(): PaneSize | undefined {
  const rect = stage.getBoundingClientRect();
  const width = Math.round(rect.width - 2 * FIT_MARGIN);
  const height = Math.round(rect.height - 2 * FIT_MARGIN);
  return width > 0 && height > 0 ? { width, height } : undefined;
}

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
let lastPane = paneSize();
new ResizeObserver(() => {
  if (fitted && graph) {
    viewport.fit(graph.width, graph.height, FIT_MARGIN);
    fitted = true;
  }
  if (resizeTimer) clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    const pane = paneSize();
    if (!pane || (lastPane && pane.width === lastPane.width && pane.height === lastPane.height)) return;
    lastPane = pane;
    post({ type: 'resize', pane });
  }, 200);
}).observe(stage);

function setOptions(next: GraphOptions): void {
  options = next;
  toolbar.showOptions(options);
  saveState();
  post({ type: 'setOptions', options, autoCollapse });
}

function showStatus(text: string, transient = false): void {
  status.textContent = text;
  status.hidden = false;
  status.classList.toggle('transient', transient);
}

/** `service:orders` → `orders`: GraphOptions.focus holds the service's name. */
function serviceName(id: string): string {
  const parsed = parseNodeId(id);
  return parsed?.kind === 'service' ? parsed.name : id;
}

// ---- messages from the host -------------------------------------------------
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isHostToWebviewMessage(message)) return;
  handle(message);
});

function handle(message: HostToWebviewMessage): void {
  switch (message.type) {
    case 'graph':
      return showGraph(message.graph, message.activeNodeIds, message.compare);
    case 'highlight':
      return highlight(message.ids);
    case 'status':
      return showStatus(message.text);
    case 'exportRequest':
      return void exportAs(message.format);
    case 'found':
      return showFound(message.text, message.matches);
  }
}

/** Which picture is shown: a view, or a comparison with a revision. */
const viewKey = (g: LaidOutGraph | undefined, compare: CompareSummary | undefined): string =>
  compare ? `compare:${compare.base}` : g?.view ? formatViewSpec(g.view) : '';

function viewLabel(view: ViewSpec | undefined): string {
  return view ? formatViewSpec(view) : 'this view';
}

function showGraph(next: LaidOutGraph, activeNodeIds: string[], compare?: CompareSummary): void {
  const hadFocus = document.activeElement instanceof SVGElement ? document.activeElement.getAttribute('data-id') : null;
  // Another view is another picture: fit it. The same view again (typing) keeps pan and zoom.
  const sameView = !graph || viewKey(graph, comparing) === viewKey(next, compare);
  comparing = compare;
  compareBar.show(compare);
  if (!sameView) {
    placed = false;
    search = { text: '', matches: [], index: -1 };
    selected = undefined;
    tooltip.hide();
  }
  graph = next;
  renderBreadcrumb(crumbs, next.view ? next.breadcrumb : undefined, openView);
  toolbar.showTopView(
    next.view && (picture.kind === 'auto' || picture.kind === 'landscape' || picture.kind === 'all') ? picture.kind : undefined,
  );
  // A diff picture is drawn with the whole model's options; the live view's stay as they were.
  if (!compare) options = next.options;
  toolbar.showOptions(options);
  try {
    drawn = drawGraph(next, activeNodeIds, { groupControls: !compare });
  } catch (err) {
    return showStatus(err instanceof Error ? err.message : String(err));
  }
  layer.replaceChildren(drawn.root);
  svg.setAttribute('data-version', String(Date.now()));
  if (!placed) {
    fitPicture();
    placed = true;
  }
  if (next.nodes.length === 0) {
    const v = next.view;
    showStatus(
      compare
        ? 'No services in either version.'
        : options.problemsOnly
          ? 'No problems to show.'
          : v && (v.kind === 'system' || v.kind === 'team' || v.kind === 'service')
            ? `Nothing to show: ${v.kind} ${v.name} is not in the model (any more). Use the breadcrumb to go back.`
            : 'No services yet: declare one with `service NAME { … }`.',
    );
  } else {
    status.hidden = true;
  }
  if (pendingSelect && drawn.nodes.has(pendingSelect)) {
    const node = drawn.nodes.get(pendingSelect)!;
    select(pendingSelect);
    // A freshly fitted view shows it already; otherwise bring it to the middle.
    if (!isVisible(node)) viewport.centreOn(node.x + node.width / 2, node.y + node.height / 2);
  }
  pendingSelect = undefined;
  if (selected && !drawn.elements.has(selected)) selected = undefined;
  if (selected) drawn.elements.get(selected)!.classList.add('selected');
  markHighlight();
  // Typing redraws the same view: keep the keyboard where it was. (Not into another view:
  // focusing there would select the box and pop its hover card up.)
  if (hadFocus && sameView) (drawn.elements.get(hadFocus) as SVGGElement | undefined)?.focus();
  saveState();
}

/** The cursor's declarations come innermost first; the first one drawn is marked (a service inside a collapsed group marks the group). */
function highlight(ids: string[]): void {
  highlighted = ids;
  const id = markHighlight();
  const node = id ? drawn?.nodes.get(id) : undefined;
  if (node && !isVisible(node)) viewport.centreOn(node.x + node.width / 2, node.y + node.height / 2);
}

function markHighlight(): string | undefined {
  if (!drawn) return undefined;
  for (const el of svg.querySelectorAll('.cursor')) el.classList.remove('cursor');
  const id = highlighted.find((i) => drawn!.elements.has(i));
  if (id) drawn.elements.get(id)!.classList.add('cursor');
  return id;
}

function isVisible(box: { x: number; y: number; width: number; height: number }): boolean {
  const rect = svg.getBoundingClientRect();
  const { x, y, scale } = viewport.view;
  const left = box.x * scale + x;
  const top = box.y * scale + y;
  return left >= 0 && top >= 0 && left + box.width * scale <= rect.width && top + box.height * scale <= rect.height;
}

// ---- pointer and keyboard --------------------------------------------------
function idAt(target: EventTarget | null): string | undefined {
  return target instanceof Element ? (target.closest('[data-id]')?.getAttribute('data-id') ?? undefined) : undefined;
}

function select(id: string | undefined): void {
  if (!drawn) return;
  if (selected) drawn.elements.get(selected)?.classList.remove('selected');
  selected = id;
  if (id) drawn.elements.get(id)?.classList.add('selected');
}

function reveal(ref: SourceRef | undefined): void {
  if (ref) post({ type: 'reveal', file: ref.file, start: ref.start, end: ref.end });
}

function activate(id: string): void {
  if (!drawn) return;
  const node = drawn.nodes.get(id);
  if (node) {
    select(id);
    const outside = viewOfExternal(node);
    if (outside) {
      pendingSelect = node.id;
      return openView(outside);
    }
    reveal(node.source);
    return;
  }
  reveal(drawn.edges.get(id)?.sourceRef);
}

/** A click on a system or team box waits this long for a second click (which opens its view instead of the source). */
const DOUBLE_CLICK_MS = 250;
let groupClick: ReturnType<typeof setTimeout> | undefined;

function toggleCollapse(groupId: string): void {
  const set = new Set(options.collapsed);
  if (set.has(groupId)) set.delete(groupId);
  else set.add(groupId);
  autoCollapse = false;
  setOptions({ ...options, collapsed: [...set] });
}

svg.addEventListener('click', (e) => {
  if (viewport.dragged) return;
  const toggle = e.target instanceof Element ? e.target.closest('[data-toggle]') : null;
  if (toggle) return toggleCollapse(toggle.getAttribute('data-toggle')!);
  const opener = e.target instanceof Element ? e.target.closest('[data-open-view]') : null;
  const openNode = opener ? drawn?.nodes.get(opener.getAttribute('data-open-view')!) : undefined;
  const openTarget = openNode ? viewOfGroup(openNode) : undefined;
  if (openTarget) return openView(openTarget);
  const id = idAt(e.target);
  if (groupClick) clearTimeout(groupClick);
  groupClick = undefined;
  if (!id) return select(undefined);
  const node = drawn?.nodes.get(id);
  if (node && viewOfGroup(node) && e.detail < 2) {
    select(id);
    groupClick = setTimeout(() => {
      groupClick = undefined;
      activate(id);
    }, DOUBLE_CLICK_MS);
    return;
  }
  if (e.detail < 2) activate(id);
});

svg.addEventListener('dblclick', (e) => {
  const id = idAt(e.target);
  const node = id ? drawn?.nodes.get(id) : undefined;
  if (!node) return;
  const view = viewOfGroup(node);
  if (view) {
    if (groupClick) clearTimeout(groupClick);
    groupClick = undefined;
    openView(view);
  }
});

svg.addEventListener('pointermove', (e) => {
  if (!drawn || viewport.dragged) return tooltip.hide();
  const id = idAt(e.target);
  const node = id ? drawn.nodes.get(id) : undefined;
  const edge = id ? drawn.edges.get(id) : undefined;
  if (node) tooltip.showNode(node, e.clientX, e.clientY);
  else if (edge) {
    const label = (nid: string): string => drawn?.nodes.get(nid)?.label ?? nid;
    tooltip.showEdge(edge, label(edge.source), label(edge.target), e.clientX, e.clientY);
  } else tooltip.hide();
});
svg.addEventListener('pointerleave', () => tooltip.hide());

svg.addEventListener('focusin', (e) => {
  const id = idAt(e.target);
  const node = id ? drawn?.nodes.get(id) : undefined;
  if (!node || !id) return;
  select(id);
  if (!isVisible(node)) viewport.centreOn(node.x + node.width / 2, node.y + node.height / 2);
  const rect = (e.target as Element).getBoundingClientRect();
  tooltip.showNode(node, rect.right, rect.top);
});
svg.addEventListener('focusout', () => tooltip.hide());

svg.addEventListener('keydown', (e) => {
  if (!drawn) return;
  const id = idAt(e.target);
  const node = id ? drawn.nodes.get(id) : undefined;
  if (!node) return;
  if (isArrowKey(e.key)) {
    e.preventDefault();
    const candidates = [...drawn.nodes.values()].filter((n) => !(n.kind === 'group' && !n.collapsed));
    const next = nextInDirection(node, candidates, e.key);
    if (next) (drawn.elements.get(next.id) as SVGGElement).focus();
  } else if (e.key === 'Enter') {
    e.preventDefault();
    const view = viewOfGroup(node);
    if (view && node.collapsed) openView(view);
    else activate(node.id);
  } else if ((e.key === ' ' || e.key === 'c') && node.kind === 'group' && graph?.view === undefined && !comparing) {
    e.preventDefault();
    toggleCollapse(node.id);
  } else if (e.key === 'o' && viewOfGroup(node)) {
    e.preventDefault();
    openView(viewOfGroup(node)!);
  }
});

// ---- search ------------------------------------------------------------------
function runSearch(text: string, next: boolean): void {
  if (!drawn) return;
  const q = text.trim().toLowerCase();
  for (const el of svg.querySelectorAll('.search-hit')) el.classList.remove('search-hit');
  if (!q) {
    search = { text: '', matches: [], index: -1 };
    toolbar.searchInfo.textContent = '';
    return;
  }
  if (q !== search.text) {
    // Exact names first, then prefixes, then anywhere; services before stores and groups.
    const rank = (label: string, kind: string): number =>
      (label === q ? 0 : label.startsWith(q) ? 1 : 2) * 3 + (kind === 'service' ? 0 : kind === 'store' ? 1 : 2);
    const matches = [...drawn.nodes.values()]
      .filter((n) => n.label.toLowerCase().includes(q))
      .sort((a, b) => rank(a.label.toLowerCase(), a.kind) - rank(b.label.toLowerCase(), b.kind));
    search = { text: q, matches: matches.map((n) => n.id), index: -1 };
  }
  if (!search.matches.length) {
    // Not in this picture: ask for the view that holds it; Enter opens it.
    if (found?.text === q && found.matches.length > 0) {
      if (next) {
        const m = found.matches[0]!;
        pendingSelect = m.id;
        openView(m.view);
        toolbar.searchInfo.textContent = `opening ${viewLabel(m.view)}`;
      }
      return;
    }
    toolbar.searchInfo.textContent = found?.text === q ? 'no match' : 'searching…';
    if (found?.text !== q) post({ type: 'find', text: q });
    return;
  }
  search.index = next || search.index < 0 ? (search.index + 1) % search.matches.length : search.index;
  const id = search.matches[search.index]!;
  const node = drawn.nodes.get(id)!;
  for (const m of search.matches) drawn.elements.get(m)?.classList.add('search-hit');
  select(id);
  viewport.centreOn(node.x + node.width / 2, node.y + node.height / 2);
  toolbar.searchInfo.textContent = `${search.index + 1} of ${search.matches.length}`;
}

function showFound(text: string, matches: FoundService[]): void {
  found = { text, matches };
  if (search.text !== text || search.matches.length) return;
  toolbar.searchInfo.textContent = matches.length ? `in ${viewLabel(matches[0]!.view)} ↵` : 'no match';
  toolbar.searchInfo.title = matches.length ? `Enter opens ${viewLabel(matches[0]!.view)}, which shows ${matches[0]!.label}` : '';
}

// ---- export ------------------------------------------------------------------
async function exportAs(format: ExportFormat): Promise<void> {
  if (!graph) return showStatus('Nothing to export yet.', true);
  const text = exportSvg(graph, themeOfBody(document.body));
  if (format === 'svg') return post({ type: 'export', format, data: text });
  try {
    post({ type: 'export', format, data: await svgToPngBase64(text, graph.width, graph.height) });
  } catch (err) {
    showStatus(err instanceof Error ? err.message : String(err), true);
  }
}

post({ type: 'ready', pane: paneSize() });
