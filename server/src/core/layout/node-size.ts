/**
 * Box sizes from text, shared by the layout (which reserves the space) and the
 * renderers (which draw into it). Kept apart from layout.ts so that drawing code
 * (the webview bundle) does not pull in ELK.
 */
import type { GraphNode } from './graph.js';
import { FONT, textWidth } from './text-metrics.js';

/** Height reserved at the top of an expanded group for its title and toggle. */
export const GROUP_HEADER = 30;
/** Inner padding of an expanded group. */
export const GROUP_PAD = 14;

/** The second line of a node; for a collapsed group, how many services it holds. */
export function collapsedSublabel(node: GraphNode): string | undefined {
  if (node.kind !== 'group' || !node.collapsed) return node.sublabel;
  const n = node.memberCount ?? 0;
  return `${n} service${n === 1 ? '' : 's'}`;
}

/** The title line of an expanded group. */
export function groupTitle(node: GraphNode): string {
  return node.sublabel ? `${node.label} · ${node.sublabel}` : node.label;
}

/** Size of a leaf node's box (service, store, collapsed group). */
export function nodeSize(node: GraphNode): { width: number; height: number } {
  const sub = collapsedSublabel(node);
  const text = Math.max(
    textWidth(node.label, FONT.label),
    sub ? textWidth(sub, FONT.sublabel) : 0,
    node.detail ? textWidth(node.detail, FONT.sublabel) : 0,
  );
  if (node.kind === 'store') return { width: Math.max(90, text + 24), height: sub ? 56 : 46 };
  // An outside box draws its one line at FONT.sublabel + 1 in semibold (svg-theme's .external-label),
  // which runs up to a seventh wider than the regular face textWidth estimates.
  if (node.kind === 'external') return { width: Math.max(80, Math.ceil(textWidth(node.label, FONT.sublabel + 1) * 1.15) + 24), height: 30 };
  // A collapsed group also holds its expand toggle at the top right.
  const extra = node.kind === 'group' ? 22 : 0;
  return { width: Math.max(110, text + 28 + extra), height: (sub ? 48 : 36) + (node.detail ? 14 : 0) };
}

/** Size of an edge label's box. */
export function edgeLabelSize(label: string): { width: number; height: number } {
  return { width: textWidth(label, FONT.edgeLabel) + 8, height: FONT.edgeLabel + 5 };
}

/** Radius of a node's problem badge, drawn centred on the node's top-right corner. */
export const NODE_BADGE_RADIUS = 8;
/** Room at the right end of an edge label for the line's problem badge (a pill for 100 and more). */
export const EDGE_BADGE_ROOM = 18;

export function edgeBadgeRoom(problems: number): number {
  return problems === 0 ? 0 : problems > 99 ? 28 : EDGE_BADGE_ROOM;
}

/** Size of the box an edge's label takes, its problem badge included. */
export function edgeLabelBoxSize(edge: { label?: string; problems: readonly unknown[] }): { width: number; height: number } {
  const size = edgeLabelSize(edge.label ?? '');
  return { width: size.width + edgeBadgeRoom(edge.problems.length), height: size.height };
}
