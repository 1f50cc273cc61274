/**
 * The diff picture of `seams diff -o FILE.svg`: both models in one graph
 * (core/diff/diff-graph.ts), laid out inline and drawn by the renderer of
 * `seams render`. When the whole picture would not be readable in a side pane
 * (fitted into 520×760 it would shrink below 60% of its natural size), it shows
 * the changed elements and their direct neighbours instead — the same recipe
 * as the preview's "Compare with…".
 */
import type { CheckResult } from '../core/check.js';
import { buildDiffGraph, layoutDiffPicture } from '../core/diff/diff-graph.js';
import type { ModelDiff } from '../core/diff/diff-models.js';
import type { LaidOutGraph } from '../core/layout/graph.js';
import { layoutGraph } from '../core/layout/layout.js';
import { renderSvg } from '../core/render/svg.js';
import { fitScale } from '../core/views/view-spec.js';

// The views' own measure of readable: fitted into the side pane, at least 60% of natural size.
export { fitScale };

export async function renderDiffPicture(
  before: CheckResult,
  after: CheckResult,
  diff: ModelDiff,
  theme: 'light' | 'dark' = 'light',
): Promise<string> {
  return renderSvg(await layoutDiff(before, after, diff), { theme });
}

/** The laid-out diff graph: the whole model if readable, else the changed neighbourhood. */
export async function layoutDiff(before: CheckResult, after: CheckResult, diff: ModelDiff): Promise<LaidOutGraph> {
  return (await layoutDiffPicture(buildDiffGraph(before, after, diff), (g) => layoutGraph(g))).graph;
}
