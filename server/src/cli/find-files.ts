/**
 * Turns the PATH arguments of `seams check` into the list of files to read.
 *
 * A file named on the command line is taken whatever its extension (the user
 * asked for it); a folder is searched recursively for `*.seams`, skipping
 * `node_modules` and folders whose name starts with a dot. Paths come back
 * spelled as given or as found beneath what was given, so output names files
 * the way the user typed them. The result is sorted and free of duplicates, so
 * the output is the same on every machine and every run. Finding no file at
 * all is an input problem: it is almost always a wrong path.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, normalize } from 'node:path';
import { InputError } from './input-error.js';
import { fileProblem } from './read-text-file.js';

const SKIPPED_FOLDERS = new Set(['node_modules']);

export function findSeamsFiles(paths: readonly string[]): string[] {
  const found = new Map<string, string>(); // real path -> display path (first spelling wins)
  const visitedFolders = new Set<string>();
  for (const given of paths.length > 0 ? paths : ['.']) {
    const display = normalize(given);
    const stats = statOrThrow(display, given);
    if (stats.isDirectory()) walk(display, found, visitedFolders);
    else addFile(display, found);
  }
  if (found.size === 0) {
    // Most likely a wrong folder; passing silently would hide that in CI (ESLint says so too).
    const where = paths.length > 0 ? paths.join(', ') : 'the current folder';
    throw new InputError(`no .seams files found in ${where}`);
  }
  return [...found.values()].sort(comparePaths);
}

function statOrThrow(path: string, given: string) {
  try {
    return statSync(path);
  } catch (error) {
    throw new InputError(`cannot read ${given}: ${fileProblem(error)}`);
  }
}

function walk(folder: string, found: Map<string, string>, visited: Set<string>): void {
  // Symbolic links to folders are followed, but each real folder once, so a link
  // cycle cannot make the walk endless.
  const real = realOrSelf(folder);
  if (visited.has(real)) return;
  visited.add(real);
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    // A folder removed while we walk held nothing to check any more.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new InputError(`cannot read folder ${folder}: ${fileProblem(error)}`);
  }
  for (const entry of entries) {
    const path = folder === '.' ? entry.name : join(folder, entry.name);
    let isFolder = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      // A dangling link named *.seams is kept so reading it reports the problem.
      try {
        isFolder = statSync(path).isDirectory();
      } catch {
        isFolder = false;
      }
    }
    if (isFolder) {
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      walk(path, found, visited);
    } else if (entry.name.endsWith('.seams')) {
      addFile(path, found);
    }
  }
}

function addFile(path: string, found: Map<string, string>): void {
  const key = realOrSelf(path);
  if (!found.has(key)) found.set(key, path);
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Code-unit order, the same order the diagnostics are sorted in. */
function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
