/**
 * A fingerprint of everything in a `ServiceGraph` that can move a box or bend a
 * line: node ids, kinds, texts that size boxes, nesting, collapse state, edge
 * ends and labels, and the direction. Problems, summaries and source offsets
 * are left out, so editing a description, a comment or fixing a warning gives
 * the same key and callers reuse the previous layout (`withGraphData`).
 */
import type { GraphNode, LaidOutGraph, ServiceGraph } from './graph.js';
import { collapsedSublabel } from './node-size.js';

export function graphShapeKey(graph: ServiceGraph): string {
  const parts: string[] = [graph.options.direction];
  for (const n of graph.nodes) {
    parts.push(`n|${n.id}|${n.kind}|${n.label}|${sizeText(n)}|${n.parent ?? ''}|${n.collapsed ? 1 : 0}`);
  }
  for (const e of graph.edges) parts.push(`e|${e.id}|${e.kind}|${e.source}|${e.target}|${e.label ?? ''}`);
  return hash(parts.join('\n'));
}

function sizeText(n: GraphNode): string {
  return collapsedSublabel(n) ?? '';
}

/**
 * 2 × 32-bit FNV-1a style mixing over UTF-16 code units (two seeds, so a
 * collision needs both halves to collide); 16 hex digits.
 */
function hash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/**
 * The previous layout with the current graph's non-geometric data (problems,
 * severities, summaries, sublabels of the same size, source offsets). Only valid
 * when `graphShapeKey` of both graphs is equal.
 */
export function withGraphData(previous: LaidOutGraph, graph: ServiceGraph): LaidOutGraph {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges = new Map(graph.edges.map((e) => [e.id, e]));
  return {
    ...previous,
    options: graph.options,
    nodes: previous.nodes.map((n) => {
      const { x, y, width, height } = n;
      const fresh = nodes.get(n.id);
      return fresh ? { ...fresh, x, y, width, height } : n;
    }),
    edges: previous.edges.map((e) => {
      const fresh = edges.get(e.id);
      if (!fresh) return e;
      const out = { ...fresh, points: e.points };
      return e.labelBox ? { ...out, labelBox: e.labelBox } : out;
    }),
  };
}
