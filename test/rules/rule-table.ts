/**
 * The contract's table of anti-pattern rules (shared/design/language.md,
 * version 1 then the version 2 additions), in order: the one list every test
 * that needs the rules' codes, severities and thresholds reads.
 */
export interface RuleRow {
  code: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  /** The default threshold, for rules that have one. */
  max?: number;
}

export const RULE_TABLE: readonly RuleRow[] = [
  { code: 'shared-database', severity: 'warning' },
  { code: 'compliance-leak', severity: 'error' },
  { code: 'missing-owner', severity: 'warning' },
  { code: 'missing-oncall', severity: 'info' },
  { code: 'team-overload', severity: 'warning', max: 5 },
  { code: 'unjustified-split', severity: 'info' },
  { code: 'missing-timeout', severity: 'warning' },
  { code: 'missing-circuit-breaker', severity: 'info' },
  { code: 'retry-without-backoff', severity: 'warning' },
  { code: 'sync-fan-out', severity: 'warning', max: 4 },
  { code: 'sync-chain-depth', severity: 'warning', max: 3 },
  { code: 'sync-cycle', severity: 'error' },
  { code: 'sync-to-background', severity: 'warning' },
  { code: 'timeout-budget', severity: 'warning' },
  { code: 'implicit-contract', severity: 'warning' },
  { code: 'unpinned-version', severity: 'info' },
  { code: 'unversioned-contract', severity: 'warning' },
  { code: 'version-not-provided', severity: 'error' },
  { code: 'missing-slo', severity: 'hint' },
  { code: 'inappropriate-intimacy', severity: 'warning' },
  { code: 'shared-library', severity: 'info', max: 2 },
  { code: 'too-many-standards', severity: 'info', max: 3 },
  { code: 'no-api-gateway', severity: 'info', max: 1 },
  { code: 'unused-suppression', severity: 'hint' },
];
