/**
 * The layout of a large `all` view: each group laid out on its own, the groups
 * stacked in one column, and the lines between groups bundled and routed on
 * tracks beside the column.
 *
 * ELK's layered layout of a whole large model is slow and unreadable: with
 * groups, the lines that cross a group border are cut into pieces that all
 * meet at the top level, and 1,000 services in 34 systems took 40–120 s
 * (docs/performance.md). Here the work is many small ELK runs instead of one
 * large one, plus linear work (and sorting) for the rest:
 *
 * 1. **Blocks.** Each expanded group is laid out alone by layout.ts with only
 *    the lines inside it; its members keep their places inside the group's
 *    frame. A box outside every group is a block of its own.
 * 2. **Column.** The blocks stand in one column, in graph (model) order, each
 *    centred on the column's axis, ROW_GAP apart.
 * 3. **Bundled lines on tracks.** All lines between two blocks become one
 *    line, labelled with what it stands for ("12 calls · 3 events"), drawn
 *    out of the side of one block, along a vertical track beside the column
 *    and into the same side of the other, the same way as the landscape's
 *    column (landscape-layout.ts): lines whose spans overlap take different
 *    tracks (shortest spans nearest the column, so nested lines never cross),
 *    the two sides share the load, and each label sits on its line's stub in
 *    a band kept free of tracks. Tracks lie beside the column, so no line runs
 *    through a box, and stubs are PORT_GAP apart, so no label touches another.
 *
 * Deterministic: the same graph gives the same picture.
 */
import type { Direction, GraphEdge, GraphNode, LaidOutEdge, LaidOutGraph, LaidOutNode, Point, ServiceGraph } from './graph.js';
import { ATTACHED_STORE_GAP, attachedStores, layoutGraph, type ElkLike } from './layout.js';
import { edgeLabelSize, GROUP_HEADER, GROUP_PAD, groupTitle, nodeSize } from './node-size.js';
import { FONT, textWidth } from './text-metrics.js';
import { worstSeverity } from './graph-from-model.js';
import { bundledEdgeId } from '../ids.js';
import { assignTracks, pairLines, sidePorts, type PairLine } from './track-lines.js';

const MARGIN = 16;
const ROW_GAP = 28;
const PORT_GAP = 18;
const PORT_PAD = 12;
const TRACK_GAP = 8;
const STUB = 10;
/** Room right of a block for a problem badge on its corner (a pill reaches 12 px out). */
const BADGE_CLEAR = 14;
/** Room left of a block for the arrowheads of lines that end there. */
const LEFT_CLEAR = 12;

/** A group laid out on its own (or one box outside every group), at its own origin. */
interface Block {
  /** The node that stands for the block: the group's frame, or the box itself. */
  node: GraphNode;
  width: number;
  height: number;
  /** Members at their places relative to the block's top-left corner (empty for a lone box). */
  members: LaidOutNode[];
  /** Lines inside the block, relative to its top-left corner. */
  edges: LaidOutEdge[];
}

/** Whether `graph` should be laid out here: at least two groups drawn open. */
export function hasOpenGroups(graph: ServiceGraph): boolean {
  let open = 0;
  for (const n of graph.nodes) if (n.kind === 'group' && !n.collapsed && ++open >= 2) return true;
  return false;
}

/**
 * Lays out `graph` as a column of separately laid-out groups with bundled
 * lines between them. `inner` is the direction calls run inside a group.
 */
export async function layoutGroupColumn(graph: ServiceGraph, elk: ElkLike | undefined, inner: Direction): Promise<LaidOutGraph> {
  const blocks = await layoutBlocks(graph, elk, inner);
  const blockOf = new Map<string, number>();
  blocks.forEach((b, i) => {
    blockOf.set(b.node.id, i);
    for (const m of b.members) blockOf.set(m.id, i);
  });

  // Lines between blocks, one per pair of blocks, in the order first met.
  const lines = pairLines(graph.edges, (id) => blockOf.get(id), blocks.length);
  const busy = assignTracks(lines, blocks.length);
  const ports = sidePorts(lines, blocks.length);
  // A block grows (its frame, downwards) when its ports need more room than it has.
  const heights = blocks.map((b, i) => {
    const most = Math.max(ports[i]![0]!.length, ports[i]![1]!.length);
    return Math.max(b.height, most === 0 ? 0 : PORT_PAD * 2 + GROUP_HEADER + (most - 1) * PORT_GAP);
  });

  const labelBand = [0, 1].map(
    (side) =>
      Math.max(0, ...lines.filter((l) => l.side === side).map((l) => l.labelWidth)) +
      (busy[side]!.length ? STUB : 0) +
      (side === 1 ? BADGE_CLEAR : LEFT_CLEAR),
  );
  const trackCount = [busy[0]!.length, busy[1]!.length];
  const columnWidth = Math.max(0, ...blocks.map((b) => b.width));
  const columnX = MARGIN + (trackCount[0]! ? labelBand[0]! + trackCount[0]! * TRACK_GAP : 0);

  const placed = new Map<string, LaidOutNode>();
  const edges: LaidOutEdge[] = [];
  const blockBox: { x: number; y: number; width: number; height: number }[] = [];
  const portY = new Map<PairLine, [number, number]>();
  let y = MARGIN;
  blocks.forEach((b, i) => {
    const x = columnX + Math.round((columnWidth - b.width) / 2);
    const h = heights[i]!;
    blockBox.push({ x, y, width: b.width, height: h });
    placed.set(b.node.id, { ...b.node, x, y, width: b.width, height: h });
    for (const m of b.members) placed.set(m.id, { ...m, x: m.x + x, y: m.y + y });
    for (const e of b.edges) {
      const out: LaidOutEdge = { ...e, points: e.points.map((p) => ({ x: p.x + x, y: p.y + y })) };
      if (e.labelBox) out.labelBox = { ...e.labelBox, x: e.labelBox.x + x, y: e.labelBox.y + y };
      edges.push(out);
    }
    for (const side of [0, 1] as const) {
      const list = ports[i]![side]!;
      // Below the title bar of a group, centred in the rest.
      const top = b.members.length ? y + GROUP_HEADER : y;
      const room = y + h - top;
      const first = top + (room - (list.length - 1) * PORT_GAP) / 2;
      list.forEach((p, k) => {
        const at = portY.get(p.line) ?? [0, 0];
        at[p.up ? 1 : 0] = Math.round(first + k * PORT_GAP);
        portY.set(p.line, at);
      });
    }
    y += h + ROW_GAP;
  });
  const height = Math.max(y - ROW_GAP, MARGIN) + MARGIN;
  const rightEdge = columnX + columnWidth;
  const width = rightEdge + (trackCount[1]! ? labelBand[1]! + trackCount[1]! * TRACK_GAP : 0) + MARGIN;

  for (const l of lines) {
    const [ya, yb] = portY.get(l)!;
    const right = l.side === 1;
    const boxA = blockBox[l.a]!;
    const boxB = blockBox[l.b]!;
    const sideA = right ? boxA.x + boxA.width : boxA.x;
    const sideB = right ? boxB.x + boxB.width : boxB.x;
    const trackX = right ? rightEdge + labelBand[1]! + (l.track + 1) * TRACK_GAP : columnX - labelBand[0]! - (l.track + 1) * TRACK_GAP;
    const points: Point[] = [
      { x: sideA, y: ya },
      { x: trackX, y: ya },
      { x: trackX, y: yb },
      { x: sideB, y: yb },
    ];
    const idA = blocks[l.a]!.node.id;
    const idB = blocks[l.b]!.node.id;
    const inA = (id: string) => blockOf.get(id) === l.a;
    // The arrow points towards b when every line goes a -> b, towards a when all go b -> a.
    const forward = l.edges.some((e) => inA(e.source));
    const backward = l.edges.some((e) => !inA(e.source));
    const fromA = forward || !backward;
    const problems = l.edges.flatMap((e) => e.problems);
    const kinds = new Set(l.edges.map((e) => e.kind));
    const kind = kinds.size === 1 ? l.edges[0]!.kind : 'call';
    const labelSize = edgeLabelSize(l.label);
    const single = l.edges.length === 1 ? l.edges[0]! : undefined;
    edges.push({
      id: single ? single.id : bundledEdgeId(kind, fromA ? idA : idB, fromA ? idB : idA),
      kind,
      source: fromA ? idA : idB,
      target: fromA ? idB : idA,
      label: l.label,
      problems,
      severity: worstSeverity(problems),
      count: l.edges.reduce((sum, e) => sum + (e.count ?? 1), 0),
      both: forward && backward ? true : undefined,
      sourceRef: single?.sourceRef,
      points: fromA ? points : [...points].reverse(),
      labelBox: {
        // On the right, clear of the problem badge on the block's top-right corner.
        x: right ? sideA + BADGE_CLEAR : sideA - LEFT_CLEAR - l.labelWidth,
        y: ya - labelSize.height - 1,
        width: l.labelWidth,
        height: labelSize.height,
      },
    });
  }

  // Groups first (drawn below their members), then the rest, in graph order.
  const nodes = graph.nodes.map((n) => placed.get(n.id)).filter((n): n is LaidOutNode => n !== undefined);
  return { width, height, options: graph.options, nodes, edges };
}

/** Each open group laid out alone (only the lines inside it), and each box outside every group. */
async function layoutBlocks(graph: ServiceGraph, elk: ElkLike | undefined, inner: Direction): Promise<Block[]> {
  const membersOf = new Map<string, GraphNode[]>();
  for (const n of graph.nodes) {
    if (n.kind === 'group' && !n.collapsed) membersOf.set(n.id, []);
  }
  for (const n of graph.nodes) {
    if (n.parent !== undefined && membersOf.has(n.parent)) membersOf.get(n.parent)!.push(n);
  }
  const groupOf = new Map<string, string>();
  for (const [g, members] of membersOf) for (const m of members) groupOf.set(m.id, g);
  const inside = new Map<string, GraphEdge[]>();
  for (const e of graph.edges) {
    const g = groupOf.get(e.source);
    if (g !== undefined && groupOf.get(e.target) === g) (inside.get(g) ?? inside.set(g, []).get(g)!).push(e);
  }

  const pending: (Block | GroupPart)[] = [];
  for (const n of graph.nodes) {
    const members = membersOf.get(n.id);
    if (members) {
      pending.push(await layoutGroupAlone(graph, n, members, inside.get(n.id) ?? [], elk, inner));
    } else if (n.parent === undefined || !membersOf.has(n.parent)) {
      const size = nodeSize(n);
      pending.push({ node: n, width: size.width, height: size.height, members: [], edges: [] });
    }
  }
  // The rows of members without lines fill the width of the widest ELK
  // picture, so every group is about as wide as the column and the column
  // is no taller than it must be.
  const columnWidth = Math.max(0, ...pending.map((p) => ('finish' in p ? p.joinedWidth : 0)));
  return pending.map((p) => ('finish' in p ? p.finish(columnWidth) : p));
}

/** A group whose joined members ELK has laid out; `finish` places the rest in rows `width` wide. */
interface GroupPart {
  joinedWidth: number;
  finish(width: number): Block;
}

/**
 * One group alone. Only the members joined by a line inside the group (a
 * store beside its only user does not count) go to ELK; the others, each
 * service with its own store below it, stand in rows under ELK's picture, in
 * model order. In a large model most lines leave their group, so most members
 * are such loners, and ELK, whose cost per box is high, sees a few of them.
 */
async function layoutGroupAlone(
  graph: ServiceGraph,
  group: GraphNode,
  members: GraphNode[],
  edges: GraphEdge[],
  elk: ElkLike | undefined,
  inner: Direction,
): Promise<GroupPart> {
  const nodes = members.map((m) => ({ ...m, parent: undefined }));
  const attached = attachedStores({ nodes, edges, options: graph.options });
  const isBeside = (e: GraphEdge) => e.kind === 'store' && attached.get(e.target) === e.source;
  const linked = new Set<string>();
  for (const e of edges) {
    if (isBeside(e)) continue;
    linked.add(e.source);
    linked.add(e.target);
  }
  const withOwner = (id: string) => linked.has(id) || linked.has(attached.get(id) ?? '');
  const joined = nodes.filter((n) => withOwner(n.id));
  const joinedIds = new Set(joined.map((n) => n.id));

  let laidOut: LaidOutGraph = { width: 0, height: 0, options: graph.options, nodes: [], edges: [] };
  if (joined.length > 0) {
    // layout.ts keeps a 16 px margin around the picture: the group's inner padding.
    // `fast`: the careful settings (model order, more crossing sweeps) cost
    // about twice as much and change little in a group whose lines mostly
    // leave it (test/bench/layout-bench.ts).
    laidOut = await layoutGraph(
      {
        nodes: joined,
        edges: edges.filter((e) => joinedIds.has(e.source) && joinedIds.has(e.target)),
        options: { ...graph.options, direction: inner },
      },
      elk,
      { compact: true, edgeLabels: 'after', effort: 'fast' },
    );
  }
  return {
    joinedWidth: laidOut.width,
    finish: (rowWidth) =>
      finishGroup(
        group,
        members,
        laidOut,
        placeLoners(
          nodes.filter((n) => !joinedIds.has(n.id)),
          edges.filter((e) => isBeside(e) && !joinedIds.has(e.source)),
          attached,
          laidOut.height - (joined.length > 0 ? INNER_MARGIN : 0),
          Math.max(laidOut.width, rowWidth),
        ),
      ),
  };
}

function finishGroup(
  group: GraphNode,
  members: readonly GraphNode[],
  laidOut: LaidOutGraph,
  loners: ReturnType<typeof placeLoners>,
): Block {
  const titleWidth = textWidth(groupTitle(group), FONT.groupTitle) + 2 * GROUP_PAD + 24;
  const contentWidth = Math.max(laidOut.width, loners.width);
  const width = Math.max(contentWidth, titleWidth);
  const dx = Math.round((width - contentWidth) / 2);
  const shift = (p: Point): Point => ({ x: p.x + dx, y: p.y + GROUP_HEADER });
  const placed = [...laidOut.nodes, ...loners.nodes];
  const order = new Map(members.map((m, i) => [m.id, i]));
  placed.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return {
    node: group,
    width,
    height: Math.max(laidOut.height, loners.height) + GROUP_HEADER,
    members: placed.map((m) => ({ ...m, ...shift(m), parent: group.id })),
    edges: [...laidOut.edges, ...loners.edges].map((e) => {
      const out: LaidOutEdge = { ...e, points: e.points.map(shift) };
      if (e.labelBox) out.labelBox = { ...e.labelBox, ...shift(e.labelBox) };
      return out;
    }),
  };
}

/** Margin layout.ts keeps around its picture; the loners keep the same. */
const INNER_MARGIN = 16;
const LONER_GAP_X = 20;
const LONER_GAP_Y = 24;

/**
 * Members with no line inside their group, in rows from `top`: each service
 * with the store only it uses right below it, joined by a short line (as
 * layout.ts draws a store beside its user when calls run right). Rows are as
 * wide as `width` (the column's widest ELK picture) or, when wider, as make
 * the rows about 1.6 times as wide as they are tall.
 */
function placeLoners(
  nodes: GraphNode[],
  storeEdges: GraphEdge[],
  attached: ReadonlyMap<string, string>,
  top: number,
  width: number,
): { nodes: LaidOutNode[]; edges: LaidOutEdge[]; width: number; height: number } {
  const storeOf = new Map<string, GraphNode>();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const [store, service] of attached) {
    const s = byId.get(store);
    if (s && byId.has(service)) storeOf.set(service, s);
  }
  const items = nodes
    .filter((n) => !(attached.has(n.id) && byId.has(attached.get(n.id)!)))
    .map((n) => {
      const own = nodeSize(n);
      const store = storeOf.get(n.id);
      const below = store ? nodeSize(store) : undefined;
      return {
        node: n,
        own,
        store,
        below,
        width: Math.max(own.width, below?.width ?? 0),
        height: own.height + (below ? ATTACHED_STORE_GAP + below.height : 0),
      };
    });
  if (items.length === 0) return { nodes: [], edges: [], width: 0, height: top };
  const area = items.reduce((sum, i) => sum + (i.width + LONER_GAP_X) * (i.height + LONER_GAP_Y), 0);
  const rowWidth = Math.max(width - 2 * INNER_MARGIN, Math.sqrt(area * 1.6), ...items.map((i) => i.width));
  const out: LaidOutNode[] = [];
  const lines: LaidOutEdge[] = [];
  const edgeOf = new Map(storeEdges.map((e) => [e.target, e]));
  let x = INNER_MARGIN;
  let y = top + INNER_MARGIN;
  let rowHeight = 0;
  let widest = 0;
  for (const item of items) {
    if (x > INNER_MARGIN && x + item.width > INNER_MARGIN + rowWidth) {
      x = INNER_MARGIN;
      y += rowHeight + LONER_GAP_Y;
      rowHeight = 0;
    }
    out.push({ ...item.node, x, y, width: item.own.width, height: item.own.height });
    if (item.store && item.below) {
      const storeY = y + item.own.height + ATTACHED_STORE_GAP;
      out.push({ ...item.store, x, y: storeY, width: item.below.width, height: item.below.height });
      const e = edgeOf.get(item.store.id);
      if (e) {
        const lineX = x + Math.round(Math.min(item.own.width, item.below.width) / 2);
        lines.push({
          ...e,
          points: [
            { x: lineX, y: y + item.own.height },
            { x: lineX, y: storeY },
          ],
        });
      }
    }
    widest = Math.max(widest, x + item.width);
    rowHeight = Math.max(rowHeight, item.height);
    x += item.width + LONER_GAP_X;
  }
  return { nodes: out, edges: lines, width: widest + INNER_MARGIN, height: y + rowHeight + INNER_MARGIN };
}
