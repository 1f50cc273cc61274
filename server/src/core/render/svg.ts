/**
 * `LaidOutGraph` -> one self-contained SVG document (styles inside, no external
 * references), used by `seams render` and the preview's "Export as SVG".
 *
 * Output is a pure function of the input: elements in graph order, numbers
 * rounded to one decimal, no timestamps or random ids, so the same graph always
 * gives byte-identical text. Every user string goes through `escapeXml`.
 * Elements carry the same `data-id`, `data-kind` and classes as the webview's
 * drawing, so interaction code and tests find things the same way in both.
 */
import type { Box, ChangeKind, LaidOutEdge, LaidOutGraph, LaidOutNode, Problem } from '../layout/graph.js';
import { collapsedSublabel, edgeBadgeRoom, GROUP_HEADER, groupTitle, NODE_BADGE_RADIUS } from '../layout/node-size.js';
import { escapeXml } from './escape-xml.js';
import { nameOfNodeId } from '../ids.js';
import { textWidth } from '../layout/text-metrics.js';
import { svgStyle, type SvgTheme } from './svg-theme.js';
import { problemTotal } from '../layout/problem-list.js';

export interface RenderOptions {
  theme: SvgTheme;
  /** Draw the legend below the graph (default true). */
  legend?: boolean;
}

const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;

/** A number as SVG text: at most one decimal, no `-0`. */
export function num(v: number): string {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

type Attrs = Record<string, string | number | undefined>;

function attrs(a: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined) continue;
    out += ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(v)}"`;
  }
  return out;
}

function el(name: string, a: Attrs, content?: string): string {
  return content === undefined ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${content}</${name}>`;
}

function sevClass(severity: string | undefined): string {
  return severity ? ` sev-${severity}` : '';
}

function problemLines(item: { problems: readonly Problem[]; problemCount?: number }): string[] {
  const lines = item.problems.map((p) => `${p.severity} ${p.code}: ${p.message}`);
  const more = problemTotal(item) - item.problems.length;
  if (more > 0) lines.push(`… and ${more} more`);
  return lines;
}

/** The hover text of a node: what it is, its summary and its problems. */
function nodeTitle(node: LaidOutNode): string {
  const lines = [node.sublabel ? `${node.label} — ${node.sublabel}` : node.label];
  const s = node.summary;
  if (s) {
    if (s.owner) lines.push(`owner: ${s.owner}`);
    if (s.tier) lines.push(`tier: ${s.tier}`);
    if (s.system) lines.push(`system: ${s.system}`);
    for (const c of s.contracts) lines.push(c);
    if (s.stores.length) lines.push(`stores: ${s.stores.join(', ')}`);
    if (s.runtime) lines.push(`runtime: ${s.runtime}`);
    if (s.libraries?.length) lines.push(`libraries: ${s.libraries.join(', ')}`);
  }
  if (node.memberCount !== undefined) lines.push(`${node.memberCount} services`);
  if (node.links) lines.push(node.links);
  lines.push(...problemLines(node));
  return lines.join('\n');
}

/** A problem count centred on (x, y): a circle, or a pill for counts of three digits or more. */
function badge(
  item: { problems: readonly Problem[]; problemCount?: number },
  severity: string | undefined,
  x: number,
  y: number,
  r = NODE_BADGE_RADIUS,
): string {
  const count = problemTotal(item);
  const text = count > 99 ? '99+' : String(count);
  const shape =
    text.length <= 2
      ? el('circle', { cx: x, cy: y, r })
      : el('rect', { x: x - (text.length * 6 + 6) / 2, y: y - r, width: text.length * 6 + 6, height: 2 * r, rx: r });
  return el(
    'g',
    { class: `badge${sevClass(severity)}`, 'data-count': count },
    shape + el('text', { x, y: y + 3.5, 'text-anchor': 'middle' }, text),
  );
}

function centredLabels(node: LaidOutNode, top: number): string {
  const cx = node.x + node.width / 2;
  const sub = node.kind === 'external' ? undefined : collapsedSublabel(node);
  const lines: [string, string][] = [[node.kind === 'external' ? 'label external-label' : 'label', node.label]];
  if (sub) lines.push(['sublabel', sub]);
  if (node.detail) lines.push([`detail${sevClass(node.severity)}`, node.detail]);
  // Baselines 14 px apart, the block centred in the box.
  const mid = (top + node.y + node.height) / 2;
  const first = mid + 4.5 - ((lines.length - 1) * 14) / 2;
  return lines
    .map(([cls, text], i) => el('text', { class: cls, x: cx, y: first + i * 14, 'text-anchor': 'middle' }, escapeXml(text)))
    .join('');
}

/** A gateway's outline: a box with cut corners, so gateways stand apart from other services. */
function gatewayPath(b: Box): string {
  const c = Math.min(8, b.height / 4);
  const { x, y, width: w, height: h } = b;
  return `M${num(x + c)},${num(y)} L${num(x + w - c)},${num(y)} L${num(x + w)},${num(y + c)} L${num(x + w)},${num(y + h - c)} L${num(x + w - c)},${num(y + h)} L${num(x + c)},${num(y + h)} L${num(x)},${num(y + h - c)} L${num(x)},${num(y + c)} Z`;
}

function cylinder(b: Box): string {
  const ry = Math.min(6, b.height / 4);
  const { x, y, width: w, height: h } = b;
  const arc = `A${num(w / 2)},${num(ry)} 0 0 0`;
  return (
    `M${num(x)},${num(y + ry)} ${arc} ${num(x + w)},${num(y + ry)} ${arc} ${num(x)},${num(y + ry)} ` +
    `L${num(x)},${num(y + h - ry)} ${arc} ${num(x + w)},${num(y + h - ry)} L${num(x + w)},${num(y + ry)}`
  );
}

/** ` change-added` for a changed element, ` muted` for an unchanged one in a diff picture. */
function changeClass(item: { change?: ChangeKind }, diff: boolean): string {
  return item.change ? ` change-${item.change}` : diff ? ' muted' : '';
}

function renderNode(node: LaidOutNode, diff = false): string {
  // A group is never muted: its members say what changed inside it.
  const change = node.kind === 'group' && !node.collapsed && !node.change ? '' : changeClass(node, diff);
  const gateway = node.tier === 'gateway' && (node.kind === 'service' || node.kind === 'external');
  const classes = `node kind-${node.kind}${node.collapsed ? ' collapsed' : ''}${gateway ? ' tier-gateway' : ''}${sevClass(node.severity)}${change}`;
  const { x, y, width: w, height: h } = node;
  let body = el('title', {}, escapeXml(nodeTitle(node)));
  if (node.kind === 'group' && !node.collapsed) {
    body += el('rect', { class: 'shape', x, y, width: w, height: h, rx: 6 });
    body += el('text', { class: 'group-label', x: x + 10, y: y + GROUP_HEADER / 2 + 4 }, escapeXml(groupTitle(node)));
  } else if (node.kind === 'store') {
    const ry = Math.min(6, h / 4);
    body += el('path', { class: 'shape', d: cylinder(node) });
    body += centredLabels(node, y + 2 * ry);
  } else if (gateway) {
    body += el('path', { class: 'shape', d: gatewayPath(node) });
    body += centredLabels(node, y);
  } else {
    body += el('rect', { class: 'shape', x, y, width: w, height: h, rx: node.kind === 'external' ? 10 : 4 });
    body += centredLabels(node, y);
  }
  if (node.problems.length) body += badge(node, node.severity, x + w, y);
  return el('g', { class: classes, 'data-id': node.id, 'data-kind': node.kind }, body);
}

function pathOf(edge: LaidOutEdge): string {
  return edge.points.map((p, i) => `${i ? 'L' : 'M'}${num(p.x)},${num(p.y)}`).join(' ');
}

function edgeTitle(edge: LaidOutEdge): string {
  const what = edge.kind === 'call' ? 'calls' : edge.kind === 'subscription' ? 'publishes to' : 'uses store';
  const name = nameOfNodeId;
  const head = `${name(edge.source)} ${what} ${name(edge.target)}${edge.label ? ` (${edge.label})` : ''}`;
  return [head, ...problemLines(edge)].join('\n');
}

function renderEdge(edge: LaidOutEdge, diff = false): { line: string; label: string } {
  const arrow = edge.change ?? edge.severity ?? 'plain';
  const marker = edge.kind === 'store' ? undefined : `url(#seams-arrow-${arrow})`;
  const start = edge.both && marker ? `url(#seams-arrow-start-${arrow})` : undefined;
  let body =
    el('title', {}, escapeXml(edgeTitle(edge))) +
    el('path', { class: 'line', d: pathOf(edge), 'marker-end': marker, 'marker-start': start });
  let label = '';
  if (edge.label && edge.labelBox) {
    const b = edge.labelBox;
    // The problem badge sits inside the label's box, at its right end, so it never covers anything else.
    const room = edgeBadgeRoom(edge.problems.length);
    let inner = el('rect', { x: b.x, y: b.y, width: b.width, height: b.height, rx: 2 });
    inner += el('text', { x: b.x + (b.width - room) / 2, y: b.y + b.height / 2 + 4, 'text-anchor': 'middle' }, escapeXml(edge.label));
    if (room) inner += badge(edge, edge.severity, b.x + b.width - room / 2, b.y + b.height / 2, 7);
    label = el(
      'g',
      { class: `edge-label${sevClass(edge.severity)}${changeClass(edge, diff)}`, 'data-id': edge.id, 'data-kind': edge.kind },
      inner,
    );
  } else if (edge.problems.length) {
    const mid = edge.points[Math.floor(edge.points.length / 2)]!;
    body += badge(edge, edge.severity, mid.x, mid.y);
  }
  const line = el(
    'g',
    { class: `edge kind-${edge.kind}${sevClass(edge.severity)}${changeClass(edge, diff)}`, 'data-id': edge.id, 'data-kind': edge.kind },
    body,
  );
  return { line, label };
}

function markers(diff: boolean): string {
  return [...SEVERITIES, ...(diff ? CHANGES : [])].reduce(
    (out, name) => out + marker(name) + marker(name, true),
    marker('plain') + marker('plain', true),
  );
}

const CHANGES = ['added', 'removed', 'changed'] as const;

function marker(name: string, start = false): string {
  return el(
    'marker',
    {
      id: `seams-arrow-${start ? 'start-' : ''}${name}`,
      class: `arrow arrow-${name}`,
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      markerWidth: 8,
      markerHeight: 8,
      markerUnits: 'userSpaceOnUse',
      orient: start ? 'auto-start-reverse' : 'auto',
    },
    el('path', { d: 'M0,0 L10,5 L0,10 z' }),
  );
}

export const LEGEND_HEIGHT = 34;
export const LEGEND_WIDTH = 560;

function legend(x: number, y: number): string {
  let out = el('rect', { class: 'frame', x, y, width: LEGEND_WIDTH, height: LEGEND_HEIGHT - 8, rx: 4 });
  const cy = y + 13;
  const line = (x0: number, kind: string, text: string, arrow: boolean): string =>
    el(
      'g',
      { class: `edge kind-${kind}` },
      el('path', {
        class: 'line',
        d: `M${num(x0)},${num(cy)} L${num(x0 + 30)},${num(cy)}`,
        'marker-end': arrow ? 'url(#seams-arrow-plain)' : undefined,
      }),
    ) + el('text', { x: x0 + 36, y: cy + 4 }, text);
  out += line(x + 10, 'call', 'call', true);
  out += line(x + 80, 'subscription', 'event subscription', true);
  out += line(x + 230, 'store', 'store', false);
  let sx = x + 300;
  for (const s of SEVERITIES) {
    out += el('circle', { class: `swatch sev-${s}`, cx: sx + 5, cy, r: 5 }) + el('text', { x: sx + 14, y: cy + 4 }, s);
    sx += 24 + textWidth(s, 11);
  }
  return el('g', { class: 'legend' }, out);
}

/** The diff picture's second legend row: what the change colours mean. */
function changeLegend(x: number, y: number): string {
  let out = el('rect', { class: 'frame', x, y, width: LEGEND_WIDTH, height: LEGEND_HEIGHT - 8, rx: 4 });
  const cy = y + 13;
  let sx = x + 10;
  for (const [c, text] of [
    ['added', 'added'],
    ['removed', 'removed'],
    ['changed', 'changed'],
  ] as const) {
    out +=
      el('rect', { class: `swatch change-${c}`, x: sx, y: cy - 6, width: 18, height: 12, rx: 2 }) +
      el('text', { x: sx + 24, y: cy + 4 }, text);
    sx += 40 + textWidth(text, 11);
  }
  out += el('rect', { class: 'swatch muted', x: sx, y: cy - 6, width: 18, height: 12, rx: 2, fill: 'none', stroke: 'currentColor' });
  out += el('text', { x: sx + 24, y: cy + 4 }, 'unchanged (faded)');
  return el('g', { class: 'legend legend-changes' }, out);
}

/** Renders the graph as a standalone SVG document. */
export function renderSvg(graph: LaidOutGraph, options: RenderOptions = { theme: 'light' }): string {
  const showLegend = options.legend !== false;
  // A diff picture (some element marked as changed) mutes the rest and explains its colours.
  const diff = graph.nodes.some((n) => n.change) || graph.edges.some((e) => e.change);
  const width = Math.max(graph.width, showLegend ? LEGEND_WIDTH + 32 : 0);
  const height = graph.height + (showLegend ? LEGEND_HEIGHT * (diff ? 2 : 1) : 0);
  const groups: string[] = [];
  const nodes: string[] = [];
  const lines: string[] = [];
  const labels: string[] = [];
  for (const n of graph.nodes) (n.kind === 'group' && !n.collapsed ? groups : nodes).push(renderNode(n, diff));
  for (const e of graph.edges) {
    const { line, label } = renderEdge(e, diff);
    lines.push(line);
    if (label) labels.push(label);
  }
  const layer = (name: string, items: string[]): string => `<g class="${name}">\n${items.join('\n')}\n</g>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({ class: `seams-graph theme-${options.theme}`, width, height, viewBox: `0 0 ${num(width)} ${num(height)}` })}>`,
    `<style>\n${svgStyle(options.theme, { diff })}\n</style>`,
    `<defs>${markers(diff)}</defs>`,
    el('rect', { class: 'background', x: 0, y: 0, width, height }),
    layer('layer-groups', groups),
    layer('layer-edges', lines),
    layer('layer-nodes', nodes),
    layer('layer-labels', labels),
    showLegend ? legend(16, graph.height) : '',
    showLegend && diff ? changeLegend(16, graph.height + LEGEND_HEIGHT) : undefined,
    '</svg>',
    '',
  ]
    .filter((part) => part !== undefined)
    .join('\n');
}
