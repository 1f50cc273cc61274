/**
 * `seams export [PATH…] --format mermaid|d2|likec4|structurizr|plantuml|json [-o FILE]`
 *
 * Reads the model as `seams check` does and prints it in another tool's
 * language (server/src/core/export/). Without `-o`, or with `-o -`, the
 * export goes to stdout; otherwise it is written atomically: to a temporary
 * file beside FILE, then renamed over it, so a reader never sees half a file
 * and a failed write leaves FILE as it was. It never writes over a `.seams`
 * file or over any file it reads. A model with problems still exports (as `seams render` still draws):
 * exit 0 when the export was written, 2 with one line on stderr for a usage or
 * input problem.
 */
import { Option, type Command } from 'commander';
import { checkSources } from '../core/check.js';
import { EXPORT_FORMATS, exportModel, type ExportFormat } from '../core/export/formats.js';
import { findSeamsFiles } from './find-files.js';
import { InputError } from './input-error.js';
import { printable } from './printable.js';
import { readSources } from './read-sources.js';
import { checkOutputTarget, writeOutput } from './write-output.js';

export interface ExportOptions {
  format?: string;
  /** The file to write; `-` or absent: stdout. */
  output?: string;
}

export interface ExportIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export function registerExport(program: Command, done: (exitCode: number) => void): Command {
  return program
    .command('export')
    .description("print the model in another tool's language (Mermaid, D2, LikeC4, Structurizr DSL, PlantUML) or as JSON")
    .argument('[paths...]', 'files and folders; folders are searched for *.seams')
    .addOption(new Option('-f, --format <format>', 'the language to export to').choices(EXPORT_FORMATS).makeOptionMandatory())
    .addOption(new Option('-o, --output <file>', 'the file to write (default, or -: stdout)'))
    .action((paths: string[], options: ExportOptions) => {
      done(runExport(paths, options));
    });
}

/** Exports and writes; returns the exit code (InputError becomes 2 with one line on stderr). */
export function runExport(
  paths: readonly string[],
  options: ExportOptions,
  io: ExportIo = { stdout: process.stdout, stderr: process.stderr },
): number {
  try {
    const format = options.format;
    if (format === undefined) throw new InputError(`required option '-f, --format <format>' not specified`);
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new InputError(`option '-f, --format <format>' argument '${format}' is invalid; allowed: ${EXPORT_FORMATS.join(', ')}`);
    }
    const output = options.output;
    const files = findSeamsFiles(paths);
    if (output !== undefined && output !== '-') checkOutputTarget(output, files, 'the export');
    const sources = readSources(files);
    const text = exportModel(checkSources(sources).model, format as ExportFormat);
    if (output === undefined || output === '-') io.stdout.write(text);
    else writeOutput(output, text, files, 'the export');
    return 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr.write(`seams: ${printable(error.message)}\n`);
    return 2;
  }
}
