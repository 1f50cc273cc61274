/**
 * The last word on edge labels: a label never covers a node. ELK places labels
 * as dummies between layers, which keeps them clear almost always; this check
 * catches the rest (e.g. after the pieces of a crossing edge are joined). A
 * label that overlaps a node is moved to the middle of another segment of its
 * own edge, beside the line; when no spot is free it is dropped (the tooltip
 * still shows it) rather than drawn over a box.
 */
import type { Box, LaidOutEdge, LaidOutNode, Point } from './graph.js';

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Nodes a label must not cover: boxes that are drawn filled (not expanded group frames). */
export function solidNodes(nodes: readonly LaidOutNode[]): LaidOutNode[] {
  return nodes.filter((n) => n.kind !== 'group' || n.collapsed);
}

/** Title bars of expanded groups, which labels must not cover either. */
export function groupHeaders(nodes: readonly LaidOutNode[], headerHeight: number): Box[] {
  return nodes
    .filter((n) => n.kind === 'group' && !n.collapsed)
    .map((n) => ({ x: n.x, y: n.y, width: n.width, height: headerHeight }));
}

export function placeLabelsClear(nodes: readonly LaidOutNode[], edges: LaidOutEdge[], headerHeight = 30): void {
  const obstacles = [...solidNodes(nodes), ...groupHeaders(nodes, headerHeight)];
  const clear = (b: Box): boolean => !obstacles.some((o) => boxesOverlap(o, b));
  for (const edge of edges) {
    const box = edge.labelBox;
    if (!box || clear(box)) continue;
    const spot = candidates(edge.points, box.width, box.height).find(clear);
    if (spot) edge.labelBox = spot;
    else delete edge.labelBox;
  }
}

/** Label boxes beside the middle of each segment, longest segments first. */
function candidates(points: readonly Point[], width: number, height: number): Box[] {
  const segments: { a: Point; b: Point; length: number }[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    segments.push({ a, b, length: Math.abs(a.x - b.x) + Math.abs(a.y - b.y) });
  }
  segments.sort((s, t) => t.length - s.length);
  const out: Box[] = [];
  for (const { a, b } of segments) {
    const mx = Math.round((a.x + b.x) / 2);
    const my = Math.round((a.y + b.y) / 2);
    if (a.y === b.y) {
      out.push({ x: mx - Math.round(width / 2), y: my - height - 2, width, height });
      out.push({ x: mx - Math.round(width / 2), y: my + 2, width, height });
    } else {
      out.push({ x: mx + 3, y: my - Math.round(height / 2), width, height });
      out.push({ x: mx - width - 3, y: my - Math.round(height / 2), width, height });
    }
  }
  return out;
}
