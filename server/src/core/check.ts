/**
 * The path from text to diagnostics, shared by the CLI, the language server and
 * the tests: parse each file (cached per text), build the model, run every
 * enabled rule with its configured severity and threshold (each rule isolated:
 * one that throws becomes an `internal-error`), drop what `// seams-ignore`
 * silences, and sort. Fixes are built only when asked for (`fixesOf`).
 */
import { compareDiagnostics, type Diagnostic, type Fix, type Location } from './diagnostics.js';
import { buildModel, type KnownRule } from './model/build-model.js';
import type { Model } from './model/model.js';
import { RULES } from './rules/registry.js';
import type { Finding, Rule } from './rules/rule.js';
import { suppressFix } from './rules/suppress-fix.js';
import { removalFix, UNUSED_SUPPRESSION, unusedSuppression, unusedSuppressions, type Silencer } from './rules/unused-suppression.js';
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
  return checkParsed(
    sources.map((s) => parseIsolated(s.text, s.file)),
    options,
  );
}

/**
 * parseSeams never throws by design; should it ever (a stack overflow on some
 * pathological input), the file gets one internal-error diagnostic naming the
 * reason, and every other file is still checked and every feature keeps working.
 */
export function parseIsolated(text: string, file: string): ParseResult {
  try {
    return parseSeams(text, file);
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).split(/\r?\n/)[0].slice(0, 200);
    return {
      ast: { file, text, declarations: [], comments: [], ignores: [] },
      diagnostics: [
        {
          code: INTERNAL_ERROR,
          severity: 'error',
          message: `this file could not be read: ${reason}`,
          location: { file, start: 0, end: 0 },
        },
      ],
    };
  }
}

/** Checks already-parsed files (the Workspace reuses parses of unchanged files). */
export function checkParsed(parsed: readonly ParseResult[], options: CheckOptions = {}): CheckResult {
  const model = buildModel(
    parsed.map((p) => p.ast),
    knownRules(options.rules ?? RULES),
  );
  return runToEnd(checkSteps(parsed, model, options));
}

/** What the model needs of the rules to validate `rules { }` (buildModel's second argument). */
export function knownRules(rules: readonly Rule[] = RULES): KnownRule[] {
  return rules.map((r) => ({ code: r.code, defaultMax: r.defaultMax }));
}

/**
 * The check of `parsed` on `model` (built from exactly those parses), in steps:
 * it pauses after each rule, so the language server can answer requests in
 * between and drop a check whose texts changed meanwhile. Its return value is
 * the result; `runToEnd` runs it without pausing.
 */
export function* checkSteps(parsed: readonly ParseResult[], model: Model, options: CheckOptions = {}): Generator<void, CheckResult> {
  const rules = options.rules ?? RULES;
  const diagnostics: Diagnostic[] = [];
  // Appended one by one: spreading a huge array into push() overflows the stack.
  const append = (list: readonly Diagnostic[]) => {
    for (const d of list) diagnostics.push(d);
  };
  for (const p of parsed) append(p.diagnostics);
  append(model.diagnostics);
  const { found, failed, ran } = yield* runRules(model, rules);
  append(suppress(model, found, ran));
  append(failed);
  diagnostics.sort(compareDiagnostics);
  return { model, diagnostics };
}

/** Runs a stepwise computation (`checkSteps`) to its end, without pausing. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The code of the diagnostic that stands for a rule that threw. */
export const INTERNAL_ERROR = 'internal-error';

/**
 * Fixes of rule diagnostics, not yet built: a diagnostic made in this thread
 * maps to its rule's recipe. (A WeakMap, so diagnostics stay plain data that
 * JSON and worker messages carry unchanged.)
 */
const deferredFixes = new WeakMap<Diagnostic, () => Fix[]>();

/** Runs one rule with its configured threshold (rules with one are always given one). */
function runRule(model: Model, rule: Rule): Finding[] {
  if (rule.defaultMax === undefined) return rule.check(model);
  return rule.check(model, { max: model.ruleSettings.get(rule.code)?.max ?? rule.defaultMax });
}

/**
 * Runs every enabled rule and stamps its findings with its code and severity.
 * Each rule is isolated: one that throws becomes a single `internal-error`
 * naming it, and the others' findings are all kept.
 */
function* runRules(model: Model, rules: readonly Rule[]): Generator<void, { found: Diagnostic[]; failed: Diagnostic[]; ran: Set<string> }> {
  const found: Diagnostic[] = [];
  const failed: Diagnostic[] = [];
  /** Codes of the rules that ran to the end (a suppression of any other code is not judged). */
  const ran = new Set<string>();
  for (const rule of rules) {
    const setting = model.ruleSettings.get(rule.code);
    if (setting?.severity === 'off') continue;
    const severity = setting?.severity ?? rule.defaultSeverity;
    const mine: Diagnostic[] = [];
    try {
      for (const f of runRule(model, rule)) {
        const d: Diagnostic = { code: rule.code, severity, message: f.message, location: f.location };
        if (f.related?.length) d.related = f.related;
        if (f.tags?.length) d.tags = f.tags;
        if (f.fixes) deferredFixes.set(d, f.fixes);
        mine.push(d);
      }
    } catch (err) {
      failed.push(internalError(model, rule.code, err));
      yield;
      continue;
    }
    for (const d of mine) found.push(d);
    ran.add(rule.code);
    yield;
  }
  return { found, failed, ran };
}

/** One error on the model (its first file's start) for a rule that threw; never a stack trace. */
function internalError(model: Model, code: string, err: unknown): Diagnostic {
  const first = model.files.keys().next();
  const reason = (err instanceof Error ? err.message : String(err)).split(/\r?\n/)[0].slice(0, 200);
  return {
    code: INTERNAL_ERROR,
    severity: 'error',
    message: `rule ${code} failed and reported nothing${reason ? `: ${reason}` : ''}`,
    location: { file: first.done ? '' : first.value, start: 0, end: 0 },
  };
}

/**
 * The fixes of one diagnostic, built now (the CLI's SARIF and `--fix`, the
 * editor's code actions; text and JSON output never build them). They are the
 * diagnostic's own (the model's errors carry theirs), then its rule's, then, for
 * a rule diagnostic, the `// seams-ignore` suppression.
 *
 * `model` is the model the diagnostic was found in, or one built from the same
 * texts: a diagnostic that crossed a worker boundary has lost its recipe, and
 * its rule is run again on `model` (once per model and rule) to find it.
 */
export function fixesOf(diagnostic: Diagnostic, model: Model, rules: readonly Rule[] = RULES): Fix[] {
  const out: Fix[] = diagnostic.fixes ? [...diagnostic.fixes] : [];
  const rule = rules.find((r) => r.code === diagnostic.code);
  if (!rule) return out;
  if (rule.code === UNUSED_SUPPRESSION) {
    // Its repair is the removal; suppressing a stale suppression would only add another.
    const removal = removalFix(model, diagnostic.location);
    return removal ? [...out, removal] : out;
  }
  const recipe = deferredFixes.get(diagnostic) ?? rerun(model, rule).get(keyOf(diagnostic));
  try {
    if (recipe) for (const f of recipe()) out.push(f);
  } catch {
    // A fix that cannot be built is not offered; the suppression still is.
  }
  const text = model.files.get(diagnostic.location.file)?.text;
  if (text !== undefined) out.push(suppressFix(diagnostic, text));
  return out;
}

const keyOf = (d: { location: Location; message: string }) =>
  `${d.location.file}\u0000${d.location.start}\u0000${d.location.end}\u0000${d.message}`;

const reruns = new WeakMap<Model, Map<string, Map<string, () => Fix[]>>>();

/** A rule's fix recipes on `model`, by diagnostic; the rule runs once per model. */
function rerun(model: Model, rule: Rule): Map<string, () => Fix[]> {
  let byRule = reruns.get(model);
  if (!byRule) reruns.set(model, (byRule = new Map()));
  let recipes = byRule.get(rule.code);
  if (!recipes) {
    recipes = new Map();
    try {
      for (const f of runRule(model, rule)) if (f.fixes) recipes.set(keyOf(f), f.fixes);
    } catch {
      // The check reported this rule's failure already.
    }
    byRule.set(rule.code, recipes);
  }
  return recipes;
}

/**
 * Drops rule diagnostics that a `// seams-ignore` directive names on their
 * first line, then reports each directive code that silenced nothing
 * (`unused-suppression`, unless it is off) among the rules that ran.
 */
function suppress(model: Model, diagnostics: Diagnostic[], ran: ReadonlySet<string>): Diagnostic[] {
  const silencers: Silencer[] = [];
  const silenced = new Map<string, { lines: LineIndex; byLine: Map<number, Map<string, Silencer[]>> }>();
  for (const f of model.files.values()) {
    if (f.ignores.length === 0) continue;
    const byLine = new Map<number, Map<string, Silencer[]>>();
    for (const directive of f.ignores) {
      for (const code of directive.codes) {
        const s: Silencer = { file: f.file, directive, code, used: false };
        silencers.push(s);
        if (directive.appliesToLine < 0) continue;
        let codes = byLine.get(directive.appliesToLine);
        if (!codes) byLine.set(directive.appliesToLine, (codes = new Map()));
        const list = codes.get(code.text);
        if (list) list.push(s);
        else codes.set(code.text, [s]);
      }
    }
    silenced.set(f.file, { lines: new LineIndex(f.text), byLine });
  }
  if (silenced.size === 0) return diagnostics;
  const silences = (d: Diagnostic): boolean => {
    const s = silenced.get(d.location.file);
    if (!s) return false;
    const by = s.byLine.get(s.lines.lineAt(d.location.start))?.get(d.code);
    if (!by) return false;
    for (const x of by) x.used = true;
    return true;
  };
  const kept = diagnostics.filter((d) => !silences(d));
  const setting = model.ruleSettings.get(UNUSED_SUPPRESSION)?.severity;
  if (!ran.has(UNUSED_SUPPRESSION) || setting === 'off') return kept;
  const severity = setting ?? unusedSuppression.defaultSeverity;
  // An unused-suppression can itself be silenced (a trailing directive naming it).
  for (const d of unusedSuppressions(silencers, ran, severity)) if (!silences(d)) kept.push(d);
  return kept;
}

/**
 * The files of a workspace with their parses and model cached: re-checking
 * after an edit re-parses only the edited file, then rebuilds the model
 * (linear, cheap) once, however many readers ask for it.
 */
export class Workspace {
  private readonly entries = new Map<string, { text: string; parsed: ParseResult }>();
  private cachedModel: Model | undefined;
  /** How many files it has parsed and models it has built (the language server's tests count them per edit). */
  readonly built = { parses: 0, models: 0 };

  constructor(private readonly options: CheckOptions = {}) {}

  set(file: string, text: string): void {
    const old = this.entries.get(file);
    if (old && old.text === text) return;
    this.entries.set(file, { text, parsed: parseIsolated(text, file) });
    this.built.parses++;
    this.cachedModel = undefined;
  }

  delete(file: string): boolean {
    if (!this.entries.delete(file)) return false;
    this.cachedModel = undefined;
    return true;
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

  /** The model of the current files (without the rules), built once per change of any file. */
  model(): Model {
    if (!this.cachedModel) {
      this.cachedModel = buildModel(
        [...this.entries.values()].map((e) => e.parsed.ast),
        knownRules(this.options.rules ?? RULES),
      );
      this.built.models++;
    }
    return this.cachedModel;
  }

  /** The full check of the current files, in steps (`checkSteps`), on the cached model. */
  checkSteps(): Generator<void, CheckResult> {
    return checkSteps(
      [...this.entries.values()].map((e) => e.parsed),
      this.model(),
      this.options,
    );
  }

  check(): CheckResult {
    return runToEnd(this.checkSteps());
  }
}
