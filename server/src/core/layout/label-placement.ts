/**
 * The last word on edge labels: a label never covers a node.
 *
 * For small graphs ELK places labels (as dummies between layers, which keeps
 * them clear almost always); large graphs are laid out without label dummies
 * (they make the layered algorithm 2–3× slower) and their labels are placed
 * here. Either way every label is checked: one that overlaps a node or a group
 * title bar moves beside the middle of another segment of its own edge, longest
 * segment first; when no spot is free it is dropped (the hover text still has
 * it) rather than drawn over a box. Labels placed here also avoid each other.
 */
import type { Box, LaidOutEdge, LaidOutNode, Point } from './graph.js';
import { edgeLabelBoxSize, GROUP_HEADER, NODE_BADGE_RADIUS } from './node-size.js';

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Boxes a label must not cover: filled nodes (with their problem badge, which
 * sticks out at the top-right corner) and the title bars of expanded groups.
 */
export function labelObstacles(nodes: readonly LaidOutNode[]): Box[] {
  return nodes.map((n) => {
    const r = n.problems.length ? NODE_BADGE_RADIUS : 0;
    // A pill ("99+") reaches 12 px right of the corner, a circle 8.
    const right = n.problems.length > 99 ? 12 : r;
    if (n.kind === 'group' && !n.collapsed) return { x: n.x, y: n.y - r, width: n.width + right, height: GROUP_HEADER + r };
    return { x: n.x, y: n.y - r, width: n.width + right, height: n.height + r };
  });
}

/** A uniform grid of boxes, so checking a spot costs what lies near it, not the whole graph. */
class BoxIndex {
  private readonly cells = new Map<string, Box[]>();
  constructor(private readonly size = 160) {}

  private keys(b: Box): string[] {
    const out: string[] = [];
    const s = this.size;
    for (let cx = Math.floor(b.x / s); cx <= Math.floor((b.x + b.width) / s); cx++) {
      for (let cy = Math.floor(b.y / s); cy <= Math.floor((b.y + b.height) / s); cy++) out.push(`${cx},${cy}`);
    }
    return out;
  }

  add(b: Box): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }

  free(b: Box): boolean {
    for (const k of this.keys(b)) for (const o of this.cells.get(k) ?? []) if (boxesOverlap(o, b)) return false;
    return true;
  }
}

export function placeLabelsClear(nodes: readonly LaidOutNode[], edges: LaidOutEdge[]): void {
  const index = new BoxIndex();
  for (const o of labelObstacles(nodes)) index.add(o);
  for (const edge of edges) {
    if (!edge.label) continue;
    const box = edge.labelBox;
    if (box && index.free(box)) {
      index.add(box);
      continue;
    }
    const { width, height } = box ?? edgeLabelBoxSize(edge);
    // Never left of or above the picture (it starts at 0,0); right and below it grows.
    const spot = candidates(edge.points, width, height).find((b) => b.x >= 2 && b.y >= 2 && index.free(b));
    if (spot) {
      edge.labelBox = spot;
      index.add(spot);
    } else {
      delete edge.labelBox;
    }
  }
}

/**
 * Spots for a label along its edge: on each segment (longest first) at its
 * middle, then a quarter from either end; beside the line on both sides, then
 * centred on it (the label's background then covers a piece of its own line).
 */
function candidates(points: readonly Point[], width: number, height: number): Box[] {
  const segments: { a: Point; b: Point; length: number }[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    segments.push({ a, b, length: Math.abs(a.x - b.x) + Math.abs(a.y - b.y) });
  }
  // Stable sort: equal lengths keep path order, so placement is deterministic.
  segments.sort((s, t) => t.length - s.length);
  const out: Box[] = [];
  for (const { a, b } of segments) {
    const horizontal = Math.abs(a.y - b.y) <= Math.abs(a.x - b.x);
    for (const f of [0.5, 0.25, 0.75, 0.125, 0.375, 0.625, 0.875]) {
      const mx = Math.round(a.x + (b.x - a.x) * f);
      const my = Math.round(a.y + (b.y - a.y) * f);
      const hx = mx - Math.round(width / 2);
      const hy = my - Math.round(height / 2);
      if (horizontal) {
        out.push({ x: hx, y: my - height - 2, width, height }, { x: hx, y: my + 2, width, height });
      } else {
        out.push({ x: mx + 3, y: hy, width, height }, { x: mx - width - 3, y: hy, width, height });
      }
      out.push({ x: hx, y: hy, width, height });
    }
  }
  // Then a row further out on either side of each segment, for crowded spots
  // (between problem badges and other labels).
  for (const { a, b } of segments) {
    const horizontal = Math.abs(a.y - b.y) <= Math.abs(a.x - b.x);
    for (const f of [0.5, 0.25, 0.75]) {
      const mx = Math.round(a.x + (b.x - a.x) * f);
      const my = Math.round(a.y + (b.y - a.y) * f);
      const hx = mx - Math.round(width / 2);
      const hy = my - Math.round(height / 2);
      if (horizontal) out.push({ x: hx, y: my - 2 * height - 4, width, height }, { x: hx, y: my + height + 4, width, height });
      else
        out.push(
          { x: mx + 3 + Math.round(width / 2), y: hy, width, height },
          { x: mx - Math.round(width * 1.5) - 3, y: hy, width, height },
        );
    }
  }
  return out;
}
