/**
 * Writes a command's output file (`render -o`, `diff -o`, `export -o`) so that
 * it can never replace a model and never be seen half-written:
 * - a `.seams` target is refused (an output is never a model), and so is any
 *   file the command read, however it is spelled (`sub/../a.txt`, a link);
 * - the text goes to a temporary file beside the target, which is then renamed
 *   over it: readers see the old file or the new one, and a failed write leaves
 *   the old one as it was.
 * Problems are InputErrors (one line, exit 2).
 */
import { randomBytes } from 'node:crypto';
import { realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileProblem } from './read-text-file.js';
import { InputError } from './input-error.js';

/** Throws when `output` must not be written: a `.seams` file, or one of `inputs`. */
export function checkOutputTarget(output: string, inputs: readonly string[], what = 'the output'): void {
  if (output.toLowerCase().endsWith('.seams')) {
    throw new InputError(`refusing to write ${what} over ${output}: it is a .seams file, and an output never replaces a model`);
  }
  const target = realOrResolved(output);
  if (inputs.some((input) => realOrResolved(input) === target)) {
    throw new InputError(`refusing to write ${what} over ${output}: it is one of the files read`);
  }
}

/** Checks the target (see checkOutputTarget), then writes `content` atomically. */
export function writeOutput(output: string, content: string | Uint8Array, inputs: readonly string[], what = 'the output'): void {
  checkOutputTarget(output, inputs, what);
  writeFileAtomically(output, content);
}

/**
 * Writes through a temporary file beside `path`, renamed over it (keeping an
 * existing file's permissions). `seams check --fix` writes models this way.
 */
export function writeFileAtomically(path: string, content: string | Uint8Array): void {
  const output = path;
  const temporary = join(dirname(output), `.${basename(output)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, content, { flag: 'wx', mode: modeOf(output) });
    renameSync(temporary, output);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new InputError(`cannot write ${output}: ${fileProblem(error)}`);
  }
}

function modeOf(path: string): number {
  try {
    return statSync(path).mode & 0o777;
  } catch {
    return 0o666;
  }
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
