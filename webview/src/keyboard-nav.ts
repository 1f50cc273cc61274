/**
 * Arrow-key movement between nodes: from the focused node to the nearest one
 * lying in the pressed direction (straight lines preferred over diagonals).
 */
import type { Box } from '../../server/src/core/layout/graph.js';

export type ArrowKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

export function isArrowKey(key: string): key is ArrowKey {
  return key === 'ArrowLeft' || key === 'ArrowRight' || key === 'ArrowUp' || key === 'ArrowDown';
}

export function nextInDirection<T extends Box & { id: string }>(from: T, candidates: Iterable<T>, key: ArrowKey): T | undefined {
  const fx = from.x + from.width / 2;
  const fy = from.y + from.height / 2;
  let best: T | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c.id === from.id) continue;
    const dx = c.x + c.width / 2 - fx;
    const dy = c.y + c.height / 2 - fy;
    const [along, across] = key === 'ArrowRight' ? [dx, dy] : key === 'ArrowLeft' ? [-dx, dy] : key === 'ArrowDown' ? [dy, dx] : [-dy, dx];
    if (along <= 0) continue;
    const score = along + 2 * Math.abs(across);
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}
