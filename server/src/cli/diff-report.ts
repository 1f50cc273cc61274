/**
 * What the `seams diff` formatters share: the two checked models, their diff,
 * and 1-based positions in each (the old model's files may have the same names
 * as the new model's, so each side has its own line index).
 */
import type { CheckResult } from '../core/check.js';
import type { Diagnostic, Location } from '../core/diagnostics.js';
import type { Change, ModelDiff } from '../core/diff/diff-models.js';
import type { BaseModel } from './diff-base.js';
import { toJsonDiagnostic, type JsonDiagnostic } from './format-json.js';
import { bySeverity } from './diff-markdown.js';
import { createReport, type Region } from './report.js';

export interface DiffReport {
  base: BaseModel;
  diff: ModelDiff;
  before: CheckResult;
  after: CheckResult;
  /** A location in the new model (or the old one with `old`). */
  regionOf(location: Location, old?: boolean): Region;
}

export function createDiffReport(base: BaseModel, before: CheckResult, after: CheckResult, diff: ModelDiff): DiffReport {
  const texts = (check: CheckResult) => [...check.model.files.values()].map((f) => ({ file: f.file, text: f.text }));
  const oldReport = createReport(texts(before), []);
  const newReport = createReport(texts(after), []);
  return {
    base,
    diff,
    before,
    after,
    regionOf: (location, old = false) => (old ? oldReport : newReport).regionOf(location),
  };
}

/** A change's place: the new model, or the old one for a removed element. */
export function changeRegion(report: DiffReport, change: Change): Region {
  return report.regionOf(change.location, change.change === 'removed');
}

export function jsonDiagnostic(report: DiffReport, d: Diagnostic, old: boolean): JsonDiagnostic {
  return toJsonDiagnostic(d, report.regionOf(d.location, old));
}

export function formatDiffJson(report: DiffReport): string {
  const out = {
    base: report.base.label,
    changes: report.diff.changes.map((c) => ({
      change: c.change,
      kind: c.kind,
      id: c.id,
      file: c.location.file,
      line: changeRegion(report, c).line,
      details: c.details,
    })),
    findings: {
      new: report.diff.findings.new.map((d) => jsonDiagnostic(report, d, false)),
      fixed: report.diff.findings.fixed.map((d) => jsonDiagnostic(report, d, true)),
    },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

const MARK: Record<Change['change'], string> = { added: '+', removed: '-', changed: '~' };

/** The text format: for a person at a terminal. */
export function formatDiffText(report: DiffReport): string {
  const { changes, findings } = report.diff;
  const lines: string[] = [];
  lines.push(
    `seams diff against ${report.base.label}${report.base.commit ? ` (${report.base.commit.slice(0, 12)})` : ''}: ${summary(report)}`,
  );
  if (changes.length > 0) {
    lines.push('', 'Changes:');
    for (const c of changes) {
      const r = changeRegion(report, c);
      lines.push(
        `  ${MARK[c.change]} ${c.change} ${c.kind} ${c.id}  (${c.location.file}:${r.line}${c.change === 'removed' ? ', old' : ''})`,
      );
      for (const d of c.details) lines.push(`      ${d}`);
    }
  }
  for (const [title, list, old] of [
    ['New findings:', findings.new, false],
    ['Fixed findings:', findings.fixed, true],
  ] as const) {
    if (list.length === 0) continue;
    lines.push('', title);
    for (const d of bySeverity(list)) {
      const r = report.regionOf(d.location, old);
      lines.push(`  ${d.location.file}:${r.line}:${r.column}  ${d.severity}  ${d.code}  ${d.message}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The counts: `3 changes (1 added, 1 removed, 1 changed)`, `2 new findings (1 error)`, `1 fixed finding`. */
export function summaryParts(report: DiffReport): { count: string; detail: string }[] {
  const { changes, findings } = report.diff;
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const byType = (['added', 'removed', 'changed'] as const)
    .map((t) => [t, changes.filter((c) => c.change === t).length] as const)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${n} ${t}`);
  const errors = findings.new.filter((d) => d.severity === 'error').length;
  const warnings = findings.new.filter((d) => d.severity === 'warning').length;
  const severities = [errors > 0 ? count(errors, 'error') : '', warnings > 0 ? count(warnings, 'warning') : ''].filter(Boolean);
  return [
    { count: count(changes.length, 'change'), detail: byType.join(', ') },
    { count: count(findings.new.length, 'new finding'), detail: severities.join(', ') },
    { count: count(findings.fixed.length, 'fixed finding'), detail: '' },
  ];
}

export function summary(report: DiffReport): string {
  return summaryParts(report)
    .map((p) => (p.detail ? `${p.count} (${p.detail})` : p.count))
    .join(', ');
}
