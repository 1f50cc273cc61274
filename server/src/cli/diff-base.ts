/**
 * The old model of `seams diff BASE` and `seams check --baseline BASE`.
 *
 * BASE is a git revision (anything `git rev-parse` accepts; `REV...` is the
 * merge base of REV and HEAD, `A...B` that of A and B) or an existing file or
 * folder. With a revision, the old model is the `.seams` files the same PATHs
 * held at that revision, read from git's object store by git/git-history.ts
 * (shared with the language server), so the working tree and the index are
 * never touched.
 */
import { existsSync } from 'node:fs';
import { normalize } from 'node:path';
import type { SourceFile } from '../core/check.js';
import { GitError, isInsideWorkTree, resolveRevision, seamsFilesAt } from '../git/git-history.js';
import { findSeamsFiles } from './find-files.js';
import { InputError } from './input-error.js';
import { readSources } from './read-sources.js';

export interface BaseModel {
  /** BASE as given. */
  label: string;
  /** The commit read, when BASE is a revision. */
  commit?: string;
  sources: SourceFile[];
}

/** Reads the old model named by BASE; rejects with InputError for every usage problem. */
export async function readBase(base: string, paths: readonly string[], cwd: string): Promise<BaseModel> {
  if (base === '') throw new InputError('BASE is empty: give a git revision, a file or a folder');
  try {
    const inRepo = await isInsideWorkTree(cwd);
    if (inRepo) {
      const commit = await resolveRevision(base, cwd);
      if (commit) {
        const files = await seamsFilesAt(commit, paths, cwd);
        return { label: base, commit, sources: files.map((f) => ({ file: f.path, text: f.text })) };
      }
    }
    if (!base.includes('...') && existsSync(normalize(base))) {
      return { label: base, sources: readSources(findSeamsFiles([base])) };
    }
    if (!inRepo) throw new InputError(`${base} is no file or folder, and ${cwd} is not in a git repository`);
    throw new InputError(`unknown revision or path: ${base}`);
  } catch (err) {
    throw err instanceof GitError ? new InputError(err.message) : err;
  }
}
