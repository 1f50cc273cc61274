/**
 * What every anti-pattern rule is. One rule per file in this folder (named for its
 * code); registry.ts lists them all. A rule reads the model and returns
 * diagnostics at its effective severity; configuration (`rules { }`) and
 * `// seams-ignore` are applied by the caller (check.ts), not by rules.
 */
import type { Diagnostic, Severity } from '../diagnostics.js';
import type { Model } from '../model/model.js';

export interface RuleOptions {
  severity: Severity;
  /** The threshold, for rules that have one (`defaultMax` set). */
  max?: number;
}

export interface Rule {
  code: string;
  defaultSeverity: Severity;
  /** Present only on rules with a threshold; `max N` is invalid on the others. */
  defaultMax?: number;
  /** One line: what it reports (README table, hover). */
  summary: string;
  /** One paragraph: why it matters (hover, docs). */
  rationale: string;
  check(model: Model, options: RuleOptions): Diagnostic[];
}
