/**
 * What every anti-pattern rule is. One rule per file in this folder (named for its
 * code); registry.ts lists them all. A rule reads the model and returns findings;
 * the runner (check.ts) stamps each with the rule's code and configured
 * severity, applies `rules { }` and `// seams-ignore`, and isolates the rule: a
 * rule that throws becomes one `internal-error` and every other rule still runs.
 */
import type { DiagnosticTag, Fix, Location, RelatedInformation, Severity } from '../diagnostics.js';
import type { Model } from '../model/model.js';

/** What a rule found: a diagnostic without its code and severity (the runner stamps those). */
export interface Finding {
  /** One sentence naming the things involved. */
  message: string;
  location: Location;
  related?: RelatedInformation[];
  tags?: DiagnosticTag[];
  /**
   * The repairs, built only when someone asks (a code action, SARIF, `--fix`),
   * never for text or JSON output. The suppression fix is added by the runner.
   */
  fixes?: () => Fix[];
}

interface RuleInfo {
  code: string;
  defaultSeverity: Severity;
  /** One line: what it reports (README table, hover). */
  summary: string;
  /** One paragraph: why it matters (hover, docs). */
  rationale: string;
}

/** A rule with no threshold: `max N` is invalid on it. */
export interface PlainRule extends RuleInfo {
  defaultMax?: undefined;
  check(model: Model): Finding[];
}

/** A rule with a threshold: it is always given one (`max N` from `rules { }`, else `defaultMax`). */
export interface ThresholdRule extends RuleInfo {
  defaultMax: number;
  check(model: Model, options: { max: number }): Finding[];
}

export type Rule = PlainRule | ThresholdRule;
