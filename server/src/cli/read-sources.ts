/**
 * Reads the files to check, through read-text-file.ts: regular files only, up
 * to a size limit, valid UTF-8. By default the first file that cannot be read
 * is an input problem (`InputError`, exit 2). With `onProblem`, each such file
 * is reported there and left out, and the rest is read: `seams check` then
 * checks what it could (a file that vanished meanwhile does not abort the run).
 */
import type { SourceFile } from '../core/check.js';
import { InputError } from './input-error.js';
import { assertCheckableSize } from './model-size-limit.js';
import { DEFAULT_MAX_FILE_BYTES, readTextFileSync } from './read-text-file.js';

export interface ReadSourcesOptions {
  /** The per-file size limit in bytes (default 50 MB). */
  maxFileBytes?: number;
  /** Receives each file that cannot be read and why; without it the first one throws. */
  onProblem?: (file: string, reason: string) => void;
}

export function readSources(paths: readonly string[], options: ReadSourcesOptions = {}): SourceFile[] {
  const out: SourceFile[] = [];
  for (const file of paths) {
    const r = readTextFileSync(file, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    if ('text' in r) out.push({ file, text: r.text });
    else if (options.onProblem) options.onProblem(file, r.problem);
    else throw new InputError(`cannot read ${file}: ${r.problem}`);
  }
  // A model too big for the heap is refused in one line, before V8 aborts with a trace.
  assertCheckableSize(out);
  return out;
}
