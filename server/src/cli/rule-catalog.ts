/**
 * Every code `seams check` can report, with a one-line description, default
 * severity and documentation link: the fixed errors first, then the rules in
 * registry order. SARIF lists them as the driver's rules.
 */
import { FIXED_CODES, type Severity } from '../core/diagnostics.js';
import { RULES } from '../core/rules/registry.js';
import { repositoryFileUrl } from './package-info.js';

export interface CatalogEntry {
  code: string;
  summary: string;
  /** Why it matters, where the rule gives one. */
  rationale?: string;
  defaultSeverity: Severity;
  /** The page on the web, only when package.json names a real repository. */
  helpUri?: string;
  /** Whether this is a fixed error (its help is a section of the rules index). */
  fixed?: boolean;
}

const FIXED_SUMMARIES: Record<(typeof FIXED_CODES)[number], string> = {
  syntax: 'Text that does not follow the Seams grammar.',
  'unresolved-reference': 'A reference to a team, service, api or event that is not declared.',
  'duplicate-definition': 'A name declared twice where it must be unique.',
  'invalid-value': 'A value the language does not allow.',
  'duplicate-rule-setting': 'One rule configured twice across the rules blocks of the model.',
};

export function ruleCatalog(): CatalogEntry[] {
  const fixed: CatalogEntry[] = FIXED_CODES.map((code) => ({
    code,
    summary: FIXED_SUMMARIES[code],
    defaultSeverity: 'error',
    fixed: true,
    // The fixed errors share one section of the rules index (the editor links there too).
    helpUri: repositoryFileUrl('docs/rules/README.md#fixed-errors'),
  }));
  const rules: CatalogEntry[] = RULES.map((rule) => ({
    code: rule.code,
    summary: rule.summary,
    rationale: rule.rationale,
    defaultSeverity: rule.defaultSeverity,
    helpUri: repositoryFileUrl(`docs/rules/${rule.code}.md`),
  }));
  return [...fixed, ...rules];
}
