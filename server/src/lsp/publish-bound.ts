/**
 * What one file's `publishDiagnostics` may carry. A file with tens of thousands
 * of problems (a generated model, a file of stray quotes) once went out as one
 * message of tens of megabytes that the editor then had to parse and draw. Past
 * MAX_PUBLISHED_PER_FILE the most severe are sent (errors first, in text order
 * within a severity) and one more diagnostic, at the top of the file, says how
 * many were left out; `seams check` lists them all.
 */
import type { Diagnostic, Severity } from '../core/diagnostics.js';

export const MAX_PUBLISHED_PER_FILE = 1_000;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
const ORDER: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** The diagnostics to publish for one file (in the order given), and the summary of the rest, if any. */
export function boundForPublish(
  list: readonly Diagnostic[],
  max = MAX_PUBLISHED_PER_FILE,
): { shown: readonly Diagnostic[]; summary?: Diagnostic } {
  if (list.length <= max) return { shown: list };
  const count = [0, 0, 0, 0];
  for (const d of list) count[RANK[d.severity]]++;
  // Every diagnostic more severe than `cut` is shown, and the first `room` of severity `cut`.
  let cut = 0;
  let room = max;
  while (count[cut] <= room) room -= count[cut++];
  const shown: Diagnostic[] = [];
  for (const d of list) {
    const rank = RANK[d.severity];
    if (rank < cut) shown.push(d);
    else if (rank === cut && room > 0) (shown.push(d), room--);
  }
  const omitted = list.length - shown.length;
  const file = list[0].location.file;
  return {
    shown,
    summary: {
      code: 'too-many-problems',
      // As severe as the worst problem left out, so the file is marked as it deserves.
      severity: ORDER[cut],
      message: `${omitted.toLocaleString('en')} more problems in this file are not listed (at most ${max.toLocaleString('en')} per file, the most severe first); \`seams check\` lists them all`,
      location: { file, start: 0, end: 0 },
    },
  };
}
