/**
 * The old model of "Seams: Compare with…": the `.seams` files every workspace
 * folder held at a git revision, read from git's object store by
 * git/git-history.ts (the CLI's `seams diff` reads the same way), so the
 * working tree and the index are never touched.
 *
 * - Each old file is keyed as the same file of the working tree would be
 *   (its `file:` URI), so files sort as the live model's do.
 * - The revision is resolved again on every request (HEAD moves when the
 *   author commits); the files and their check are cached per commit, so a
 *   picture that follows typing costs one `git rev-parse` per folder, not a
 *   re-read.
 * - Every problem rejects with a `GitError` whose message a person can act on.
 */
import { join } from 'node:path';
import { checkSources, type CheckResult } from '../core/check.js';
import { GitError, isInsideWorkTree, listRevisions, resolveRevision, seamsFilesAt, type Revisions } from '../git/git-history.js';
import { pathToKey } from './workspace-scan.js';

export interface BaseCheck {
  /** The commit read (of the first folder in a repository). */
  commit: string;
  check: CheckResult;
}

export class CompareBase {
  private cached: { key: string; base: BaseCheck } | undefined;

  /** `folders`: the workspace folders as file-system paths, read at each request. */
  constructor(private readonly folders: () => readonly string[]) {}

  /** The checked model at `revision`. */
  async read(revision: string): Promise<BaseCheck> {
    const commits = await this.resolve(revision);
    const key = commits.map((c) => `${c.folder}\u0000${c.commit}`).join('\u0000');
    if (this.cached?.key === key) return this.cached.base;
    const sources = [];
    for (const { folder, commit } of commits) {
      for (const file of await seamsFilesAt(commit, [], folder))
        sources.push({ file: pathToKey(join(folder, file.path)), text: file.text });
    }
    const base = { commit: commits[0]!.commit, check: checkSources(sources) };
    this.cached = { key, base };
    return base;
  }

  /** What a revision picker offers, from the first workspace folder in a repository. */
  async revisions(): Promise<Revisions> {
    for (const folder of this.folders()) if (await isInsideWorkTree(folder)) return listRevisions(folder);
    throw this.noRepository();
  }

  /**
   * The commit `revision` names in each folder that knows it. One `git
   * rev-parse` per folder on the way that matters (an update while typing);
   * only when no folder knows the revision is it asked why.
   */
  private async resolve(revision: string): Promise<{ folder: string; commit: string }[]> {
    const found: { folder: string; commit: string }[] = [];
    for (const folder of this.folders()) {
      const commit = await resolveRevision(revision, folder);
      if (commit) found.push({ folder, commit });
    }
    if (found.length > 0) return found;
    for (const folder of this.folders()) if (await isInsideWorkTree(folder)) throw new GitError(`unknown revision: ${revision}`);
    throw this.noRepository();
  }

  private noRepository(): GitError {
    const folders = this.folders();
    return new GitError(
      folders.length === 0
        ? 'open a folder to compare: there is no workspace folder'
        : `${folders.length === 1 ? folders[0] : 'no workspace folder'} is not in a git repository`,
    );
  }
}
