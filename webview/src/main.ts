/**
 * The preview webview: draws the laid-out graph the host sends, lets the user
 * pan, zoom, search, navigate and toggle options, and reports clicks and
 * choices back. It never sees `.seams` text; it handles only the messages of
 * preview-protocol.ts that pass their guard, and ignores anything else.
 */
import './styles.css';
import { DEFAULT_GRAPH_OPTIONS, type GraphOptions, type LaidOutGraph, type SourceRef } from '../../server/src/core/layout/graph.js';
import {
  isHostToWebviewMessage,
  isPreviewState,
  type ExportFormat,
  type HostToWebviewMessage,
  type PreviewState,
  type WebviewToHostMessage,
} from '../../server/src/protocol/preview-protocol.js';
import { htmlEl, svgEl } from './dom.js';
import { svgStyle } from '../../server/src/core/render/svg-theme.js';
import { drawGraph, type DrawnGraph } from './draw-graph.js';
import { exportSvg, svgToPngBase64, themeOfBody } from './export-image.js';
import { isArrowKey, nextInDirection } from './keyboard-nav.js';
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

// ---- DOM -------------------------------------------------------------------
const app = document.getElementById('app') ?? document.body;
const toolbar = buildToolbar({
  changeOptions: (patch) => setOptions({ ...options, ...patch }),
  search: (text, next) => runSearch(text, next),
  focusSelected: (hops) => {
    const node = selected ? drawn?.nodes.get(selected) : undefined;
    if (!node || node.kind !== 'service') return showStatus('Select a service first, then press Focus.', true);
    setOptions({ ...options, focus: serviceName(node.id), focusHops: hops });
  },
  clearFocus: () => setOptions({ ...options, focus: undefined, focusHops: undefined }),
  collapseAll: (collapse) => {
    const groups = drawn ? [...drawn.nodes.values()].filter((n) => n.kind === 'group').map((n) => n.id) : [];
    autoCollapse = false;
    setOptions({ ...options, collapsed: collapse ? groups : [] });
  },
  fit: () => graph && viewport.fit(graph.width, graph.height),
  actualSize: () => viewport.actualSize(),
  zoom: (factor) => {
    const rect = svg.getBoundingClientRect();
    viewport.zoomAt(factor, rect.width / 2, rect.height / 2);
  },
  exportAs: (format) => void exportAs(format),
});

// The picture's own style sheet (the one renderSvg embeds), installed under the
// page's nonce: the CSP admits no other inline style.
const style = document.createElement('style');
style.nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? '';
style.textContent = svgStyle('vscode');
document.head.append(style);

const svg = svgEl('svg', { class: 'canvas seams-graph theme-vscode', role: 'application', 'aria-label': 'Service graph' });
const layer = svgEl('g', { class: 'viewport' });
svg.append(layer);
const status = htmlEl('div', { class: 'status', role: 'status' }, 'Waiting for the Seams language server…');
const tooltip = new Tooltip();
const stage = htmlEl('div', { class: 'stage' });
stage.append(svg, status);
app.append(toolbar.el, toolbar.menu, stage, toolbar.legend, tooltip.el);
toolbar.showOptions(options);

const viewport = new Viewport(svg, layer, () => saveState());
if (restored?.view) viewport.set(restored.view);

function saveState(): void {
  const state: PreviewState = { options, autoCollapse, view: placed ? viewport.view : undefined };
  vscode.setState(state);
}

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
  return id.startsWith('service:') ? id.slice('service:'.length) : id;
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
      return showGraph(message.graph, message.activeNodeIds);
    case 'highlight':
      return highlight(message.ids);
    case 'status':
      return showStatus(message.text);
    case 'exportRequest':
      return void exportAs(message.format);
  }
}

function showGraph(next: LaidOutGraph, activeNodeIds: string[]): void {
  const hadFocus = document.activeElement instanceof SVGElement ? document.activeElement.getAttribute('data-id') : null;
  graph = next;
  options = next.options;
  toolbar.showOptions(options);
  try {
    drawn = drawGraph(next, activeNodeIds);
  } catch (err) {
    return showStatus(err instanceof Error ? err.message : String(err));
  }
  layer.replaceChildren(drawn.root);
  svg.setAttribute('data-version', String(Date.now()));
  if (!placed) {
    viewport.fit(next.width, next.height);
    placed = true;
  }
  if (next.nodes.length === 0) {
    showStatus(options.problemsOnly ? 'No problems to show.' : 'No services yet: declare one with `service NAME { … }`.');
  } else {
    status.hidden = true;
  }
  if (selected && !drawn.elements.has(selected)) selected = undefined;
  if (selected) drawn.elements.get(selected)!.classList.add('selected');
  markHighlight();
  if (hadFocus) (drawn.elements.get(hadFocus) as SVGGElement | undefined)?.focus();
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
    reveal(node.source);
    return;
  }
  reveal(drawn.edges.get(id)?.sourceRef);
}

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
  const id = idAt(e.target);
  if (id) activate(id);
  else select(undefined);
});

svg.addEventListener('dblclick', (e) => {
  const id = idAt(e.target);
  const node = id ? drawn?.nodes.get(id) : undefined;
  if (node?.kind === 'group' && node.collapsed) toggleCollapse(node.id);
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
    activate(node.id);
  } else if ((e.key === ' ' || e.key === 'c') && node.kind === 'group') {
    e.preventDefault();
    toggleCollapse(node.id);
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
    toolbar.searchInfo.textContent = 'no match';
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

post({ type: 'ready' });
