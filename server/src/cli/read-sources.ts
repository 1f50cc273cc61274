/**
 * Reads the files to check. Seams files are UTF-8 (a leading BOM is dropped by
 * the decoder); bytes that are not valid UTF-8 are an input problem rather than
 * something to check with replacement characters, because the positions we
 * would report could not be found in the file.
 */
import { readFileSync } from 'node:fs';
import type { SourceFile } from '../core/check.js';
import { reason } from './find-files.js';
import { InputError } from './input-error.js';

export function readSources(paths: readonly string[]): SourceFile[] {
  // One decoder is enough: with `fatal` it keeps no state between whole-buffer calls.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return paths.map((file) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      throw new InputError(`cannot read ${file}: ${reason(error)}`);
    }
    try {
      return { file, text: decoder.decode(bytes) };
    } catch {
      throw new InputError(`cannot read ${file}: it is not valid UTF-8`);
    }
  });
}
