/**
 * Turns a `LaidOutGraph` into SVG elements. It draws exactly what it is given,
 * at the given coordinates: the layout (and what is shown at all: grouping,
 * stores, focus, problems only, collapsed systems) was decided on the server.
 *
 * Every element that stands for a node or an edge carries `data-id` and
 * `data-kind`, the same attributes `renderSvg` writes, so tests and the
 * interaction code find things the same way in both pictures.
 */
import type { LaidOutEdge, LaidOutGraph, LaidOutNode, Problem } from '../../server/src/core/layout/graph.js';
import { r, svgEl } from './dom.js';

export interface DrawnGraph {
  root: SVGGElement;
  /** Node and edge elements by id. */
  elements: Map<string, SVGGElement>;
  nodes: Map<string, LaidOutNode>;
  edges: Map<string, LaidOutEdge>;
}

const SEVERITY_ORDER = ['error', 'warning', 'info', 'hint'] as const;

/** The arrowhead markers, one per severity so an arrow's head matches its line. */
export function drawMarkers(): SVGDefsElement {
  const defs = svgEl('defs');
  for (const name of ['plain', ...SEVERITY_ORDER]) {
    const marker = svgEl('marker', {
      id: `arrow-${name}`,
      class: `arrow arrow-${name}`,
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      markerWidth: 8,
      markerHeight: 8,
      markerUnits: 'userSpaceOnUse',
      orient: 'auto-start-reverse',
    });
    marker.append(svgEl('path', { d: 'M0,0 L10,5 L0,10 z' }));
    defs.append(marker);
  }
  return defs;
}

export function drawGraph(graph: LaidOutGraph, activeNodeIds: readonly string[]): DrawnGraph {
  const root = svgEl('g', { class: 'graph' });
  const groupLayer = svgEl('g', { class: 'layer-groups' });
  const edgeLayer = svgEl('g', { class: 'layer-edges' });
  const nodeLayer = svgEl('g', { class: 'layer-nodes' });
  const labelLayer = svgEl('g', { class: 'layer-labels' });
  root.append(groupLayer, edgeLayer, nodeLayer, labelLayer);

  const active = new Set(activeNodeIds);
  const drawn: DrawnGraph = { root, elements: new Map(), nodes: new Map(), edges: new Map() };

  for (const node of graph.nodes) {
    const el = drawNode(node, active.has(node.id));
    drawn.elements.set(node.id, el);
    drawn.nodes.set(node.id, node);
    (node.kind === 'group' && !node.collapsed ? groupLayer : nodeLayer).append(el);
  }
  for (const edge of graph.edges) {
    const { line, label } = drawEdge(edge);
    drawn.elements.set(edge.id, line);
    drawn.edges.set(edge.id, edge);
    edgeLayer.append(line);
    if (label) labelLayer.append(label);
  }
  return drawn;
}

function severityClass(severity: string | undefined): string {
  return severity ? ` sev-${severity}` : '';
}

function accessibleName(node: LaidOutNode): string {
  const what = node.kind === 'group' ? (node.collapsed ? 'collapsed group' : 'group') : node.kind;
  const problems = node.problems.length ? `, ${node.problems.length} problem${node.problems.length > 1 ? 's' : ''}` : '';
  return `${what} ${node.label}${problems}`;
}

function drawNode(node: LaidOutNode, inActiveFile: boolean): SVGGElement {
  const classes = [`node kind-${node.kind}`];
  if (node.collapsed) classes.push('collapsed');
  if (inActiveFile) classes.push('active-file');
  const g = svgEl('g', {
    class: classes.join(' ') + severityClass(node.severity),
    'data-id': node.id,
    'data-kind': node.kind,
    tabindex: 0,
    role: 'button',
    'aria-label': accessibleName(node),
  });
  const { x, y, width: w, height: h } = node;

  if (node.kind === 'group' && !node.collapsed) {
    g.append(svgEl('rect', { class: 'shape', x: r(x), y: r(y), width: r(w), height: r(h), rx: 6 }));
    // The header holds the title and the collapse toggle; only it takes clicks,
    // so a click on empty space inside a system still pans.
    g.append(svgEl('text', { class: 'group-label', x: r(x + 8), y: r(y + 16) }, node.label));
    g.append(toggleButton(node, x + w - 18, y + 4));
  } else if (node.kind === 'store') {
    const ry = Math.min(6, h / 4);
    const d =
      `M${r(x)},${r(y + ry)} A${r(w / 2)},${r(ry)} 0 0 0 ${r(x + w)},${r(y + ry)} ` +
      `A${r(w / 2)},${r(ry)} 0 0 0 ${r(x)},${r(y + ry)} L${r(x)},${r(y + h - ry)} ` +
      `A${r(w / 2)},${r(ry)} 0 0 0 ${r(x + w)},${r(y + h - ry)} L${r(x + w)},${r(y + ry)}`;
    g.append(svgEl('path', { class: 'shape', d }));
    appendLabels(g, node, y + ry);
  } else {
    g.append(svgEl('rect', { class: 'shape', x: r(x), y: r(y), width: r(w), height: r(h), rx: 4 }));
    appendLabels(g, node, y);
    if (node.kind === 'group') g.append(toggleButton(node, x + w - 18, y + 4));
  }
  if (node.problems.length) g.append(badge(node.problems, node.severity, x + w, y));
  return g;
}

function toggleButton(node: LaidOutNode, x: number, y: number): SVGGElement {
  const b = svgEl('g', { class: 'collapse-toggle', 'data-toggle': node.id });
  b.append(svgEl('rect', { x: r(x), y: r(y), width: 14, height: 14, rx: 2 }));
  b.append(svgEl('text', { x: r(x + 7), y: r(y + 11), 'text-anchor': 'middle' }, node.collapsed ? '+' : '−'));
  b.append(svgEl('title', {}, node.collapsed ? 'Expand' : 'Collapse'));
  return b;
}

function appendLabels(g: SVGGElement, node: LaidOutNode, top: number): void {
  const cx = node.x + node.width / 2;
  const sub = node.kind === 'group' && node.collapsed && node.memberCount !== undefined
    ? `${node.memberCount} service${node.memberCount === 1 ? '' : 's'}`
    : node.sublabel;
  const bottom = node.y + node.height;
  const mid = (top + bottom) / 2;
  if (sub) {
    g.append(svgEl('text', { class: 'label', x: r(cx), y: r(mid - 2), 'text-anchor': 'middle' }, node.label));
    g.append(svgEl('text', { class: 'sublabel', x: r(cx), y: r(mid + 12), 'text-anchor': 'middle' }, sub));
  } else {
    g.append(svgEl('text', { class: 'label', x: r(cx), y: r(mid + 4), 'text-anchor': 'middle' }, node.label));
  }
}

function badge(problems: readonly Problem[], severity: string | undefined, x: number, y: number): SVGGElement {
  const b = svgEl('g', { class: `badge${severityClass(severity)}`, 'data-count': problems.length });
  b.append(svgEl('circle', { cx: r(x), cy: r(y), r: 8 }));
  b.append(svgEl('text', { x: r(x), y: r(y + 3.5), 'text-anchor': 'middle' }, String(problems.length)));
  return b;
}

function drawEdge(edge: LaidOutEdge): { line: SVGGElement; label?: SVGGElement } {
  const d = edge.points.map((p, i) => `${i ? 'L' : 'M'}${r(p.x)},${r(p.y)}`).join(' ');
  const line = svgEl('g', {
    class: `edge kind-${edge.kind}${severityClass(edge.severity)}`,
    'data-id': edge.id,
    'data-kind': edge.kind,
  });
  // A wide transparent twin takes the pointer so thin lines are easy to click.
  line.append(svgEl('path', { class: 'hit', d }));
  line.append(
    svgEl('path', {
      class: 'line',
      d,
      'marker-end': edge.kind === 'store' ? undefined : `url(#arrow-${edge.severity ?? 'plain'})`,
    }),
  );
  let label: SVGGElement | undefined;
  if (edge.label && edge.labelBox) {
    const b = edge.labelBox;
    label = svgEl('g', { class: `edge-label${severityClass(edge.severity)}`, 'data-id': edge.id, 'data-kind': edge.kind });
    label.append(svgEl('rect', { x: r(b.x), y: r(b.y), width: r(b.width), height: r(b.height), rx: 2 }));
    label.append(
      svgEl('text', { x: r(b.x + b.width / 2), y: r(b.y + b.height / 2 + 4), 'text-anchor': 'middle' }, edge.label),
    );
    if (edge.problems.length) label.append(badge(edge.problems, edge.severity, b.x + b.width, b.y));
  } else if (edge.problems.length) {
    const mid = edge.points[Math.floor(edge.points.length / 2)]!;
    line.append(badge(edge.problems, edge.severity, mid.x, mid.y));
  }
  return { line, label };
}
