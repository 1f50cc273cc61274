/**
 * `unused-suppression`: a code in a `// seams-ignore` directive that silenced
 * nothing. It needs every other rule's findings before suppression, so the
 * runner (check.ts) computes it with `unusedSuppressions` after applying the
 * directives; `check` itself finds nothing. Its fix (`removalFix`) needs only
 * the model, so it is built on request like every other fix.
 *
 * Not reported: a code whose rule is `off` or did not run (or failed), a code
 * that is no rule at all (the model reports that as `invalid-value`), and the
 * code `unused-suppression` itself.
 */
import type { Diagnostic, Fix, Location, TextEdit } from '../diagnostics.js';
import type { Model } from '../model/model.js';
import type { IgnoreDirective, Name } from '../syntax/ast.js';
import type { Rule } from './rule.js';
import { lineEndAt, lineStartAt } from './text-layout.js';

export const UNUSED_SUPPRESSION = 'unused-suppression';

export const unusedSuppression: Rule = {
  code: UNUSED_SUPPRESSION,
  defaultSeverity: 'hint',
  summary: 'a code in a `// seams-ignore` directive that silenced nothing',
  rationale:
    'A suppression records a decision: this finding is known and accepted here. Once the finding is gone — the ' +
    'call got its timeout, the store stopped being shared, the line moved — the directive no longer means ' +
    'anything, but it still reads as if it did, and it will silently swallow the finding if the problem comes ' +
    'back on that line. Removing stale codes keeps every suppression an accurate, current exception.',
  check: () => [],
};

/** One code of one directive, and whether it silenced anything. */
export interface Silencer {
  file: string;
  directive: IgnoreDirective;
  code: Name;
  used: boolean;
}

/**
 * The `unused-suppression` diagnostics for the silencers that silenced nothing,
 * among the codes in `ran` (the rules that ran and did not fail). Their fix is
 * built on request by `removalFix`.
 */
export function unusedSuppressions(
  silencers: readonly Silencer[],
  ran: ReadonlySet<string>,
  severity: Diagnostic['severity'],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of silencers) {
    if (s.used || s.code.text === UNUSED_SUPPRESSION || !ran.has(s.code.text)) continue;
    out.push({
      code: UNUSED_SUPPRESSION,
      severity,
      message: `seams-ignore ${s.code.text} silences nothing${s.directive.appliesToLine < 0 ? ': no code follows it' : ' on the line it applies to'}`,
      location: { file: s.file, start: s.code.start, end: s.code.end },
      tags: ['unnecessary'],
    });
  }
  return out;
}

/**
 * The fix of an `unused-suppression` at `location` (a code inside a
 * directive): remove that code and its separator, or the whole directive (its
 * line, or the trailing comment) when it is the directive's only code.
 */
export function removalFix(model: Model, location: Location): Fix | undefined {
  const f = model.files.get(location.file);
  if (!f) return undefined;
  const { file } = location;
  for (const directive of f.ignores) {
    if (location.start < directive.start || location.end > directive.end) continue;
    const codes = directive.codes;
    const i = codes.findIndex((c) => c.start === location.start && c.end === location.end);
    if (i < 0) return undefined;
    const code = codes[i];
    if (codes.length === 1)
      return { title: 'Remove the unused seams-ignore directive', edits: [removeDirective(file, directive, f.text)], preferred: true };
    // The code with the separator before it (after it, for the first code).
    const edit: TextEdit =
      i > 0 ? { file, start: codes[i - 1].end, end: code.end, newText: '' } : { file, start: code.start, end: codes[1].start, newText: '' };
    return { title: `Remove ${code.text} from seams-ignore`, edits: [edit], preferred: true };
  }
  return undefined;
}
function removeDirective(file: string, d: IgnoreDirective, text: string): TextEdit {
  if (d.trailing) {
    // `calls x // seams-ignore …`: the comment and the spaces before it.
    let start = d.start;
    while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    return { file, start, end: d.end, newText: '' };
  }
  // A directive on its own line: the whole line, with its line break.
  const start = lineStartAt(text, d.start);
  let end = lineEndAt(text, d.end);
  if (text[end] === '\r' && text[end + 1] === '\n') end += 2;
  else if (end < text.length) end += 1;
  return { file, start, end, newText: '' };
}
