/**
 * The path from text to diagnostics, shared by the CLI, the language server and
 * the tests: parse each file (cached per text), build the model, run every
 * enabled rule with its configured severity and threshold, drop what
 * `// seams-ignore` silences, and sort.
 */
import { compareDiagnostics, type Diagnostic } from './diagnostics.js';
import { buildModel } from './model/build-model.js';
import type { Model } from './model/model.js';
import { RULES } from './rules/registry.js';
import type { Rule } from './rules/rule.js';
import { suppressFix } from './rules/suppress-fix.js';
import type { SeamsFile } from './syntax/ast.js';
import { parseSeams, type ParseResult } from './syntax/parse.js';
import { LineIndex } from './text/line-index.js';

export interface SourceFile {
  /** Path (CLI) or URI (language server); diagnostics carry it back. */
  file: string;
  text: string;
}

export interface CheckResult {
  model: Model;
  /** Every diagnostic of every file, sorted by file, then position. */
  diagnostics: Diagnostic[];
}

export interface CheckOptions {
  /** The rules to run; all of them by default. */
  rules?: readonly Rule[];
}

/** Parses and checks a set of files as one model. */
export function checkSources(sources: readonly SourceFile[], options: CheckOptions = {}): CheckResult {
  return checkParsed(sources.map((s) => parseSeams(s.text, s.file)), options);
}

/** Checks already-parsed files (the Workspace reuses parses of unchanged files). */
export function checkParsed(parsed: readonly ParseResult[], options: CheckOptions = {}): CheckResult {
  const rules = options.rules ?? RULES;
  const model = buildModel(
    parsed.map((p) => p.ast),
    rules.map((r) => ({ code: r.code, defaultMax: r.defaultMax })),
  );
  const diagnostics: Diagnostic[] = [];
  for (const p of parsed) diagnostics.push(...p.diagnostics);
  diagnostics.push(...model.diagnostics);
  diagnostics.push(...suppress(model, runRules(model, rules)));
  diagnostics.sort(compareDiagnostics);
  return { model, diagnostics };
}

function runRules(model: Model, rules: readonly Rule[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const setting = model.ruleSettings.get(rule.code);
    if (setting?.severity === 'off') continue;
    const severity = setting?.severity ?? rule.defaultSeverity;
    const max = setting?.max ?? rule.defaultMax;
    for (const d of rule.check(model, { severity, max })) {
      d.severity = severity;
      // Every rule diagnostic can be silenced in place; that fix is offered last.
      const text = model.files.get(d.location.file)?.text;
      if (text !== undefined) (d.fixes ??= []).push(suppressFix(d, text));
      out.push(d);
    }
  }
  return out;
}

/** Drops rule diagnostics that a `// seams-ignore` directive names on their first line. */
function suppress(model: Model, diagnostics: Diagnostic[]): Diagnostic[] {
  const silenced = new Map<string, { lines: LineIndex; byLine: Map<number, Set<string>> }>();
  for (const f of model.files.values()) {
    if (f.ignores.length === 0) continue;
    const byLine = new Map<number, Set<string>>();
    for (const d of f.ignores) {
      if (d.appliesToLine < 0) continue;
      const codes = byLine.get(d.appliesToLine) ?? new Set<string>();
      for (const c of d.codes) codes.add(c.text);
      byLine.set(d.appliesToLine, codes);
    }
    silenced.set(f.file, { lines: new LineIndex(f.text), byLine });
  }
  if (silenced.size === 0) return diagnostics;
  return diagnostics.filter((d) => {
    const s = silenced.get(d.location.file);
    if (!s) return true;
    const line = s.lines.positionAt(d.location.start).line;
    return !s.byLine.get(line)?.has(d.code);
  });
}

/**
 * The files of a workspace with their parses cached: re-checking after an edit
 * re-parses only the edited file, then rebuilds the model (linear, cheap).
 */
export class Workspace {
  private readonly entries = new Map<string, { text: string; parsed: ParseResult }>();

  constructor(private readonly options: CheckOptions = {}) {}

  set(file: string, text: string): void {
    const old = this.entries.get(file);
    if (old && old.text === text) return;
    this.entries.set(file, { text, parsed: parseSeams(text, file) });
  }

  delete(file: string): boolean {
    return this.entries.delete(file);
  }

  has(file: string): boolean {
    return this.entries.has(file);
  }

  files(): string[] {
    return [...this.entries.keys()];
  }

  text(file: string): string | undefined {
    return this.entries.get(file)?.text;
  }

  ast(file: string): SeamsFile | undefined {
    return this.entries.get(file)?.parsed.ast;
  }

  check(): CheckResult {
    return checkParsed([...this.entries.values()].map((e) => e.parsed), this.options);
  }
}
