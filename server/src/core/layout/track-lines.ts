/**
 * Bundled lines on tracks beside a column of boxes: the part the landscape's
 * column (landscape-layout.ts) and the column of groups of a large `all`
 * (group-column-layout.ts) share. The boxes are numbered top to bottom; every
 * line between two of them runs out of one side, along a vertical track and
 * into the same side of the other. Where the boxes stand and how the points
 * are drawn stays with each layout.
 */
import type { GraphEdge } from './graph.js';
import { edgeBadgeRoom, edgeLabelSize } from './node-size.js';

/** One line per pair of boxes: what it stands for, both ways. */
export interface PairLine {
  /** The upper box's index. */
  a: number;
  /** The lower box's index. */
  b: number;
  edges: GraphEdge[];
  side: 0 | 1;
  track: number;
  label: string;
  labelWidth: number;
}

/** A line's end on one side of a box; `up` when its line goes up from there. */
export interface Port {
  line: PairLine;
  up: boolean;
}

/** What a bundled line stands for: `12 calls · 3 events`. */
export function pairLabel(edges: readonly GraphEdge[]): string {
  let calls = 0;
  let events = 0;
  for (const e of edges) {
    const n = e.count ?? 1;
    if (e.kind === 'call') calls += n;
    else if (e.kind === 'subscription') events += n;
  }
  const parts: string[] = [];
  if (calls) parts.push(`${calls} call${calls === 1 ? '' : 's'}`);
  if (events) parts.push(`${events} event${events === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

/**
 * The lines between different boxes, one per pair, in the order first met
 * (graph order is model order), labelled. `boxOf` gives a line end's box, or
 * undefined for an end drawn nowhere.
 */
export function pairLines(edges: readonly GraphEdge[], boxOf: (id: string) => number | undefined, boxCount: number): PairLine[] {
  const pairs = new Map<number, PairLine>();
  for (const e of edges) {
    const s = boxOf(e.source);
    const t = boxOf(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    const a = Math.min(s, t);
    const b = Math.max(s, t);
    const key = a * boxCount + b;
    const p = pairs.get(key);
    if (p) p.edges.push(e);
    else pairs.set(key, { a, b, edges: [e], side: 0, track: 0, label: '', labelWidth: 0 });
  }
  const lines = [...pairs.values()];
  for (const l of lines) {
    l.label = pairLabel(l.edges);
    l.labelWidth = edgeLabelSize(l.label).width + edgeBadgeRoom(l.edges.reduce((n, e) => n + e.problems.length, 0));
  }
  return lines;
}

/**
 * Sets each line's side and track: shortest spans first, each on the side
 * where its boxes have fewer line ends so far (boxes stay short), then where
 * it needs the nearer track; on that side, the nearest track it fits on.
 * Returns side -> track -> spans.
 */
export function assignTracks(lines: PairLine[], boxCount: number): [number, number][][][] {
  const order = [...lines].sort((p, q) => p.b - p.a - (q.b - q.a) || p.a - q.a || p.b - q.b);
  const busy: [number, number][][][] = [[], []];
  // For each side and track, the gaps between boxes its spans cover (a bitmap
  // per track), so finding a free track costs the span's length, not every span on it.
  const covered: Uint8Array[][] = [[], []];
  const ends = Array.from({ length: boxCount }, () => [0, 0]);
  const fits = (side: 0 | 1, t: number, l: PairLine): boolean => {
    const c = covered[side]![t]!;
    for (let k = l.a; k < l.b; k++) if (c[k]) return false;
    return true;
  };
  for (const l of order) {
    let best: { side: 0 | 1; track: number; load: number } | undefined;
    for (const side of [0, 1] as const) {
      let t = 0;
      while (t < covered[side]!.length && !fits(side, t, l)) t++;
      const load = Math.max(ends[l.a]![side]!, ends[l.b]![side]!);
      if (!best || load < best.load || (load === best.load && t < best.track)) best = { side, track: t, load };
    }
    const { side, track } = best!;
    l.side = side;
    l.track = track;
    ends[l.a]![side]!++;
    ends[l.b]![side]!++;
    (busy[side]![track] ??= []).push([l.a, l.b]);
    const c = (covered[side]![track] ??= new Uint8Array(boxCount));
    // A span covers the gaps between its boxes: a..b-1 (touching spans share no gap).
    for (let k = l.a; k < l.b; k++) c[k] = 1;
  }
  return busy;
}

/**
 * Each box's line ends, per side: upward ends first (their lines go up),
 * outermost track first; downward ends after, innermost first, so nested
 * lines do not cross.
 */
export function sidePorts(lines: readonly PairLine[], boxCount: number): Port[][][] {
  const ports: Port[][][] = Array.from({ length: boxCount }, () => [[], []]);
  for (const l of lines) {
    ports[l.a]![l.side]!.push({ line: l, up: false });
    ports[l.b]![l.side]!.push({ line: l, up: true });
  }
  for (const sides of ports) {
    for (const list of sides) {
      list.sort((p, q) => {
        if (p.up !== q.up) return p.up ? -1 : 1;
        return p.up ? q.line.track - p.line.track : p.line.track - q.line.track;
      });
    }
  }
  return ports;
}
