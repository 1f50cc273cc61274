/**
 * Picture quality of the views against ELK's own layered layout of the same
 * graph (flat: every box at the top level, ELK placing the labels), as the
 * layout bench reports it: crossings, bends, total line length, label
 * overlaps (a label on a label, a box or a badge) and area per box, each with
 * the ratio views / ELK (below 1 is better for every figure).
 */
import type { Box, LaidOutGraph, Point, ServiceGraph } from '../../server/src/core/layout/graph.js';
import { FAST_ABOVE, layeredSize, layoutGraph } from '../../server/src/core/layout/layout.js';
import { boxesOverlap, labelObstacles } from '../../server/src/core/layout/label-placement.js';

export interface Quality {
  crossings: number;
  bends: number;
  length: number;
  labelOverlaps: number;
  areaPerBox: number;
  width: number;
  height: number;
}

function segments(g: LaidOutGraph): { a: Point; b: Point; edge: number; box: Box }[] {
  const out: { a: Point; b: Point; edge: number; box: Box }[] = [];
  g.edges.forEach((e, i) => {
    for (let k = 1; k < e.points.length; k++) {
      const a = e.points[k - 1]!;
      const b = e.points[k]!;
      out.push({
        a,
        b,
        edge: i,
        box: { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) },
      });
    }
  });
  return out;
}

function cross(p: Point, q: Point, r: Point): number {
  return (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
}

/** Proper crossings only (touching ends and shared stretches do not count). */
function intersects(a: Point, b: Point, c: Point, d: Point): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

export function quality(g: LaidOutGraph): Quality {
  const segs = segments(g);
  // A uniform grid keeps the crossing count near linear on large pictures.
  const cell = 200;
  const grid = new Map<string, number[]>();
  segs.forEach((s, i) => {
    for (let x = Math.floor(s.box.x / cell); x <= Math.floor((s.box.x + s.box.width) / cell); x++) {
      for (let y = Math.floor(s.box.y / cell); y <= Math.floor((s.box.y + s.box.height) / cell); y++) {
        const k = `${x},${y}`;
        (grid.get(k) ?? grid.set(k, []).get(k)!).push(i);
      }
    }
  });
  const seen = new Set<number>();
  let crossings = 0;
  for (const list of grid.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const p = list[i]!;
        const q = list[j]!;
        const s = segs[p]!;
        const t = segs[q]!;
        if (s.edge === t.edge) continue;
        const key = p < q ? p * segs.length + q : q * segs.length + p;
        if (seen.has(key)) continue;
        seen.add(key);
        if (intersects(s.a, s.b, t.a, t.b)) crossings++;
      }
    }
  }
  let bends = 0;
  let length = 0;
  for (const e of g.edges) {
    bends += Math.max(0, e.points.length - 2);
    for (let k = 1; k < e.points.length; k++)
      length += Math.hypot(e.points[k]!.x - e.points[k - 1]!.x, e.points[k]!.y - e.points[k - 1]!.y);
  }
  const labels = g.edges.filter((e) => e.labelBox).map((e) => e.labelBox!);
  const obstacles = labelObstacles(g.nodes);
  let labelOverlaps = 0;
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) if (boxesOverlap(labels[i]!, labels[j]!)) labelOverlaps++;
    for (const o of obstacles) if (boxesOverlap(labels[i]!, o)) labelOverlaps++;
  }
  const boxes = g.nodes.filter((n) => n.kind !== 'group' || n.collapsed).length || 1;
  return {
    crossings,
    bends,
    length: Math.round(length),
    labelOverlaps,
    areaPerBox: Math.round((g.width * g.height) / boxes),
    width: g.width,
    height: g.height,
  };
}

/**
 * ELK's own layered layout of the same boxes and lines, flat, ELK placing
 * labels (above the careful size, ELK's fast settings and labels placed
 * after: the careful layout of 1,000 expanded services takes many minutes).
 */
export function plainElk(graph: ServiceGraph): Promise<LaidOutGraph> {
  const flat: ServiceGraph = {
    ...graph,
    options: { ...graph.options, direction: 'right' },
    nodes: graph.nodes.filter((n) => n.kind !== 'group' || n.collapsed).map((n) => ({ ...n, parent: undefined })),
  };
  const careful = layeredSize(flat) <= FAST_ABOVE;
  return layoutGraph(flat, undefined, { effort: careful ? 'careful' : 'fast', edgeLabels: careful ? 'elk' : 'after', attachStores: false });
}
