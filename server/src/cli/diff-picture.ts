/**
 * The diff picture of `seams diff -o FILE.svg`: both models in one graph
 * (core/diff/diff-graph.ts), laid out and drawn by the renderer of
 * `seams render`. When the whole picture would not be readable in a side pane
 * (fitted into 520×760 it would shrink below 60% of its natural size), it shows
 * the changed elements and their direct neighbours instead.
 */
import type { CheckResult } from '../core/check.js';
import { diffGraph, neighbourhood } from '../core/diff/diff-graph.js';
import type { ModelDiff } from '../core/diff/diff-models.js';
import { DEFAULT_GRAPH_OPTIONS, type LaidOutGraph } from '../core/layout/graph.js';
import { buildServiceGraph } from '../core/layout/graph-from-model.js';
import { layoutGraph } from '../core/layout/layout.js';
import { renderSvg } from '../core/render/svg.js';
import { fitScale, READABLE_SCALE } from '../core/views/view-spec.js';

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
  const options = { ...DEFAULT_GRAPH_OPTIONS };
  const graph = diffGraph(
    { check: before, graph: buildServiceGraph(before.model, before.diagnostics, options) },
    { check: after, graph: buildServiceGraph(after.model, after.diagnostics, options) },
    diff,
  );
  const whole = await layoutGraph(graph);
  if (fitScale(whole) >= READABLE_SCALE || diff.changes.length === 0) return whole;
  const part = neighbourhood(graph);
  return part.nodes.length > 0 ? layoutGraph(part) : whole;
}
