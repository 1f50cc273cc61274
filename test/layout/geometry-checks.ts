/**
 * Invariants every laid-out graph must satisfy, as assertion helpers shared by
 * the layout tests. Each returns a list of violations (empty when fine), so a
 * failing test shows all of them at once.
 */
import type { Box, LaidOutGraph, Point } from '../../server/src/core/layout/graph.js';
import { boxesOverlap, labelObstacles } from '../../server/src/core/layout/label-placement.js';

const TOLERANCE = 1.5;

function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x - TOLERANCE &&
    inner.y >= outer.y - TOLERANCE &&
    inner.x + inner.width <= outer.x + outer.width + TOLERANCE &&
    inner.y + inner.height <= outer.y + outer.height + TOLERANCE
  );
}

/** Whether `p` lies on the border of `b` (within a rounding tolerance). */
export function onBorder(p: Point, b: Box): boolean {
  const withinX = p.x >= b.x - TOLERANCE && p.x <= b.x + b.width + TOLERANCE;
  const withinY = p.y >= b.y - TOLERANCE && p.y <= b.y + b.height + TOLERANCE;
  const nearX = Math.abs(p.x - b.x) <= TOLERANCE || Math.abs(p.x - b.x - b.width) <= TOLERANCE;
  const nearY = Math.abs(p.y - b.y) <= TOLERANCE || Math.abs(p.y - b.y - b.height) <= TOLERANCE;
  return (withinX && nearY) || (withinY && nearX);
}

/** Leaf boxes never overlap; members sit inside their group; groups do not overlap each other or outsiders. */
export function overlapViolations(g: LaidOutGraph): string[] {
  const out: string[] = [];
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const leaves = g.nodes.filter((n) => n.kind !== 'group' || n.collapsed);
  const frames = g.nodes.filter((n) => n.kind === 'group' && !n.collapsed);
  for (let i = 0; i < leaves.length; i++) {
    for (let j = i + 1; j < leaves.length; j++) {
      if (boxesOverlap(leaves[i]!, leaves[j]!)) out.push(`${leaves[i]!.id} overlaps ${leaves[j]!.id}`);
    }
  }
  for (let i = 0; i < frames.length; i++) {
    for (let j = i + 1; j < frames.length; j++) {
      if (boxesOverlap(frames[i]!, frames[j]!)) out.push(`${frames[i]!.id} overlaps ${frames[j]!.id}`);
    }
  }
  for (const n of leaves) {
    if (n.parent !== undefined) {
      const parent = byId.get(n.parent);
      if (!parent) out.push(`${n.id} has a missing parent ${n.parent}`);
      else if (!inside(n, parent)) out.push(`${n.id} is not inside ${n.parent}`);
    } else {
      for (const f of frames) if (boxesOverlap(n, f)) out.push(`${n.id} overlaps ${f.id}`);
    }
  }
  return out;
}

/** Each edge starts on its source's border and ends on its target's. */
export function endpointViolations(g: LaidOutGraph): string[] {
  const out: string[] = [];
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  for (const e of g.edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) {
      out.push(`${e.id} joins a missing node`);
      continue;
    }
    if (e.points.length < 2) out.push(`${e.id} has fewer than two points`);
    const first = e.points[0]!;
    const last = e.points[e.points.length - 1]!;
    if (!onBorder(first, s)) out.push(`${e.id} starts at ${first.x},${first.y}, off ${e.source}`);
    if (!onBorder(last, t)) out.push(`${e.id} ends at ${last.x},${last.y}, off ${e.target}`);
  }
  return out;
}

/** No label box covers a node or a group's title bar. */
export function labelViolations(g: LaidOutGraph): string[] {
  const out: string[] = [];
  const obstacles = labelObstacles(g.nodes);
  for (const e of g.edges) {
    if (!e.labelBox) continue;
    obstacles.forEach((o, i) => {
      if (boxesOverlap(o, e.labelBox!)) out.push(`label of ${e.id} covers ${g.nodes[i]!.id}`);
    });
  }
  return out;
}

export function allViolations(g: LaidOutGraph): string[] {
  return [...overlapViolations(g), ...endpointViolations(g), ...labelViolations(g)];
}

function segmentCrossesBox(a: Point, b: Point, box: Box): boolean {
  // Orthogonal and straight segments alike: clip against the box shrunk by the tolerance.
  const x0 = box.x + TOLERANCE;
  const x1 = box.x + box.width - TOLERANCE;
  const y0 = box.y + TOLERANCE;
  const y1 = box.y + box.height - TOLERANCE;
  if (x0 >= x1 || y0 >= y1) return false;
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  for (const [p, q] of [
    [-dx, a.x - x0],
    [dx, x1 - a.x],
    [-dy, a.y - y0],
    [dy, y1 - a.y],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return t1 - t0 > 1e-6;
}

/** No line runs through a box other than its own two ends (groups drawn open are frames, not boxes). */
export function lineThroughBoxViolations(g: LaidOutGraph): string[] {
  const out: string[] = [];
  const boxes = g.nodes.filter((n) => n.kind !== 'group' || n.collapsed);
  for (const e of g.edges) {
    for (let i = 1; i < e.points.length; i++) {
      for (const b of boxes) {
        if (b.id === e.source || b.id === e.target) continue;
        if (segmentCrossesBox(e.points[i - 1]!, e.points[i]!, b)) out.push(`${e.id} runs through ${b.id}`);
      }
    }
  }
  return out;
}

/** No label overlaps another label (node and group-title overlaps are labelViolations). */
export function labelLabelViolations(g: LaidOutGraph): string[] {
  const out: string[] = [];
  const labelled = g.edges.filter((e) => e.labelBox);
  for (let i = 0; i < labelled.length; i++) {
    for (let j = i + 1; j < labelled.length; j++) {
      if (boxesOverlap(labelled[i]!.labelBox!, labelled[j]!.labelBox!))
        out.push(`label of ${labelled[i]!.id} overlaps label of ${labelled[j]!.id}`);
    }
  }
  return out;
}

/** Everything a view promises (language.md "Views"): the layout invariants, no line through a box, no label on a label. */
export function viewViolations(g: LaidOutGraph): string[] {
  return [...allViolations(g), ...lineThroughBoxViolations(g), ...labelLabelViolations(g)];
}
