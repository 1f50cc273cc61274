/**
 * `seams check [PATH…]`: find the files, read them, check them all as ONE model
 * with the core's `checkSources`, print the report in the chosen format and
 * decide the exit code (0 clean, 1 an error or too many warnings). Input
 * problems throw `InputError`, which the entry point turns into exit 2.
 */
import { checkSources, fixesOf, type SourceFile } from '../core/check.js';
import { fails, newFindings } from './check-baseline.js';
import { FORMATS, type FailOn } from './formats.js';
import { findSeamsFiles } from './find-files.js';
import { formatJson } from './format-json.js';
import { formatSarif } from './format-sarif.js';
import { formatText } from './format-text.js';
import { InputError } from './input-error.js';
import { printable } from './printable.js';
import { applySafeFixes } from './check-fix.js';
import { readSources } from './read-sources.js';
import { readTextFileSync } from './read-text-file.js';
import { unifiedDiff } from './unified-diff.js';
import { writeFileAtomically } from './write-output.js';
import { countBySeverity, createReport } from './report.js';
import { shouldColour } from './terminal-colour.js';

export { FORMATS };
export type Format = (typeof FORMATS)[number];

export interface CheckOptions {
  format: Format;
  /** Exit 1 when there are more warnings than this; no limit when absent. */
  maxWarnings?: number;
  /** The per-file size limit in megabytes (default 50). */
  maxFileSize?: number;
  /** BASE (a git revision, REV..., a file or folder): findings are told new or unchanged against it. */
  baseline?: string;
  /** Judge only new findings (default with a baseline: new-errors); without a baseline all are new. */
  failOn?: FailOn;
  /** Apply the safe fixes to the files, then report what is left (check-fix.ts). */
  fix?: boolean;
  /** Print the safe fixes as a unified diff instead of applying them. */
  fixDryRun?: boolean;
}

export interface CheckIo {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Called just before a fixed file is written (tests change the file here). */
  beforeWrite?: (file: string) => void;
}

/** Runs the check and returns the exit code; throws InputError for exit 2. */
export async function runCheck(paths: readonly string[], options: CheckOptions, io: CheckIo): Promise<number> {
  const files = findSeamsFiles(paths);
  // A file that cannot be read (gone meanwhile, a FIFO, too large) is that file's
  // problem: one line on stderr each, the rest is checked, and the exit code is 2.
  let unreadable = 0;
  const sources = readSources(files, {
    maxFileBytes: maxFileBytes(options),
    onProblem: (file, problem) => {
      unreadable++;
      io.stderr.write(`seams: cannot read ${printable(file)}: ${problem}\n`);
    },
  });
  // Each unreadable file has had its line: nothing is left to check.
  if (sources.length === 0) return 2;
  if (options.fix || options.fixDryRun) {
    const fixed = applySafeFixes(sources);
    const changed = fixed.sources.filter((f, i) => f.text !== sources[i].text);
    if (options.fixDryRun) {
      // The patch alone on stdout (`git apply` takes it); the count on stderr.
      io.stdout.write(changed.map((f) => unifiedDiff(f.file, sources.find((s) => s.file === f.file)!.text, f.text)).join(''));
      io.stderr.write(`seams: ${plural(fixed.applied, 'fix', 'fixes')} would change ${plural(changed.length, 'file')}\n`);
      const left = countBySeverity(checkSources(fixed.sources).diagnostics);
      return unreadable > 0 ? 2 : left.error > 0 ? 1 : 0;
    }
    let written = 0;
    for (const f of changed) {
      const original = sources.find((s) => s.file === f.file)!.text;
      io.beforeWrite?.(f.file);
      // Never over a file that changed on disk since it was read: its edits were computed for the old text.
      const now = readTextFileSync(f.file, maxFileBytes(options));
      if (!('text' in now) || now.text !== original) {
        unreadable++;
        io.stderr.write(`seams: not fixing ${printable(f.file)}: it changed on disk since it was read\n`);
        continue;
      }
      try {
        writeFileAtomically(f.file, f.text);
        written++;
      } catch (error) {
        unreadable++;
        io.stderr.write(`seams: ${printable(error instanceof Error ? error.message : String(error))}\n`);
      }
    }
    if (written > 0) io.stderr.write(`seams: fixed ${plural(written, 'file')}\n`);
    // Check again what is on disk now, and report what is left.
    sources.splice(
      0,
      sources.length,
      ...readSources(
        sources.map((s) => s.file),
        {
          maxFileBytes: maxFileBytes(options),
          onProblem: (file, problem) => {
            unreadable++;
            io.stderr.write(`seams: cannot read ${printable(file)}: ${problem}\n`);
          },
        },
      ),
    );
  }
  try {
    return await checkAndReport(paths, sources, options, io, unreadable);
  } catch (error) {
    if (error instanceof InputError) throw error;
    // A bug of ours: say which files it happened on (the entry point prints one line, no stack).
    const what = files.length === 1 ? files[0] : `${files.length} files (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''})`;
    throw new Error(`while checking ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function checkAndReport(
  paths: readonly string[],
  sources: SourceFile[],
  options: CheckOptions,
  io: CheckIo,
  unreadable: number,
): Promise<number> {
  const checked = checkSources(sources);
  const { diagnostics, model } = checked;
  const fresh = options.baseline === undefined ? undefined : await newFindings(options.baseline, paths, io.cwd, checked);
  // Fixes are built only if the format shows them (SARIF), never for text or JSON.
  const report = createReport(sources, diagnostics, (d) => fixesOf(d, model));

  let output: string;
  switch (options.format) {
    case 'json':
      output = formatJson(report);
      break;
    case 'sarif':
      output = formatSarif(report, { cwd: io.cwd, baselineState: fresh && ((d) => (fresh.has(d) ? 'new' : 'unchanged')) });
      break;
    case 'text':
      output = formatText(report, {
        colour: shouldColour(io.stdout, io.env),
        // Only a terminal has a width to respect; piped output keeps a row per problem.
        width: io.stdout.isTTY ? io.stdout.columns : undefined,
      });
      break;
  }
  if (output) io.stdout.write(output);

  if (unreadable > 0) return 2;
  // With a baseline or --fail-on, only the new findings are judged (check-baseline.ts).
  const judged = fresh ? diagnostics.filter((d) => fresh.has(d)) : diagnostics;
  const counts = countBySeverity(judged);
  if (fresh || options.failOn) {
    if (fails(judged, options.failOn ?? 'new-errors')) return 1;
  } else if (counts.error > 0) {
    return 1;
  }
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    // On stderr so that json and sarif output stays machine-readable.
    io.stderr.write(`seams: too many warnings (${counts.warning}, at most ${options.maxWarnings} allowed)\n`);
    return 1;
  }
  return 0;
}

function maxFileBytes(options: CheckOptions): number | undefined {
  return options.maxFileSize === undefined ? undefined : options.maxFileSize * 1024 * 1024;
}

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}
