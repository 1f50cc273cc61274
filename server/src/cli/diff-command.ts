/**
 * `seams diff BASE [PATH…] [--format text|json|markdown] [-o FILE.svg]
 *  [--fail-on new-errors|new-warnings|never]`
 *
 * Checks the old model (BASE: a git revision, `REV...`, or a file or folder;
 * diff-base.ts) and the new one (the working tree's PATHs), diffs them with the
 * core's `diffModels`, prints the report and, with `-o`, draws the diff picture.
 * Exit 1 when the --fail-on condition holds (default: a new error), else 0;
 * 2 with one line on stderr for a usage or input problem.
 */
import { Option, type Command } from 'commander';
import { checkSources, type CheckResult } from '../core/check.js';
import { diffModels } from '../core/diff/diff-models.js';
import { fails } from './check-baseline.js';
import { readBase } from './diff-base.js';
import { FAIL_ON, type FailOn } from './formats.js';
import { formatDiffMarkdown, githubLinksFromEnv } from './diff-markdown.js';
import { createDiffReport, formatDiffJson, formatDiffText } from './diff-report.js';
import { findSeamsFiles } from './find-files.js';
import { readSources } from './read-sources.js';
import { checkOutputTarget, writeOutput } from './write-output.js';

export const DIFF_FORMATS = ['text', 'json', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
export { FAIL_ON, type FailOn };

export interface DiffCommandOptions {
  format?: DiffFormat;
  output?: string;
  failOn?: FailOn;
  /** The commit the report's links point at (default: SEAMS_HEAD_SHA, then GITHUB_SHA). */
  headSha?: string;
}

export interface DiffIo {
  stdout: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function registerDiff(program: Command, done: (exitCode: number) => void): Command {
  return program
    .command('diff')
    .description('what changed in the architecture since BASE (a git revision, REV... for the merge base, or a file or folder)')
    .argument('<base>', 'git revision, REV... (merge base of REV and HEAD), or the old model as a file or folder')
    .argument('[paths...]', 'files and folders of the new model (default: the current folder); the same paths are read at a revision')
    .addOption(new Option('-f, --format <format>', 'output format').choices(DIFF_FORMATS).default('text' satisfies DiffFormat))
    .addOption(new Option('-o, --output <file>', 'also draw the diff picture as SVG'))
    .addOption(new Option('--fail-on <condition>', 'exit 1 when this holds').choices(FAIL_ON).default('new-errors' satisfies FailOn))
    .addOption(
      new Option('--head-sha <sha>', 'commit that links in the markdown report point at (default: $SEAMS_HEAD_SHA or $GITHUB_SHA)'),
    )
    .action(async (base: string, paths: string[], options: DiffCommandOptions) => {
      done(await runDiff(base, paths, options, { stdout: process.stdout, env: process.env, cwd: process.cwd() }));
    });
}

/** Runs the diff and resolves to the exit code; usage problems throw InputError (exit 2). */
export async function runDiff(base: string, paths: readonly string[], options: DiffCommandOptions, io: DiffIo): Promise<number> {
  const format = options.format ?? 'text';
  const failOn = options.failOn ?? 'new-errors';
  // The new model first: a missing PATH is reported as such, not as a git problem.
  const files = findSeamsFiles(paths);
  // Refused before the work is done: never a .seams file, never an input.
  if (options.output) checkOutputTarget(options.output, files, 'the diff picture');
  const after = checkSources(readSources(files));
  const old = await readBase(base, paths, io.cwd);
  const before = checkSources(old.sources);
  const diff = diffModels(before, after);
  const report = createDiffReport(old, before, after, diff);

  if (options.output) {
    // The layout engine is loaded only when a picture is asked for.
    const { renderDiffPicture } = await import('./diff-picture.js');
    const svg = await renderDiffPicture(before, after, diff);
    writeOutput(options.output, svg, files, 'the diff picture');
  }

  const output =
    format === 'json'
      ? formatDiffJson(report)
      : format === 'markdown'
        ? formatDiffMarkdown(report, { links: githubLinksFromEnv(io.env, io.cwd, options.headSha) })
        : formatDiffText(report);
  io.stdout.write(output);
  return fails(diff.findings.new, failOn) ? 1 : 0;
}

export type { CheckResult };
