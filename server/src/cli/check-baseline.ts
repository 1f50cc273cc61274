/**
 * `seams check --baseline BASE` and the `--fail-on` judgement shared with
 * `seams diff`. BASE is read as `diff` reads it (diff-base.ts); the current
 * findings that the old model did not have — matched by code and element as
 * the diff matches them, never by line — are the new ones. SARIF marks each
 * result `new` or `unchanged` (`baselineState`), and `--fail-on` judges only
 * the new ones, so code scanning and CI flag just a pull request's own problems.
 */
import { checkSources, type CheckResult } from '../core/check.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { diffModels } from '../core/diff/diff-models.js';
import { readBase } from './diff-base.js';
import type { FailOn } from './formats.js';

/** The findings of `current` that BASE did not have (the same objects). */
export async function newFindings(base: string, paths: readonly string[], cwd: string, current: CheckResult): Promise<Set<Diagnostic>> {
  const old = await readBase(base, paths, cwd);
  return new Set(diffModels(checkSources(old.sources), current).findings.new);
}

/** Whether the --fail-on condition holds for these (new) findings. */
export function fails(findings: Iterable<Diagnostic>, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  for (const d of findings) {
    if (d.severity === 'error') return true;
    if (failOn === 'new-warnings' && d.severity === 'warning') return true;
  }
  return false;
}
