/**
 * The diff picture (`seams diff -o FILE.svg`): placeholder until the renderer's change styling lands.
 */
import type { CheckResult } from '../core/check.js';
import type { ModelDiff } from '../core/diff/diff-models.js';

export async function renderDiffPicture(_before: CheckResult, _after: CheckResult, _diff: ModelDiff): Promise<string> {
  return '<svg xmlns="http://www.w3.org/2000/svg"/>\n';
}
