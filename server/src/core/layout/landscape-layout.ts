/**
 * The landscape's own layout: no ELK, linear work (plus sorting), so the
 * first picture of 10,000 services costs what building its graph costs.
 *
 * A landscape is a few boxes that are often all joined to each other: a
 * layered layout turns 10 systems with 85 lines into a strip of thousands of
 * dummies (docs/preview.md, "Views"). Here:
 *
 * 1. **Column with tracks** (an arc diagram with right angles). Boxes stand in
 *    one column; each pair of boxes joined by anything gets one line, drawn
 *    out of the side of one box, along a vertical track beside the column,
 *    and into the same side of the other. Lines whose spans overlap take
 *    different tracks on the same side (interval colouring, shortest spans
 *    nearest the boxes, so nested lines never cross), and the two sides share
 *    the load. A line never passes a box: tracks lie beside the column. Each
 *    line's label sits on its own stub next to the box it leaves, in a band
 *    kept free of tracks, one stub per port, ports 18 px apart: no label
 *    touches another label, a box or a badge.
 * 2. **Grid** when the column would not be readable in the pane (too many
 *    boxes or lines): boxes in rows, no lines; each box says how many boxes it
 *    calls and is called by. Readable is chosen over complete; the system
 *    views hold the lines.
 * 3. **Grid with the rest folded** when even the grid does not fit: the
 *    largest boxes, and one box for the others ("+N more systems").
 */
import type { GraphNode, LaidOutEdge, LaidOutGraph, LaidOutNode, Point, Problem, ServiceGraph } from './graph.js';
import { listProblems, problemTotal } from './problem-list.js';
import { edgeLabelSize, nodeSize } from './node-size.js';
import { assignTracks, pairLines, sidePorts, type PairLine } from './track-lines.js';
import { worstSeverity } from './graph-from-model.js';
import { bundledEdgeId, MORE_GROUP_ID } from '../ids.js';

export interface PaneLike {
  width: number;
  height: number;
}

const MARGIN = 16;
const ROW_GAP = 14;
const PORT_GAP = 18;
const PORT_PAD = 12;
const TRACK_GAP = 8;
const STUB = 10;
/** Room right of a box for its problem badge (a pill reaches 12 px out). */
const BADGE_CLEAR = 14;
const READABLE = 0.6;

/** Height of the legend the renderer draws below a picture (render/svg.ts LEGEND_HEIGHT). */
const LEGEND_ROOM = 34;

function fits(width: number, height: number, pane: PaneLike): boolean {
  return Math.min(pane.width / width, pane.height / (height + LEGEND_ROOM), 1) >= READABLE;
}

/**
 * The most boxes a landscape can show readably in the pane, whatever their
 * texts: the grid's cells are never smaller than the smallest box (110 × 36)
 * plus the gap. Above it the graph is folded before layout (landscape-graph.ts).
 */
export function landscapeCapacity(pane: PaneLike): number {
  const cols = Math.floor((pane.width / READABLE - 2 * MARGIN + ROW_GAP) / (110 + ROW_GAP));
  const rows = Math.floor((pane.height / READABLE - 2 * MARGIN + ROW_GAP - LEGEND_ROOM) / (36 + ROW_GAP));
  return Math.max(2, cols * rows);
}

/** Lays out a landscape graph (boxes and bundled lines, no groups drawn open). */
export function layoutLandscape(graph: ServiceGraph, pane: PaneLike): LaidOutGraph {
  const column = columnLayout(graph);
  if (column && fits(column.width, column.height, pane)) return column;
  return gridLayout(graph, pane);
}

function columnLayout(graph: ServiceGraph): LaidOutGraph | undefined {
  const boxes = graph.nodes;
  const n = boxes.length;
  if (n === 0) return { width: 0, height: 0, options: graph.options, nodes: [], edges: [] };
  const index = new Map(boxes.map((b, i) => [b.id, i]));

  // Pairs, in the order first met (graph order is model order).
  const lines = pairLines(graph.edges, (id) => index.get(id), n);
  if (lines.length > 160) return undefined;
  const busy = assignTracks(lines, n);
  const ports = sidePorts(lines, n);
  const base = boxes.map((b) => nodeSize(b));
  const width = Math.max(...base.map((s) => s.width));
  const heights = boxes.map((_, i) => {
    const most = Math.max(ports[i]![0]!.length, ports[i]![1]!.length);
    return Math.max(base[i]!.height, most === 0 ? 0 : PORT_PAD * 2 + (most - 1) * PORT_GAP);
  });

  const labelBand = [0, 1].map(
    (side) =>
      Math.max(0, ...lines.filter((l) => l.side === side).map((l) => l.labelWidth)) +
      (busy[side]!.length ? STUB : 0) +
      (side === 1 ? BADGE_CLEAR : 0),
  );
  const trackCount = [busy[0]!.length, busy[1]!.length];
  const leftWidth = trackCount[0]! ? labelBand[0]! + trackCount[0]! * TRACK_GAP : 0;
  const boxX = MARGIN + leftWidth;
  const nodes: LaidOutNode[] = [];
  let y = MARGIN;
  const portY = new Map<PairLine, [number, number]>();
  boxes.forEach((b, i) => {
    const h = heights[i]!;
    nodes.push({ ...b, x: boxX, y, width, height: h });
    for (const side of [0, 1] as const) {
      const list = ports[i]![side]!;
      const top = y + (h - (list.length - 1) * PORT_GAP) / 2;
      list.forEach((p, k) => {
        const at = portY.get(p.line) ?? [0, 0];
        at[p.up ? 1 : 0] = Math.round(top + k * PORT_GAP);
        portY.set(p.line, at);
      });
    }
    y += h + ROW_GAP;
  });
  const height = y - ROW_GAP + MARGIN;
  const rightX = boxX + width;
  const totalWidth = rightX + (trackCount[1]! ? labelBand[1]! + trackCount[1]! * TRACK_GAP : 0) + MARGIN;

  const edges: LaidOutEdge[] = [];
  for (const l of lines) {
    const [ya, yb] = portY.get(l)!;
    const right = l.side === 1;
    const sideX = right ? rightX : boxX;
    const dir = right ? 1 : -1;
    const trackX = sideX + dir * (labelBand[l.side]! + (l.track + 1) * TRACK_GAP);
    const points: Point[] = [
      { x: sideX, y: ya },
      { x: trackX, y: ya },
      { x: trackX, y: yb },
      { x: sideX, y: yb },
    ];
    // Which way the arrow points: towards b when every line goes a -> b, towards a when all go b -> a.
    const forward = l.edges.some((e) => e.source === boxes[l.a]!.id);
    const backward = l.edges.some((e) => e.source === boxes[l.b]!.id);
    const from = forward || !backward ? l.a : l.b;
    const to = from === l.a ? l.b : l.a;
    const path = from === l.a ? points : [...points].reverse();
    const { problems, problemCount } = joinProblems(l.edges);
    const kinds = new Set(l.edges.map((e) => e.kind));
    const kind = kinds.size === 1 ? l.edges[0]!.kind : 'call';
    const count = l.edges.reduce((sum, e) => sum + (e.count ?? 1), 0);
    const labelSize = edgeLabelSize(l.label);
    const labelBox = {
      // On the right, clear of the problem badge on the box's top-right corner.
      x: right ? sideX + BADGE_CLEAR : sideX - 4 - l.labelWidth,
      y: ya - labelSize.height - 1,
      width: l.labelWidth,
      height: labelSize.height,
    };
    const single = l.edges.length === 1 ? l.edges[0]! : undefined;
    edges.push({
      id: single ? single.id : bundledEdgeId(kind, boxes[from]!.id, boxes[to]!.id),
      kind,
      source: boxes[from]!.id,
      target: boxes[to]!.id,
      label: l.label,
      problems,
      ...(problemCount !== undefined ? { problemCount } : {}),
      severity: worstSeverity(problems),
      count,
      both: forward && backward ? true : undefined,
      sourceRef: single?.sourceRef,
      points: path,
      labelBox,
    });
  }
  return { width: totalWidth, height, options: graph.options, nodes, edges };
}

/** Boxes in rows, no lines; each box counts the boxes it calls and is called by. */
function gridLayout(graph: ServiceGraph, pane: PaneLike): LaidOutGraph {
  const out = new Map<string, Set<string>>();
  const inn = new Map<string, Set<string>>();
  for (const e of graph.edges) {
    if (e.source === e.target) continue;
    (out.get(e.source) ?? out.set(e.source, new Set()).get(e.source)!).add(e.target);
    (inn.get(e.target) ?? inn.set(e.target, new Set()).get(e.target)!).add(e.source);
  }
  let boxes: GraphNode[] = graph.nodes.map((b) => ({ ...b, links: linkDetail(out.get(b.id)?.size ?? 0, inn.get(b.id)?.size ?? 0) }));
  const sizes = () => boxes.map((b) => nodeSize(b));
  let s = sizes();
  const cell = { width: Math.max(...s.map((x) => x.width), 0) + ROW_GAP, height: Math.max(...s.map((x) => x.height), 0) + ROW_GAP };
  const maxWidth = pane.width / READABLE - 2 * MARGIN + ROW_GAP;
  // The legend (34 px) is drawn below the picture and counts for its fit.
  const maxHeight = pane.height / READABLE - 2 * MARGIN + ROW_GAP - LEGEND_ROOM;
  const cols = Math.max(1, Math.floor(maxWidth / cell.width));
  const rows = Math.max(1, Math.floor(maxHeight / cell.height));
  if (boxes.length > cols * rows) boxes = foldRest(boxes, cols * rows - 1);
  s = sizes();
  // Columns: as few as keep the picture no taller than the pane's shape allows.
  const aspect = pane.width / pane.height;
  let c = 1;
  while (c < cols && (c * cell.width) / (Math.ceil(boxes.length / c) * cell.height) < aspect) c++;
  c = Math.max(c, Math.ceil(boxes.length / rows));
  const nodes: LaidOutNode[] = boxes.map((b, i) => ({
    ...b,
    x: MARGIN + (i % c) * cell.width,
    y: MARGIN + Math.floor(i / c) * cell.height,
    width: cell.width - ROW_GAP,
    height: cell.height - ROW_GAP,
  }));
  const usedRows = Math.ceil(boxes.length / c);
  return {
    width: 2 * MARGIN + Math.min(c, boxes.length) * cell.width - ROW_GAP,
    height: 2 * MARGIN + usedRows * cell.height - ROW_GAP,
    options: graph.options,
    nodes,
    edges: [],
  };
}

function linkDetail(calls: number, calledBy: number): string | undefined {
  if (!calls && !calledBy) return undefined;
  return `reaches ${calls} box${calls === 1 ? '' : 'es'}, reached from ${calledBy}`;
}

/** The `keep` boxes with most members, in their order, and one box for the rest. */
function foldRest(boxes: GraphNode[], keep: number): GraphNode[] {
  const ranked = boxes.map((b, i) => ({ b, i })).sort((p, q) => (q.b.memberCount ?? 1) - (p.b.memberCount ?? 1) || p.i - q.i);
  // A "+N more" box folded before layout (landscape-graph.ts) always joins the rest.
  const kept = new Set(
    ranked
      .filter((r) => r.b.id !== MORE_GROUP_ID)
      .slice(0, Math.max(0, keep))
      .map((r) => r.i),
  );
  const rest = boxes.filter((_, i) => !kept.has(i));
  const { problems, problemCount } = joinProblems(rest);
  const services = rest.reduce((sum, b) => sum + (b.memberCount ?? 1), 0);
  const folded = rest.reduce((sum, b) => sum + (b.folded ?? 1), 0);
  const more: GraphNode = {
    id: MORE_GROUP_ID,
    kind: 'group',
    collapsed: true,
    label: `+${folded} more`,
    memberCount: services,
    folded,
    problems,
    ...(problemCount !== undefined ? { problemCount } : {}),
    severity: worstSeverity(problems),
  };
  return [...boxes.filter((_, i) => kept.has(i)), more];
}

/** The problems of several boxes or lines as one list (the worst of them) and their total. */
function joinProblems(items: readonly { problems: readonly Problem[]; problemCount?: number }[]): {
  problems: Problem[];
  problemCount?: number;
} {
  const listed = listProblems(items.flatMap((i) => i.problems));
  const total = items.reduce((n, i) => n + problemTotal(i), 0);
  return total > listed.problems.length ? { problems: listed.problems, problemCount: total } : listed;
}
