/**
 * The old model of `seams diff BASE` and `seams check --baseline BASE`.
 *
 * BASE is a git revision (anything `git rev-parse` accepts; `REV...` is the
 * merge base of REV and HEAD, `A...B` that of A and B) or an existing file or
 * folder. With a revision, the old model is the `.seams` files the same PATHs
 * held at that revision, found by the same rules as `findSeamsFiles` (a named
 * file whatever its extension; in folders `*.seams`, skipping `node_modules`
 * and dot-folders) and read with `git ls-tree` and `git cat-file` only: those
 * read the object store, so the working tree and the index are never touched
 * (unlike `git status` or `git stash`, which may write the index).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { normalize, relative, sep } from 'node:path';
import type { SourceFile } from '../core/check.js';
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

const SKIPPED_FOLDERS = new Set(['node_modules']);

/** Reads the old model named by BASE; throws InputError for every usage problem. */
export function readBase(base: string, paths: readonly string[], cwd: string): BaseModel {
  if (base === '') throw new InputError('BASE is empty: give a git revision, a file or a folder');
  const inRepo = git(['rev-parse', '--is-inside-work-tree'], cwd, true)?.toString().trim() === 'true';
  if (inRepo) {
    const commit = resolveRevision(base, cwd);
    if (commit) return { label: base, commit, sources: filesAtCommit(commit, paths, cwd) };
  }
  if (!base.includes('...') && existsSync(normalize(base))) {
    return { label: base, sources: readSources(findSeamsFiles([base])) };
  }
  if (!inRepo) throw new InputError(`${base} is no file or folder, and ${cwd} is not in a git repository`);
  throw new InputError(`unknown revision or path: ${base}`);
}

/** The full commit id BASE names, or undefined when git knows no such revision. */
function resolveRevision(base: string, cwd: string): string | undefined {
  const range = /^(.*)\.\.\.(.*)$/.exec(base);
  if (range) {
    const left = commitOf(range[1] || 'HEAD', cwd);
    const right = commitOf(range[2] || 'HEAD', cwd);
    if (!left || !right) return undefined;
    const mergeBase = git(['merge-base', left, right], cwd, true)?.toString().trim();
    if (!mergeBase) throw new InputError(`${base}: the two revisions have no common ancestor`);
    return mergeBase;
  }
  return commitOf(base, cwd);
}

function commitOf(revision: string, cwd: string): string | undefined {
  // A leading dash would be read as an option.
  if (revision.startsWith('-')) return undefined;
  const out = git(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], cwd, true)
    ?.toString()
    .trim();
  return out || undefined;
}

function filesAtCommit(commit: string, paths: readonly string[], cwd: string): SourceFile[] {
  const found = new Map<string, string>(); // display path -> blob id
  for (const given of paths.length > 0 ? paths : ['.']) {
    const root = normalize(given);
    const out = git(['ls-tree', '-r', '-z', commit, '--', root], cwd);
    for (const entry of out!.toString('utf8').split('\0')) {
      const match = /^\d+ (\w+) ([0-9a-f]+)\t(.*)$/s.exec(entry);
      if (!match || match[1] !== 'blob') continue;
      const path = normalize(match[3]!);
      if (!wanted(root, path)) continue;
      if (!found.has(path)) found.set(path, match[2]!);
    }
  }
  const files = [...found.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const texts = readBlobs(
    files.map((f) => found.get(f)!),
    cwd,
  );
  return files.map((file, i) => ({ file, text: texts[i]! }));
}

/** The same choice findSeamsFiles makes: a named file always, else *.seams outside skipped folders. */
function wanted(root: string, path: string): boolean {
  if (path === root) return true;
  const inside = relative(root, path).split(sep);
  const folders = inside.slice(0, -1);
  if (folders.some((f) => f.startsWith('.') && f !== '..')) return false;
  if (folders.some((f) => SKIPPED_FOLDERS.has(f))) return false;
  return path.endsWith('.seams');
}

/** Reads blobs in one `git cat-file --batch` and decodes them as UTF-8 (a BOM dropped). */
function readBlobs(ids: readonly string[], cwd: string): string[] {
  if (ids.length === 0) return [];
  const out = git(['cat-file', '--batch'], cwd, false, `${ids.join('\n')}\n`)!;
  const decoder = new TextDecoder('utf-8');
  const texts: string[] = [];
  let at = 0;
  for (const id of ids) {
    const headerEnd = out.indexOf(0x0a, at);
    const header = out.subarray(at, headerEnd).toString('utf8');
    const size = Number(/^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1]);
    if (!Number.isFinite(size)) throw new InputError(`cannot read blob ${id} from git: ${header}`);
    texts.push(decoder.decode(out.subarray(headerEnd + 1, headerEnd + 1 + size)));
    at = headerEnd + 1 + size + 1;
  }
  return texts;
}

/**
 * Runs git. With `quiet`, a failure gives undefined; otherwise it is an
 * InputError carrying git's first line of complaint.
 */
function git(args: readonly string[], cwd: string, quiet = false, input?: string): Buffer | undefined {
  const r = spawnSync('git', args, {
    cwd,
    input,
    maxBuffer: 1 << 30,
    // Never let git prompt, page or pick up a different repository than cwd's.
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', GIT_OPTIONAL_LOCKS: '0' },
  });
  if (r.error) {
    if ((r.error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new InputError('git is not installed (needed to read BASE from history)');
    throw new InputError(`cannot run git: ${r.error.message}`);
  }
  if (r.status !== 0) {
    if (quiet) return undefined;
    const first = r.stderr.toString('utf8').trim().split('\n')[0] ?? '';
    throw new InputError(`git ${args[0]} failed: ${first.replace(/^fatal: /, '')}`);
  }
  return r.stdout;
}
