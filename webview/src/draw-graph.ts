/**
 * Puts a `LaidOutGraph` on screen by drawing it with `renderSvg` — the code
 * `seams render` and "Export as SVG" use — in its `vscode` theme, then making
 * the result interactive: focusable nodes with accessible names, a collapse
 * toggle on groups, wide click targets on lines, marks for the active file.
 *
 * renderSvg escapes every string it writes; the text is still parsed as inert
 * XML (DOMParser runs nothing), and anything that could run or load is dropped
 * before it reaches the page, so a bug there cannot turn into script here. The
 * embedded <style> is left out: the page's CSP admits only nonce'd styles, so
 * main.ts installs the same style sheet once with the page's nonce.
 */
import type { LaidOutEdge, LaidOutGraph, LaidOutNode } from '../../server/src/core/layout/graph.js';
import { renderSvg } from '../../server/src/core/render/svg.js';
import { svgEl } from './dom.js';
import { problemTotal } from '../../server/src/core/layout/problem-list.js';

export interface DrawnGraph {
  root: SVGGElement;
  /** Node and edge elements by id (for an edge, its line group). */
  elements: Map<string, SVGGElement>;
  nodes: Map<string, LaidOutNode>;
  edges: Map<string, LaidOutEdge>;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Elements that renderSvg never writes and that could run script, embed content or load something. */
const FORBIDDEN = 'script, foreignObject, iframe, image, use, a, animate, set, animateTransform, animateMotion, style';

/** `groupControls: false` (a diff picture): no collapse or open buttons on groups. */
export function drawGraph(graph: LaidOutGraph, activeNodeIds: readonly string[], options: { groupControls?: boolean } = {}): DrawnGraph {
  const groupControls = options.groupControls !== false;
  // The embedded sheet is cut before parsing: a parsed <style> already counts
  // against the CSP (and is reported), even in a document never shown.
  // User text is escaped, so `<style>` can only be renderSvg's own element.
  const text = renderSvg(graph, { theme: 'vscode', legend: false }).replace(/<style>[\s\S]*?<\/style>/, '');
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const source = doc.documentElement;
  if (source.namespaceURI !== SVG_NS || doc.querySelector('parsererror')) {
    throw new Error('renderSvg produced a document that does not parse as SVG.');
  }
  sanitise(source);

  const root = svgEl('g', { class: 'graph' });
  for (const child of [...source.children]) {
    if (child.classList.contains('background')) continue;
    root.append(document.importNode(child, true));
  }

  const drawn: DrawnGraph = { root, elements: new Map(), nodes: new Map(), edges: new Map() };
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges = new Map(graph.edges.map((e) => [e.id, e]));
  const active = new Set(activeNodeIds);

  for (const el of root.querySelectorAll<SVGGElement>('g.node[data-id]')) {
    const node = nodes.get(el.getAttribute('data-id')!);
    if (!node) continue;
    drawn.elements.set(node.id, el);
    drawn.nodes.set(node.id, node);
    el.querySelector(':scope > title')?.remove(); // the webview shows its own hover card
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'button');
    el.setAttribute('aria-label', accessibleName(node));
    if (active.has(node.id)) el.classList.add('active-file');
    // In a view, a system or team box opens its view; in the old whole-model picture it collapses.
    if (!groupControls) continue;
    if (node.kind === 'group' && graph.view === undefined) el.append(toggleButton(node));
    // (Only on a frame: a collapsed box is too small for it, and a double-click or `o` opens it.)
    else if (node.kind === 'group' && !node.collapsed && opensView(node)) el.append(openButton(node));
  }
  for (const el of root.querySelectorAll<SVGGElement>('g.edge[data-id]')) {
    const edge = edges.get(el.getAttribute('data-id')!);
    if (!edge) continue;
    drawn.elements.set(edge.id, el);
    drawn.edges.set(edge.id, edge);
    el.querySelector(':scope > title')?.remove();
    // A wide transparent twin under the line takes the pointer, so thin lines are easy to hit.
    const line = el.querySelector('path.line');
    if (line) el.insertBefore(svgEl('path', { class: 'hit', d: line.getAttribute('d') ?? '' }), line);
  }
  return drawn;
}

/** Drops anything active: forbidden elements, event handler attributes and links. */
function sanitise(root: Element): void {
  for (const el of root.querySelectorAll(FORBIDDEN)) el.remove();
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'href' || name.endsWith(':href') || name === 'style') el.removeAttribute(attr.name);
    }
  }
}

function accessibleName(node: LaidOutNode): string {
  const what = node.kind === 'group' ? (node.collapsed ? 'collapsed group' : 'group') : node.kind;
  const n = problemTotal(node);
  return `${what} ${node.label}${n ? `, ${n} problem${n > 1 ? 's' : ''}` : ''}`;
}

function opensView(node: LaidOutNode): boolean {
  return node.id.startsWith('group:system:') || node.id.startsWith('group:team:');
}

/** The ↗ box at the top right of a system or team: opens its view (as a double-click does). */
function openButton(node: LaidOutNode): SVGGElement {
  const x = node.x + node.width - 24;
  const y = node.y + 6;
  const b = svgEl('g', { class: 'collapse-toggle open-view', 'data-open-view': node.id });
  b.append(svgEl('rect', { x, y, width: 16, height: 16, rx: 2 }));
  b.append(svgEl('text', { x: x + 8, y: y + 12, 'text-anchor': 'middle' }, '↗'));
  b.append(svgEl('title', {}, `Open ${node.label}`));
  return b;
}

/** The +/− box at the top right of a group (expanded or collapsed). */
function toggleButton(node: LaidOutNode): SVGGElement {
  const x = node.x + node.width - 24;
  const y = node.y + 6;
  const b = svgEl('g', { class: 'collapse-toggle', 'data-toggle': node.id });
  b.append(svgEl('rect', { x, y, width: 14, height: 14, rx: 2 }));
  b.append(svgEl('text', { x: x + 7, y: y + 11, 'text-anchor': 'middle' }, node.collapsed ? '+' : '−'));
  b.append(svgEl('title', {}, node.collapsed ? 'Expand' : 'Collapse'));
  return b;
}
